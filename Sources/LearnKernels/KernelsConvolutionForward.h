// The direct convolution's forward kernels (channels-last, output channels in vector
// registers, four pixels per weight load), plain and fused with a 2×2 max-pool. Part of
// Kernels.h, after KernelsVector.h; window_offsets is shared with KernelsConvolutionBackward.h.

// Accumulator vectors of output channels per pixel in the forward kernel: 4 pixels × NB
// vectors of accumulators plus NB weight vectors must fit the 16 (32 with AVX-512) registers.
#if LK_VL == 16
#define NB_MAX 4
#else
#define NB_MAX 3
#endif

/// Offsets of the K = k·k·ci window values from a window's first value in a padded image.
static void window_offsets(const lk_conv *s, long *off, long count) {
  long pw = s->iw + 2 * s->pad, kc = s->k * s->ci, K = s->k * kc;
  for (long j = 0; j < count; j++) {
    long jj = j < K ? j : 0;
    long ky = jj / kc, rem = jj % kc;
    off[j] = ky * pw * s->ci + rem;
  }
}

// MARK: Direct convolution

/// P pixels × NB vectors of output channels starting at o0, accumulated from the bias: the
/// weights of each window value are loaded once and used for all P pixels.
INLINE void conv_accumulate(const int P, const int NB, const float *const *base, const long *off, long K,
                            const float *wt, long copad, const float *bias, long o0, V acc[4][NB_MAX]) {
  for (int b = 0; b < NB; b++) {
    V bv = LOAD(bias + o0 + b * VL);
    for (int p = 0; p < P; p++) acc[p][b] = bv;
  }
  for (long j = 0; j < K; j++) {
    const float *wr = wt + j * copad + o0;
    V w[NB_MAX];
    for (int b = 0; b < NB; b++) w[b] = LOAD(wr + b * VL);
    long o = off[j];
    for (int p = 0; p < P; p++) {
      float xv = base[p][o];
      for (int b = 0; b < NB; b++) acc[p][b] += w[b] * xv;
    }
  }
}

INLINE void conv_block(const int P, const int NB, const float *const *base, const long *off, long K,
                       const float *wt, long copad, const float *bias, long o0, long co, int relu,
                       float *const *out) {
  V acc[4][NB_MAX];
  conv_accumulate(P, NB, base, off, K, wt, copad, bias, o0, acc);
  for (int p = 0; p < P; p++) {
    for (int b = 0; b < NB; b++) {
      V v = relu ? relu_v(acc[p][b]) : acc[p][b];
      long at = o0 + b * VL;
      if (at + VL <= co) STORE(out[p] + at, v);
      else store_part(out[p] + at, v, co - at);
    }
  }
}

/// The four pixels of one 2×2 window (base in the order (0,0), (0,1), (1,0), (1,1)), pooled in
/// registers: writes the window's maximum (after the ReLU) and which pixel won, the first of
/// equals, as lk_pool2_forward does.
INLINE void conv_pool_block(const int NB, const float *const *base, const long *off, long K, const float *wt,
                            long copad, const float *bias, long o0, long co, int relu, float *out,
                            unsigned char *win) {
  V acc[4][NB_MAX];
  conv_accumulate(4, NB, base, off, K, wt, copad, bias, o0, acc);
  for (int b = 0; b < NB; b++) {
    V top = acc[0][b];
    VI k = splat_i(0);
    for (int p = 1; p < 4; p++) {
      VI m = acc[p][b] > top;
      k = (m & splat_i(p)) | (~m & k);
      top = (V)((m & (VI)acc[p][b]) | (~m & (VI)top));
    }
    if (relu) top = relu_v(top);
    long at = o0 + b * VL;
    VB kb = __builtin_convertvector(k, VB);
    if (at + VL <= co) {
      STORE(out + at, top);
      *(VBU *)(win + at) = kb;
    } else {
      store_part(out + at, top, co - at);
      unsigned char t[VL];
      *(VBU *)t = kb;
      for (long i = 0; i < co - at; i++) win[at + i] = t[i];
    }
  }
}

