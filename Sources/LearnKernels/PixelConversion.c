// Pixel bytes to floats in the widest vectors the chosen kernel build uses. Swift code in Learn
// is compiled for the x86-64 baseline (SSE2), where this conversion ran at 22 ms per
// Fashion-MNIST epoch against 17 ms for copying rows of floats; with AVX2 it takes 13 ms
// (/tmp microbenchmark, 60,000 shuffled rows in batches of 64, issue 12).
#include "include/PixelConversion.h"
#include "include/LearnKernels.h"

#define TIMES_LOOP for (long i = 0; i < n; i++) dst[i] = (float)src[i] * factor;
#define DIVIDED_LOOP for (long i = 0; i < n; i++) dst[i] = (float)src[i] / divisor;

static void times_portable(const unsigned char *src, long n, float factor, float *dst) { TIMES_LOOP }
static void divided_portable(const unsigned char *src, long n, float divisor, float *dst) { DIVIDED_LOOP }

#if defined(__x86_64__)
__attribute__((target("avx2")))
static void times_avx2(const unsigned char *src, long n, float factor, float *dst) { TIMES_LOOP }
__attribute__((target("avx2")))
static void divided_avx2(const unsigned char *src, long n, float divisor, float *dst) { DIVIDED_LOOP }
__attribute__((target("avx512f")))
static void times_avx512(const unsigned char *src, long n, float factor, float *dst) { TIMES_LOOP }
__attribute__((target("avx512f")))
static void divided_avx512(const unsigned char *src, long n, float divisor, float *dst) { DIVIDED_LOOP }
#endif

void lk_bytes_times(const unsigned char *src, long n, float factor, float *dst) {
#if defined(__x86_64__)
  int lanes = lk_active_lanes();
  if (lanes >= 16) { times_avx512(src, n, factor, dst); return; }
  if (lanes >= 8) { times_avx2(src, n, factor, dst); return; }
#endif
  times_portable(src, n, factor, dst);
}

void lk_bytes_divided(const unsigned char *src, long n, float divisor, float *dst) {
#if defined(__x86_64__)
  int lanes = lk_active_lanes();
  if (lanes >= 16) { divided_avx512(src, n, divisor, dst); return; }
  if (lanes >= 8) { divided_avx2(src, n, divisor, dst); return; }
#endif
  divided_portable(src, n, divisor, dst);
}
