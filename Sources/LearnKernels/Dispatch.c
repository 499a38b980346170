// Chooses one build of the kernels for this CPU, once, and forwards every call to it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "Table.h"

static const lk_table *active;
// A choice for the calling thread only (tests compare builds while other tests train).
static __thread const lk_table *thread_choice;

static int cpu_has(const char *name) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  // __builtin_cpu_supports also checks that the OS saves the wider registers (XGETBV).
  if (!strcmp(name, "avx512f")) return __builtin_cpu_supports("avx512f");
  if (!strcmp(name, "avx2")) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#endif
  return !strcmp(name, "portable");
}

static const lk_table *table_named(const char *name) {
#if defined(__x86_64__)
  if (!strcmp(name, "avx512f")) return &lk_table_avx512;
  if (!strcmp(name, "avx2")) return &lk_table_avx2;
#endif
  if (!strcmp(name, "portable")) return &lk_table_portable;
  return NULL;
}

static const lk_table *choose(void) {
  const char *wanted = getenv("JOULE_KERNELS");
  if (wanted && *wanted && cpu_has(wanted) && table_named(wanted)) return table_named(wanted);
  if (cpu_has("avx512f")) return table_named("avx512f");
  if (cpu_has("avx2")) return table_named("avx2");
  return &lk_table_portable;
}

/// The choice; JOULE_KERNELS_VERBOSE=1 reports it on stderr (as OPENBLAS_VERBOSE does its core).
static const lk_table *best(void) {
  const lk_table *t = choose();
  const char *verbose = getenv("JOULE_KERNELS_VERBOSE");
  if (verbose && *verbose && strcmp(verbose, "0")) fprintf(stderr, "joule kernels: %s\n", t->name);
  return t;
}

// Races on first use are benign: every thread computes the same table.
static inline const lk_table *K(void) {
  if (thread_choice) return thread_choice;
  const lk_table *t = __atomic_load_n(&active, __ATOMIC_ACQUIRE);
  if (!t) {
    t = best();
    __atomic_store_n(&active, t, __ATOMIC_RELEASE);
  }
  return t;
}

int lk_supported(const char *name) { return name && table_named(name) && cpu_has(name); }

int lk_select(const char *name) {
  if (!name || !*name) {
    __atomic_store_n(&active, best(), __ATOMIC_RELEASE);
    return 0;
  }
  if (!lk_supported(name)) return -1;
  __atomic_store_n(&active, table_named(name), __ATOMIC_RELEASE);
  return 0;
}

int lk_select_for_thread(const char *name) {
  if (!name || !*name) {
    thread_choice = NULL;
    return 0;
  }
  if (!lk_supported(name)) return -1;
  thread_choice = table_named(name);
  return 0;
}

const char *lk_active_name(void) { return K()->name; }
int lk_active_lanes(void) { return K()->lanes; }

long lk_conv_copad(const lk_conv *s) { return (s->co + 15) / 16 * 16; }
long lk_conv_kpad(const lk_conv *s) { return (s->k * s->k * s->ci + 15) / 16 * 16; }
long lk_conv_padded_size(const lk_conv *s) { return (s->ih + 2 * s->pad) * (s->iw + 2 * s->pad) * s->ci; }

void lk_conv_pad_input(const lk_conv *s, const float *x, float *xp) {
  long pw = s->iw + 2 * s->pad, ph = s->ih + 2 * s->pad, ci = s->ci, row = s->iw * ci;
  long psz = ph * pw * ci, isz = s->ih * row;
  for (long img = 0; img < s->n; img++) {
    float *d = xp + img * psz;
    const float *src = x + img * isz;
    if (s->pad == 0) {
      memcpy(d, src, isz * sizeof(float));
      continue;
    }
    // Borders are zero: the top and bottom rows whole, then the left and right edges per row.
    memset(d, 0, s->pad * pw * ci * sizeof(float));
    memset(d + (s->pad + s->ih) * pw * ci, 0, s->pad * pw * ci * sizeof(float));
    for (long y = 0; y < s->ih; y++) {
      float *r = d + (y + s->pad) * pw * ci;
      memset(r, 0, s->pad * ci * sizeof(float));
      memcpy(r + s->pad * ci, src + y * row, row * sizeof(float));
      memset(r + s->pad * ci + row, 0, s->pad * ci * sizeof(float));
    }
  }
}

void lk_conv_pack_weights(const lk_conv *s, const float *w, float *packed) {
  long K = s->k * s->k * s->ci, copad = lk_conv_copad(s);
  memset(packed, 0, K * copad * sizeof(float));
  for (long o = 0; o < s->co; o++)
    for (long j = 0; j < K; j++) packed[j * copad + o] = w[o * K + j];
}