static void FN(conv_forward)(const lk_conv *s, const float *xp, const float *wt, const float *bias, int relu,
                             float *y) {
  long K = s->k * s->k * s->ci, pw = s->iw + 2 * s->pad, psz = (s->ih + 2 * s->pad) * pw * s->ci;
  long co = s->co, copad = lk_conv_copad(s), nvec = (co + VL - 1) / VL, st = s->stride;
  long off[K];
  window_offsets(s, off, K);
  for (long img = 0; img < s->n; img++) {
    const float *image = xp + img * psz;
    for (long oy = 0; oy < s->oh; oy++) {
      for (long ox = 0; ox < s->ow;) {
        int P = s->ow - ox >= 4 ? 4 : 1;
        const float *base[4];
        float *out[4];
        for (int p = 0; p < P; p++) {
          base[p] = image + (oy * st * pw + (ox + p) * st) * s->ci;
          out[p] = y + ((img * s->oh + oy) * s->ow + ox + p) * co;
        }
        for (long v = 0; v < nvec; v += NB_MAX) {
          long nb = nvec - v < NB_MAX ? nvec - v : NB_MAX;
          long o0 = v * VL;
#define LK_CONV_CASE(PP, BB) \
  case PP * 8 + BB: conv_block(PP, BB, base, off, K, wt, copad, bias, o0, co, relu, out); break;
          switch (P * 8 + nb) {
            LK_CONV_CASE(4, 1) LK_CONV_CASE(4, 2) LK_CONV_CASE(4, 3)
            LK_CONV_CASE(1, 1) LK_CONV_CASE(1, 2) LK_CONV_CASE(1, 3)
#if NB_MAX > 3
            LK_CONV_CASE(4, 4) LK_CONV_CASE(1, 4)
#endif
          }
#undef LK_CONV_CASE
        }
        ox += P;
      }
    }
  }
}

/// The direct convolution followed by (ReLU and) 2×2 max-pooling with stride 2, floor mode:
/// each window's four pixels are computed together and pooled in registers, so the full-size
/// output is never written. y is [n][oh/2][ow/2][co], winner as lk_pool2_forward's.
static void FN(conv_pool_forward)(const lk_conv *s, const float *xp, const float *wt, const float *bias, int relu,
                                  float *y, unsigned char *winner) {
  long K = s->k * s->k * s->ci, pw = s->iw + 2 * s->pad, psz = (s->ih + 2 * s->pad) * pw * s->ci;
  long co = s->co, copad = lk_conv_copad(s), nvec = (co + VL - 1) / VL, st = s->stride;
  long ph = s->oh / 2, pwd = s->ow / 2;
  long off[K];
  window_offsets(s, off, K);
  for (long img = 0; img < s->n; img++) {
    const float *image = xp + img * psz;
    for (long py = 0; py < ph; py++) {
      for (long px = 0; px < pwd; px++) {
        const float *base[4];
        for (int p = 0; p < 4; p++) base[p] = image + (((2 * py + p / 2) * st) * pw + (2 * px + p % 2) * st) * s->ci;
        long at = ((img * ph + py) * pwd + px) * co;
        for (long v = 0; v < nvec; v += NB_MAX) {
          long nb = nvec - v < NB_MAX ? nvec - v : NB_MAX;
          long o0 = v * VL;
          switch (nb) {
            case 1: conv_pool_block(1, base, off, K, wt, copad, bias, o0, co, relu, y + at, winner + at); break;
            case 2: conv_pool_block(2, base, off, K, wt, copad, bias, o0, co, relu, y + at, winner + at); break;
            case 3: conv_pool_block(3, base, off, K, wt, copad, bias, o0, co, relu, y + at, winner + at); break;
#if NB_MAX > 3
            case 4: conv_pool_block(4, base, off, K, wt, copad, bias, o0, co, relu, y + at, winner + at); break;
#endif
          }
        }
      }
    }
  }
}
