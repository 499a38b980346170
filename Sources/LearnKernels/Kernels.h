// The kernels' one source, included by KernelsPortable.c, KernelsAVX2.c and KernelsAVX512.c
// with LK_VL (float lanes per vector), LK_SUFFIX and LK_NAME set, under a target attribute.
// Vectors are Clang/GCC vector extensions, so the same code becomes SSE, NEON, AVX2 or
// AVX-512 instructions; `a * b + c` contracts to FMA where the target has it.
#include <math.h>
#include <string.h>
#include "Table.h"

#define LK_CAT2(a, b) a##_##b
#define LK_CAT(a, b) LK_CAT2(a, b)
#define FN(name) LK_CAT(name, LK_SUFFIX)
#define INLINE static inline __attribute__((always_inline))

typedef float V __attribute__((vector_size(LK_VL * 4)));
typedef float VU __attribute__((vector_size(LK_VL * 4), aligned(4)));
#define VL LK_VL
#define LOAD(p) (*(const VU *)(p))
#define STORE(p, v) (*(VU *)(p) = (v))
typedef int VI __attribute__((vector_size(LK_VL * 4)));
typedef unsigned char VB __attribute__((vector_size(LK_VL)));
typedef unsigned char VBU __attribute__((vector_size(LK_VL), aligned(1)));

// Accumulator vectors of output channels per pixel in the forward kernel: 4 pixels × NB
// vectors of accumulators plus NB weight vectors must fit the 16 (32 with AVX-512) registers.
#if LK_VL == 16
#define NB_MAX 4
#else
#define NB_MAX 3
#endif
// The largest c·VL that per-channel passes keep as a repeating lane pattern.
#define PATTERN_MAX 1024
// Vector iterations a float accumulator runs before it is folded into double. A batch holds up
// to ~10^6 values per channel; summed in one float accumulator they lose about three digits
// (measured against float64 by scripts/parity-torch: batchnorm means and the direct
// convolution's weight gradients were 10^-3..10^-2 off where PyTorch's were 10^-5). 256 terms
// per lane kept a batch mean within ~8·10^-7, which was not enough: the first batchnorm's β
// gradient depends on the sign of x − mean at every pixel, and Fashion-MNIST's quantised pixels
// put many convolution outputs on a few values, so it ended 3·10^-4..4·10^-3 from float64
// (BatchNormBetaGradientPrecisionTests). 32 terms per lane keep the mean within ~4·10^-8, as
// PyTorch's double accumulator does, for one scalar fold per 32 vector adds.
#define FOLD_EVERY 32

static void FN(column_sums)(const float *x, long rows, long c, float *sum);

INLINE V splat(float s) {
  V v = {0};
  return v + s;
}

INLINE VI splat_i(int s) {
  VI v = {0};
  return v + s;
}

INLINE V relu_v(V v) {
  V z = {0};
  return __builtin_elementwise_max(v, z);
}

/// Stores the first m (< VL) lanes only: rows of c channels end inside a vector.
INLINE void store_part(float *p, V v, long m) {
  float t[VL];
  STORE(t, v);
  for (long i = 0; i < m; i++) p[i] = t[i];
}

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

// MARK: im2col

/// n floats from src to d, a vector at a time, the tail lane by lane (reads no slack).
INLINE void copy_run(float *d, const float *src, long n) {
  long i = 0;
  for (; i + VL <= n; i += VL) STORE(d + i, LOAD(src + i));
  for (; i < n; i++) d[i] = src[i];
}

/// d += src over n floats.
INLINE void add_run(float *d, const float *src, long n) {
  long i = 0;
  for (; i + VL <= n; i += VL) STORE(d + i, LOAD(d + i) + LOAD(src + i));
  for (; i < n; i++) d[i] += src[i];
}

