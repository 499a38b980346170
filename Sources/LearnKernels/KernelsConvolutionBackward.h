// The direct convolution's backward kernels: weight (and bias) gradients, plain and for the
// pool-fused forward, and the input gradient. Part of Kernels.h, after
// KernelsConvolutionForward.h (window_offsets).

// Defined with the per-channel passes (KernelsPerChannel.h); the bias gradient is its sums.
static void FN(column_sums)(const float *x, long rows, long c, float *sum);

/// ∂W for 9 window values (rows j0..j0+8 of the packed layout) × one vector of output
/// channels, accumulated in registers over every output pixel.
#define ROWS 9
static void FN(conv_backward_weights)(const lk_conv *s, const float *xp, const float *gy, float *gw, float *gb,
                                      float *scratch) {
  long K = s->k * s->k * s->ci, pw = s->iw + 2 * s->pad, psz = (s->ih + 2 * s->pad) * pw * s->ci;
  long co = s->co, copad = lk_conv_copad(s), nvec = (co + VL - 1) / VL, st = s->stride;
  long rounded = (K + ROWS - 1) / ROWS * ROWS;
  long off[rounded];
  window_offsets(s, off, rounded);
  float *gwt = scratch;  // [K][copad]
  for (long v = 0; v < nvec; v++) {
    for (long j0 = 0; j0 < K; j0 += ROWS) {
      V acc[ROWS];
      double total[ROWS][VL];
      for (int r = 0; r < ROWS; r++)
        for (int l = 0; l < VL; l++) total[r][l] = 0;
      const long *o = off + j0;
      for (long img = 0; img < s->n; img++) {
        // One image's pixels in float, then into double (see FOLD_EVERY).
        for (int r = 0; r < ROWS; r++) acc[r] = splat(0);
        const float *image = xp + img * psz;
        const float *g = gy + img * s->oh * s->ow * co + v * VL;
        for (long oy = 0; oy < s->oh; oy++) {
          for (long ox = 0; ox < s->ow; ox++) {
            V gv = LOAD(g);  // may read past the row: those lanes are never stored
            g += co;
            const float *base = image + (oy * st * pw + ox * st) * s->ci;
            for (int r = 0; r < ROWS; r++) acc[r] += gv * base[o[r]];
          }
        }
        for (int r = 0; r < ROWS; r++) {
          float t[VL];
          STORE(t, acc[r]);
          for (int l = 0; l < VL; l++) total[r][l] += t[l];
        }
      }
      for (int r = 0; r < ROWS && j0 + r < K; r++)
        for (int l = 0; l < VL; l++) gwt[(j0 + r) * copad + v * VL + l] = (float)total[r][l];
    }
  }
  for (long oc = 0; oc < co; oc++)
    for (long j = 0; j < K; j++) gw[oc * K + j] = gwt[j * copad + oc];
  FN(column_sums)(gy, s->n * s->oh * s->ow, co, gb);
}
/// conv_backward_weights for conv_pool_forward's output, from the pooled gradient gp: each
/// window's gradient goes to its winning pixel where the ReLU passed it (y > 0), inside the
/// accumulation, so the full-size gradient is never written or read. Pixels outside every
/// window (odd sizes) have no gradient. The same sums as conv_backward_weights over the routed
/// gradient, in window order.
static void FN(conv_pool_backward_weights)(const lk_conv *s, const float *xp, const float *gp, const float *y,
                                           const unsigned char *winner, int relu, float *gw, float *gb,
                                           float *scratch) {
  long K = s->k * s->k * s->ci, pw = s->iw + 2 * s->pad, psz = (s->ih + 2 * s->pad) * pw * s->ci;
  long co = s->co, copad = lk_conv_copad(s), nvec = (co + VL - 1) / VL, st = s->stride;
  long ph = s->oh / 2, pwd = s->ow / 2;
  long rounded = (K + ROWS - 1) / ROWS * ROWS;
  long off[rounded];
  window_offsets(s, off, rounded);
  float *gwt = scratch;  // [K][copad]
  double bias[nvec * VL];
  for (long i = 0; i < nvec * VL; i++) bias[i] = 0;
  V z = splat(0);
  for (long v = 0; v < nvec; v++) {
    for (long j0 = 0; j0 < K; j0 += ROWS) {
      V acc[ROWS], bacc;
      double total[ROWS][VL];
      for (int r = 0; r < ROWS; r++)
        for (int l = 0; l < VL; l++) total[r][l] = 0;
      const long *o = off + j0;
      for (long img = 0; img < s->n; img++) {
        // One image's windows in float, then into double (see FOLD_EVERY).
        for (int r = 0; r < ROWS; r++) acc[r] = splat(0);
        bacc = splat(0);
        const float *image = xp + img * psz;
        for (long py = 0; py < ph; py++) {
          for (long px = 0; px < pwd; px++) {
            // May read past the row (and the winners): those lanes are never stored.
            long at = ((img * ph + py) * pwd + px) * co + v * VL;
            VI g = (VI)LOAD(gp + at);
            if (relu) g &= (VI)(LOAD(y + at) > z);
            VI k = __builtin_convertvector(*(const VBU *)(winner + at), VI);
            bacc += (V)g;
            for (int p = 0; p < 4; p++) {
              V gv = (V)((k == splat_i(p)) & g);
              const float *base = image + (((2 * py + p / 2) * st) * pw + (2 * px + p % 2) * st) * s->ci;
              for (int r = 0; r < ROWS; r++) acc[r] += gv * base[o[r]];
            }
          }
        }
        for (int r = 0; r < ROWS; r++) {
          float t[VL];
          STORE(t, acc[r]);
          for (int l = 0; l < VL; l++) total[r][l] += t[l];
        }
        if (j0 == 0) {
          float t[VL];
          STORE(t, bacc);
          for (int l = 0; l < VL; l++) bias[v * VL + l] += t[l];
        }
      }
      for (int r = 0; r < ROWS && j0 + r < K; r++)
        for (int l = 0; l < VL; l++) gwt[(j0 + r) * copad + v * VL + l] = (float)total[r][l];
    }
  }
  for (long oc = 0; oc < co; oc++)
    for (long j = 0; j < K; j++) gw[oc * K + j] = gwt[j * copad + oc];
  for (long oc = 0; oc < co; oc++) gb[oc] = (float)bias[oc];
}
#undef ROWS