void lk_conv_pad_weights(const lk_conv *s, const float *w, float *padded) {
  long K = s->k * s->k * s->ci, kpad = lk_conv_kpad(s);
  memset(padded, 0, s->co * kpad * sizeof(float));
  for (long o = 0; o < s->co; o++) memcpy(padded + o * kpad, w + o * K, K * sizeof(float));
}

void lk_conv_forward(const lk_conv *s, const float *xp, const float *packed, const float *bias, int relu, float *y) {
  K()->conv_forward(s, xp, packed, bias, relu, y);
}
void lk_conv_backward_weights(const lk_conv *s, const float *xp, const float *gy, float *gw, float *gb,
                              float *scratch) {
  K()->conv_backward_weights(s, xp, gy, gw, gb, scratch);
}
void lk_conv_backward_input(const lk_conv *s, const float *gy, const float *padded, float *dx, float *scratch) {
  K()->conv_backward_input(s, gy, padded, dx, scratch);
}
void lk_channel_moments(const float *x, long rows, long c, float *mean, float *variance) {
  K()->channel_moments(x, rows, c, mean, variance);
}
void lk_channel_affine(const float *x, long rows, long c, const float *scale, const float *shift, int relu, float *y) {
  K()->channel_affine(x, rows, c, scale, shift, relu, y);
}
void lk_batchnorm_backward(const float *x, const float *g, long rows, long c, const float *mean,
                           const float *invstd, const float *gamma, float *ggamma, float *gbeta, float *dx) {
  K()->batchnorm_backward(x, g, rows, c, mean, invstd, gamma, ggamma, gbeta, dx);
}
void lk_column_sums(const float *x, long rows, long c, float *sum) { K()->column_sums(x, rows, c, sum); }
void lk_fill_rows(float *y, long rows, long c, const float *bias) {
  for (long r = 0; r < rows; r++) memcpy(y + r * c, bias, c * sizeof(float));
}
void lk_relu(const float *x, long count, float *y) { K()->relu(x, count, y); }
void lk_relu_backward(const float *y, long count, float *g) { K()->relu_backward(y, count, g); }
void lk_sgd_update(float *w, const float *g, const float *h, float *v, long count, float lr, float momentum,
                   float decay, int first) {
  K()->sgd_update(w, g, h, v, count, lr, momentum, decay, first);
}
void lk_adam_update(float *w, const float *g, const float *h, float *m, float *v, long count, float beta1,
                    float beta2, float step, float root, float eps, float decay) {
  K()->adam_update(w, g, h, m, v, count, beta1, beta2, step, root, eps, decay);
}
void lk_affine_relu_pool2_forward(const float *x, long n, long h, long w, long c, const float *scale,
                                  const float *shift, int relu, float *y, unsigned char *winner) {
  K()->affine_relu_pool2_forward(x, n, h, w, c, scale, shift, relu, y, winner);
}
void lk_affine_relu_pool2_backward(const float *x, const float *gp, const float *y, const unsigned char *winner,
                                   long n, long h, long w, long c, int relu, const float *mean,
                                   const float *invstd, const float *gamma, float *ggamma, float *gbeta, float *dx) {
  K()->affine_relu_pool2_backward(x, gp, y, winner, n, h, w, c, relu, mean, invstd, gamma, ggamma, gbeta, dx);
}
void lk_maxpool2_forward(const float *x, long n, long h, long w, long c, float *y) {
  K()->maxpool2_forward(x, n, h, w, c, y);
}
void lk_maxpool2_backward(const float *x, const float *y, const float *gy, long n, long h, long w, long c, float *dx) {
  K()->maxpool2_backward(x, y, gy, n, h, w, c, dx);
}
void lk_pool2_forward(const float *x, long n, long h, long w, long c, int relu, float *y, unsigned char *winner) {
  K()->pool2_forward(x, n, h, w, c, relu, y, winner);
}
void lk_pool2_backward(const float *gp, const float *y, const unsigned char *winner, long n, long h, long w, long c,
                       int relu, float *dx) {
  K()->pool2_backward(gp, y, winner, n, h, w, c, relu, dx);
}
void lk_im2col(const lk_conv *s, int pooled, const float *x, float *col) { K()->im2col(s, pooled, x, col); }
void lk_col2im(const lk_conv *s, int pooled, const float *col, float *dx) { K()->col2im(s, pooled, col, dx); }
void lk_conv_pool_forward(const lk_conv *s, const float *xp, const float *packed, const float *bias, int relu,
                          float *y, unsigned char *winner) {
  K()->conv_pool_forward(s, xp, packed, bias, relu, y, winner);
}
void lk_conv_pool_backward_weights(const lk_conv *s, const float *xp, const float *gp, const float *y,
                                   const unsigned char *winner, int relu, float *gw, float *gb, float *scratch) {
  K()->conv_pool_backward_weights(s, xp, gp, y, winner, relu, gw, gb, scratch);
}