/// Walks every window row (ky) of every output pixel in col's row order: a window row whose k
/// taps all lie inside the image is k·ci contiguous input values (channels-last), moved as one
/// run; rows in the padding, and taps past a side, are zeros. With `pooled`, the pixels are
/// those of the 2×2 pooling windows (stride 2, floor mode), window by window, each window's
/// four in the order (0,0), (0,1), (1,0), (1,1); pixels outside every window get no row.
#define LK_FOR_EACH_WINDOW_ROW(s, pooled, INSIDE, TAP, OUTSIDE)                                  \
  long ci = s->ci, k = s->k, kc = k * ci, isz = s->ih * s->iw * ci, st = s->stride, pad = s->pad; \
  long pwd = s->ow / 2, pixels = pooled ? (s->oh / 2) * pwd * 4 : s->oh * s->ow;                \
  float *row = col;                                                                               \
  for (long img = 0; img < s->n; img++)                                                           \
    for (long q = 0; q < pixels; q++) {                                                           \
      long oy = q / s->ow, ox = q % s->ow;                                                        \
      if (pooled) {                                                                               \
        long w = q >> 2, p = q & 3;                                                               \
        oy = 2 * (w / pwd) + (p >> 1);                                                            \
        ox = 2 * (w % pwd) + (p & 1);                                                             \
      }                                                                                           \
      long ix0 = ox * st - pad;                                                                   \
      int whole = ix0 >= 0 && ix0 + k <= s->iw;                                                   \
      for (long ky = 0; ky < k; ky++, row += kc) {                                                \
        long iy = oy * st - pad + ky;                                                             \
        long at = img * isz + (iy * s->iw + ix0) * ci;                                            \
        if (iy < 0 || iy >= s->ih) {                                                              \
          OUTSIDE(row, kc);                                                                       \
        } else if (whole) {                                                                       \
          INSIDE(row, at, kc);                                                                    \
        } else {                                                                                  \
          for (long kx = 0; kx < k; kx++) {                                                       \
            long ix = ix0 + kx;                                                                   \
            if (ix < 0 || ix >= s->iw) OUTSIDE(row + kx * ci, ci);                                \
            else TAP(row + kx * ci, at + kx * ci, ci);                                            \
          }                                                                                       \
        }                                                                                         \
      }                                                                                           \
    }

static void FN(im2col)(const lk_conv *s, int pooled, const float *x, float *col) {
#define LK_COPY(r, at, m) copy_run(r, x + (at), m)
#define LK_ZERO(r, m) memset(r, 0, (m) * sizeof(float))
  LK_FOR_EACH_WINDOW_ROW(s, pooled, LK_COPY, LK_COPY, LK_ZERO)
#undef LK_COPY
#undef LK_ZERO
}

static void FN(col2im)(const lk_conv *s, int pooled, const float *col, float *dx) {
  memset(dx, 0, s->n * s->ih * s->iw * s->ci * sizeof(float));
#define LK_ADD(r, at, m) add_run(dx + (at), r, m)
#define LK_SKIP(r, m)
  LK_FOR_EACH_WINDOW_ROW(s, pooled, LK_ADD, LK_ADD, LK_SKIP)
#undef LK_ADD
#undef LK_SKIP
}
#undef LK_FOR_EACH_WINDOW_ROW

// MARK: Per-channel passes
//
// Rows of c channels back to back: for c·VL ≤ PATTERN_MAX, VL rows are c whole vectors whose
// lane j belongs to channel j mod c, so a pass runs over full vectors with c-periodic
// per-lane constants, whatever c is (3 channels no longer waste 5 of 8 lanes).

/// Lane pattern of a per-channel constant: pat[q] lane l = value[(q·VL + l) mod c].
INLINE void pattern(const float *value, long c, V *pat) {
  for (long q = 0; q < c; q++) {
    float t[VL];
    for (int l = 0; l < VL; l++) t[l] = value[(q * VL + l) % c];
    pat[q] = LOAD(t);
  }
}