/// One pixel's window gradient, NB vectors of it: Σ_o g[o] · W[o][v0·VL ...].
INLINE void igrad_block(const int NB, const float *g, long co, const float *wp, long kpad, long v0, float *dcol) {
  V acc[8];
  for (int b = 0; b < NB; b++) acc[b] = splat(0);
  for (long o = 0; o < co; o++) {
    float gv = g[o];
    const float *w = wp + o * kpad + v0 * VL;
    for (int b = 0; b < NB; b++) acc[b] += LOAD(w + b * VL) * gv;
  }
  for (int b = 0; b < NB; b++) STORE(dcol + (v0 + b) * VL, acc[b]);
}

static void FN(conv_backward_input)(const lk_conv *s, const float *gy, const float *wp, float *dx, float *scratch) {
  long K = s->k * s->k * s->ci, kc = s->k * s->ci, pw = s->iw + 2 * s->pad;
  long psz = (s->ih + 2 * s->pad) * pw * s->ci, kpad = lk_conv_kpad(s), nvk = (K + VL - 1) / VL;
  long co = s->co, st = s->stride, isz = s->ih * s->iw * s->ci;
  float *dxp = scratch, *dcol = scratch + psz;
  for (long img = 0; img < s->n; img++) {
    memset(dxp, 0, psz * sizeof(float));
    const float *g = gy + img * s->oh * s->ow * co;
    for (long oy = 0; oy < s->oh; oy++) {
      for (long ox = 0; ox < s->ow; ox++, g += co) {
        for (long v0 = 0; v0 < nvk; v0 += 8) {
          long nb = nvk - v0 < 8 ? nvk - v0 : 8;
          switch (nb) {
            case 1: igrad_block(1, g, co, wp, kpad, v0, dcol); break;
            case 2: igrad_block(2, g, co, wp, kpad, v0, dcol); break;
            case 3: igrad_block(3, g, co, wp, kpad, v0, dcol); break;
            case 4: igrad_block(4, g, co, wp, kpad, v0, dcol); break;
            case 5: igrad_block(5, g, co, wp, kpad, v0, dcol); break;
            case 6: igrad_block(6, g, co, wp, kpad, v0, dcol); break;
            case 7: igrad_block(7, g, co, wp, kpad, v0, dcol); break;
            default: igrad_block(8, g, co, wp, kpad, v0, dcol); break;
          }
        }
        float *base = dxp + (oy * st * pw + ox * st) * s->ci;
        for (long ky = 0; ky < s->k; ky++) {
          float *row = base + ky * pw * s->ci;
          const float *src = dcol + ky * kc;
          for (long t = 0; t < kc; t++) row[t] += src[t];
        }
      }
    }
    float *d = dx + img * isz;
    for (long iy = 0; iy < s->ih; iy++)
      memcpy(d + iy * s->iw * s->ci, dxp + ((iy + s->pad) * pw + s->pad) * s->ci, s->iw * s->ci * sizeof(float));
  }
}
