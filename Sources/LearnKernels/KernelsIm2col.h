// im2col and col2im for the sgemm convolution, optionally laid out by 2×2 pooling window: a
// window row inside the image is one contiguous run of k·ci values. Part of Kernels.h.

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