/// Folds per-lane sums back into per-channel sums.
INLINE void fold(const V *acc, long c, double *sum) {
  for (long q = 0; q < c; q++) {
    float t[VL];
    STORE(t, acc[q]);
    for (int l = 0; l < VL; l++) sum[(q * VL + l) % c] += t[l];
  }
}

static void FN(column_sums)(const float *x, long rows, long c, float *sum) {
  double total[c];
  for (long ch = 0; ch < c; ch++) total[ch] = 0;
  long r = 0;
  if (c * VL <= PATTERN_MAX) {
    V acc[c];
    while (r + VL <= rows) {
      for (long q = 0; q < c; q++) acc[q] = splat(0);
      for (long i = 0; i < FOLD_EVERY && r + VL <= rows; i++, r += VL) {
        const float *p = x + r * c;
        for (long q = 0; q < c; q++) acc[q] += LOAD(p + q * VL);
      }
      fold(acc, c, total);
    }
  } else {
    float part[c];
    while (r < rows) {
      for (long ch = 0; ch < c; ch++) part[ch] = 0;
      for (long i = 0; i < FOLD_EVERY && r < rows; i++, r++)
        for (long ch = 0; ch < c; ch++) part[ch] += x[r * c + ch];
      for (long ch = 0; ch < c; ch++) total[ch] += part[ch];
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) total[ch] += x[r * c + ch];
  for (long ch = 0; ch < c; ch++) sum[ch] = (float)total[ch];
}

static void FN(channel_moments)(const float *x, long rows, long c, float *mean, float *variance) {
  FN(column_sums)(x, rows, c, mean);
  for (long ch = 0; ch < c; ch++) mean[ch] /= (float)rows;
  double total[c];
  for (long ch = 0; ch < c; ch++) total[ch] = 0;
  long r = 0;
  if (c * VL <= PATTERN_MAX) {
    V acc[c], mu[c];
    pattern(mean, c, mu);
    while (r + VL <= rows) {
      for (long q = 0; q < c; q++) acc[q] = splat(0);
      for (long i = 0; i < FOLD_EVERY && r + VL <= rows; i++, r += VL) {
        const float *p = x + r * c;
        for (long q = 0; q < c; q++) {
          V d = LOAD(p + q * VL) - mu[q];
          acc[q] += d * d;
        }
      }
      fold(acc, c, total);
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) {
      float d = x[r * c + ch] - mean[ch];
      total[ch] += d * d;
    }
  for (long ch = 0; ch < c; ch++) variance[ch] = (float)(total[ch] / rows);
}

static void FN(channel_affine)(const float *x, long rows, long c, const float *scale, const float *shift, int relu,
                               float *y) {
  long r = 0;
  if (c * VL <= PATTERN_MAX) {
    V a[c], b[c];
    pattern(scale, c, a);
    pattern(shift, c, b);
    for (; r + VL <= rows; r += VL) {
      const float *p = x + r * c;
      float *o = y + r * c;
      for (long q = 0; q < c; q++) {
        V v = LOAD(p + q * VL) * a[q] + b[q];
        STORE(o + q * VL, relu ? relu_v(v) : v);
      }
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) {
      float v = x[r * c + ch] * scale[ch] + shift[ch];
      y[r * c + ch] = relu && v < 0 ? 0 : v;
    }
}

static void FN(batchnorm_backward)(const float *x, const float *g, long rows, long c, const float *mean,
                                   const float *invstd, const float *gamma, float *ggamma, float *gbeta, float *dx) {
  double sg[c], sgx[c];
  for (long ch = 0; ch < c; ch++) sg[ch] = sgx[ch] = 0;
  long r = 0;
  int patterned = c * VL <= PATTERN_MAX;
  if (patterned) {
    V mu[c], inv[c], a1[c], a2[c];
    pattern(mean, c, mu);
    pattern(invstd, c, inv);
    while (r + VL <= rows) {
      for (long q = 0; q < c; q++) a1[q] = a2[q] = splat(0);
      for (long i = 0; i < FOLD_EVERY && r + VL <= rows; i++, r += VL) {
        const float *p = x + r * c, *gg = g + r * c;
        for (long q = 0; q < c; q++) {
          V gv = LOAD(gg + q * VL);
          a1[q] += gv;
          a2[q] += gv * ((LOAD(p + q * VL) - mu[q]) * inv[q]);
        }
      }
      fold(a1, c, sg);
      fold(a2, c, sgx);
    }
  }
  for (long rr = r; rr < rows; rr++)
    for (long ch = 0; ch < c; ch++) {
      float gv = g[rr * c + ch];
      sg[ch] += gv;
      sgx[ch] += gv * (x[rr * c + ch] - mean[ch]) * invstd[ch];
    }
  for (long ch = 0; ch < c; ch++) {
    gbeta[ch] = (float)sg[ch];
    ggamma[ch] = (float)sgx[ch];
  }
  if (!dx) return;
  // dx = A·g + B·x + C per channel, expanding γ·inv·(g − Σg/m − x̂·Σgx̂/m) with x̂ = (x − μ)·inv.
  float A[c], B[c], C[c];
  float m = (float)rows;
  for (long ch = 0; ch < c; ch++) {
    A[ch] = gamma[ch] * invstd[ch];
    B[ch] = -A[ch] * invstd[ch] * ggamma[ch] / m;
    C[ch] = -A[ch] * gbeta[ch] / m - B[ch] * mean[ch];
  }
  r = 0;
  if (patterned) {
    V a[c], b[c], cc[c];
    pattern(A, c, a);
    pattern(B, c, b);
    pattern(C, c, cc);
    for (; r + VL <= rows; r += VL) {
      const float *p = x + r * c, *gg = g + r * c;
      float *o = dx + r * c;
      for (long q = 0; q < c; q++) STORE(o + q * VL, a[q] * LOAD(gg + q * VL) + b[q] * LOAD(p + q * VL) + cc[q]);
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) dx[r * c + ch] = A[ch] * g[r * c + ch] + B[ch] * x[r * c + ch] + C[ch];
}

// MARK: Batchnorm → ReLU → 2×2 max-pool

static void FN(affine_relu_pool2_forward)(const float *x, long n, long h, long w, long c, const float *scale,
                                          const float *shift, int relu, float *y, unsigned char *winner) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        const float *a = image + (2 * oy * w + 2 * ox) * c, *b = a + c, *d = a + w * c, *e = d + c;
        long at = ((img * oh + oy) * ow + ox) * c;
        float *out = y + at;
        unsigned char *win = winner + at;
        for (long ch = 0; ch < c; ch++) {
          float s = scale[ch], t = shift[ch];
          float v0 = a[ch] * s + t, v1 = b[ch] * s + t, v2 = d[ch] * s + t, v3 = e[ch] * s + t;
          if (relu) {
            v0 = v0 > 0 ? v0 : 0;
            v1 = v1 > 0 ? v1 : 0;
            v2 = v2 > 0 ? v2 : 0;
            v3 = v3 > 0 ? v3 : 0;
          }
          float top = v0;
          unsigned char k = 0;
          if (v1 > top) { top = v1; k = 1; }
          if (v2 > top) { top = v2; k = 2; }
          if (v3 > top) { top = v3; k = 3; }
          out[ch] = top;
          win[ch] = k;
        }
      }
    }
  }
}

static void FN(affine_relu_pool2_backward)(const float *x, const float *gp, const float *y, const unsigned char *winner,
                                           long n, long h, long w, long c, int relu, const float *mean,
                                           const float *invstd, const float *gamma, float *ggamma, float *gbeta,
                                           float *dx) {
  long oh = h / 2, ow = w / 2;
  // Only a window's winner, where the ReLU passed it, receives gradient. Sums per image in
  // float, folded into double per image (a batch is up to ~10⁶ values per channel).
  double sg[c], sgx[c];
  float g1[c], g2[c];
  for (long ch = 0; ch < c; ch++) sg[ch] = sgx[ch] = 0;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long ch = 0; ch < c; ch++) g1[ch] = g2[ch] = 0;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long at = ((img * oh + oy) * ow + ox) * c;
        const float *win0 = image + (2 * oy * w + 2 * ox) * c;
        for (long ch = 0; ch < c; ch++) {
          long k = winner[at + ch];
          float xv = win0[((k >> 1) * w + (k & 1)) * c + ch];
          float g = relu && !(y[at + ch] > 0) ? 0 : gp[at + ch];
          g1[ch] += g;
          g2[ch] += g * xv;
        }
      }
    }
    for (long ch = 0; ch < c; ch++) {
      sg[ch] += g1[ch];
      sgx[ch] += g2[ch];
    }
  }
  for (long ch = 0; ch < c; ch++) {
    // Σ g·x̂ = inv · (Σ g·x − μ · Σ g)
    gbeta[ch] = (float)sg[ch];
    ggamma[ch] = (float)((sgx[ch] - mean[ch] * sg[ch]) * invstd[ch]);
  }
  if (!dx) return;
  // dx = A·g + B·x + C per channel (see batchnorm_backward); g is zero off the winners. One
  // pass over the windows writes all four values of each; rows and columns outside every
  // window (odd sizes) get B·x + C alone.
  float A[c], B[c], C[c];
  float m = (float)(n * h * w);
  for (long ch = 0; ch < c; ch++) {
    A[ch] = gamma[ch] * invstd[ch];
    B[ch] = -A[ch] * invstd[ch] * ggamma[ch] / m;
    C[ch] = -A[ch] * gbeta[ch] / m - B[ch] * mean[ch];
  }
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    float *d = dx + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long at = ((img * oh + oy) * ow + ox) * c;
        long q0 = (2 * oy * w + 2 * ox) * c, q1 = q0 + c, q2 = q0 + w * c, q3 = q2 + c;
        for (long ch = 0; ch < c; ch++) {
          long k = winner[at + ch];
          float g = relu && !(y[at + ch] > 0) ? 0 : A[ch] * gp[at + ch];
          d[q0 + ch] = B[ch] * image[q0 + ch] + C[ch] + (k == 0 ? g : 0);
          d[q1 + ch] = B[ch] * image[q1 + ch] + C[ch] + (k == 1 ? g : 0);
          d[q2 + ch] = B[ch] * image[q2 + ch] + C[ch] + (k == 2 ? g : 0);
          d[q3 + ch] = B[ch] * image[q3 + ch] + C[ch] + (k == 3 ? g : 0);
        }
      }
      if (w > 2 * ow) {
        for (long r = 0; r < 2; r++) {
          long q = ((2 * oy + r) * w + w - 1) * c;
          for (long ch = 0; ch < c; ch++) d[q + ch] = B[ch] * image[q + ch] + C[ch];
        }
      }
    }
    if (h > 2 * oh) {
      long q = (h - 1) * w * c;
      for (long t = 0; t < w; t++)
        for (long ch = 0; ch < c; ch++) d[q + t * c + ch] = B[ch] * image[q + t * c + ch] + C[ch];
    }
  }
}

// MARK: 2×2 max-pool

static void FN(maxpool2_forward)(const float *x, long n, long h, long w, long c, float *y) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        const float *a = image + (2 * oy * w + 2 * ox) * c, *b = a + c, *d = a + w * c, *e = d + c;
        float *out = y + ((img * oh + oy) * ow + ox) * c;
        for (long ch = 0; ch < c; ch++) {
          float m1 = a[ch] > b[ch] ? a[ch] : b[ch], m2 = d[ch] > e[ch] ? d[ch] : e[ch];
          out[ch] = m1 > m2 ? m1 : m2;
        }
      }
    }
  }
}

static void FN(maxpool2_backward)(const float *x, const float *y, const float *gy, long n, long h, long w, long c,
                                  float *dx) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    float *dimage = dx + img * h * w * c;
    // Rows and columns an odd size leaves outside every window get no gradient.
    if (h > 2 * oh || w > 2 * ow) memset(dimage, 0, h * w * c * sizeof(float));
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long q0 = (2 * oy * w + 2 * ox) * c, q1 = q0 + c, q2 = q0 + w * c, q3 = q2 + c;
        long at = ((img * oh + oy) * ow + ox) * c;
        for (long ch = 0; ch < c; ch++) {
          float top = y[at + ch], g = gy[at + ch];
          int w0 = image[q0 + ch] == top, w1 = !w0 && image[q1 + ch] == top;
          int w2 = !w0 && !w1 && image[q2 + ch] == top, w3 = !w0 && !w1 && !w2;
          dimage[q0 + ch] = w0 ? g : 0;
          dimage[q1 + ch] = w1 ? g : 0;
          dimage[q2 + ch] = w2 ? g : 0;
          dimage[q3 + ch] = w3 ? g : 0;
        }
      }
    }
  }
}

// MARK: (ReLU →) 2×2 max-pool, winners kept

/// Vectors of channels across the four values of each window: the maximum and which value
/// won (first of equals, as PyTorch), then the ReLU. max(relu(a), …) = relu(max(a, …)), and a
/// window whose maximum the ReLU clamps passes no gradient, so pooling the raw values first
/// routes gradients exactly as ReLU then max-pool does.
static void FN(pool2_forward)(const float *x, long n, long h, long w, long c, int relu, float *y,
                              unsigned char *winner) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        const float *a = image + (2 * oy * w + 2 * ox) * c, *b = a + c, *d = a + w * c, *e = d + c;
        long at = ((img * oh + oy) * ow + ox) * c;
        float *out = y + at;
        unsigned char *win = winner + at;
        long ch = 0;
        for (; ch + VL <= c; ch += VL) {
          // Blends on the strict comparison, as the scalar tail (a plain max would add NaN
          // handling to every step).
          V top = LOAD(a + ch), v;
          VI k = splat_i(0), m;
          v = LOAD(b + ch);
          m = v > top;
          k = (m & splat_i(1)) | (~m & k);
          top = (V)((m & (VI)v) | (~m & (VI)top));
          v = LOAD(d + ch);
          m = v > top;
          k = (m & splat_i(2)) | (~m & k);
          top = (V)((m & (VI)v) | (~m & (VI)top));
          v = LOAD(e + ch);
          m = v > top;
          k = (m & splat_i(3)) | (~m & k);
          top = (V)((m & (VI)v) | (~m & (VI)top));
          STORE(out + ch, relu ? relu_v(top) : top);
          *(VBU *)(win + ch) = __builtin_convertvector(k, VB);
        }
        for (; ch < c; ch++) {
          float top = a[ch];
          unsigned char k = 0;
          if (b[ch] > top) { top = b[ch]; k = 1; }
          if (d[ch] > top) { top = d[ch]; k = 2; }
          if (e[ch] > top) { top = e[ch]; k = 3; }
          out[ch] = relu && top < 0 ? 0 : top;
          win[ch] = k;
        }
      }
    }
  }
}

/// Each window's gradient to its winner (where the ReLU passed it, y > 0), zeros to the other
/// three; rows and columns an odd size leaves outside every window get zeros too.
static void FN(pool2_backward)(const float *gp, const float *y, const unsigned char *winner, long n, long h, long w,
                               long c, int relu, float *dx) {
  long oh = h / 2, ow = w / 2;
  V z = splat(0);
  for (long img = 0; img < n; img++) {
    float *d = dx + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long at = ((img * oh + oy) * ow + ox) * c;
        long q0 = (2 * oy * w + 2 * ox) * c, q1 = q0 + c, q2 = q0 + w * c, q3 = q2 + c;
        long ch = 0;
        for (; ch + VL <= c; ch += VL) {
          VI g = (VI)LOAD(gp + at + ch);
          if (relu) g &= (VI)(LOAD(y + at + ch) > z);
          VI k = __builtin_convertvector(*(const VBU *)(winner + at + ch), VI);
          STORE(d + q0 + ch, (V)((k == splat_i(0)) & g));
          STORE(d + q1 + ch, (V)((k == splat_i(1)) & g));
          STORE(d + q2 + ch, (V)((k == splat_i(2)) & g));
          STORE(d + q3 + ch, (V)((k == splat_i(3)) & g));
        }
        for (; ch < c; ch++) {
          float g = relu && !(y[at + ch] > 0) ? 0 : gp[at + ch];
          long k = winner[at + ch];
          d[q0 + ch] = k == 0 ? g : 0;
          d[q1 + ch] = k == 1 ? g : 0;
          d[q2 + ch] = k == 2 ? g : 0;
          d[q3 + ch] = k == 3 ? g : 0;
        }
      }
      if (w > 2 * ow) {
        memset(d + ((2 * oy) * w + w - 1) * c, 0, c * sizeof(float));
        memset(d + ((2 * oy + 1) * w + w - 1) * c, 0, c * sizeof(float));
      }
    }
    if (h > 2 * oh) memset(d + (h - 1) * w * c, 0, w * c * sizeof(float));
  }
}

// MARK: Elementwise

static void FN(relu)(const float *x, long count, float *y) {
  long i = 0;
  for (; i + VL <= count; i += VL) STORE(y + i, relu_v(LOAD(x + i)));
  for (; i < count; i++) y[i] = x[i] > 0 ? x[i] : 0;
}

static void FN(relu_backward)(const float *y, long count, float *g) {
  for (long i = 0; i < count; i++) g[i] = y[i] > 0 ? g[i] : 0;
}

static void FN(sgd_update)(float *w, const float *g, const float *h, float *v, long count, float lr, float mu,
                           float wd, int first) {
  for (long i = 0; i < count; i++) {
    float gi = (h ? g[i] + h[i] : g[i]) + wd * w[i];
    if (mu == 0) {
      w[i] -= lr * gi;
    } else {
      float vi = first ? gi : mu * v[i] + gi;
      v[i] = vi;
      w[i] -= lr * vi;
    }
  }
}

static void FN(adam_update)(float *w, const float *g, const float *h, float *m, float *v, long count, float b1,
                            float b2, float step, float root, float eps, float wd) {
  for (long i = 0; i < count; i++) {
    float gi = (h ? g[i] + h[i] : g[i]) + wd * w[i];
    float mi = b1 * m[i] + (1 - b1) * gi;
    float vi = b2 * v[i] + (1 - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    w[i] -= step * mi / (sqrtf(vi) * root + eps);
  }
}

const lk_table LK_CAT(lk_table, LK_SUFFIX) = {
  .name = LK_NAME,
  .lanes = LK_VL,
  .conv_forward = FN(conv_forward),
  .conv_pool_forward = FN(conv_pool_forward),
  .conv_backward_weights = FN(conv_backward_weights),
  .conv_pool_backward_weights = FN(conv_pool_backward_weights),
  .conv_backward_input = FN(conv_backward_input),
  .channel_moments = FN(channel_moments),
  .channel_affine = FN(channel_affine),
  .batchnorm_backward = FN(batchnorm_backward),
  .column_sums = FN(column_sums),
  .relu = FN(relu),
  .relu_backward = FN(relu_backward),
  .sgd_update = FN(sgd_update),
  .adam_update = FN(adam_update),
  .affine_relu_pool2_forward = FN(affine_relu_pool2_forward),
  .maxpool2_forward = FN(maxpool2_forward),
  .maxpool2_backward = FN(maxpool2_backward),
  .pool2_forward = FN(pool2_forward),
  .pool2_backward = FN(pool2_backward),
  .im2col = FN(im2col),
  .col2im = FN(col2im),
  .affine_relu_pool2_backward = FN(affine_relu_pool2_backward),
};
