// Pixel bytes to floats, for Learn's Samples.gather: images stay bytes in memory and become
// floats one batch at a time.
//
//   lk_bytes_times(pixels, 784, 1.0f / 255, input);    // (float)pixel * (1/255), the IDX reader's
//   lk_bytes_divided(pixels, 3072, 255.0f, input);     // (float)pixel / 255, CIFAR-10's
//
// Each result is bit for bit the scalar formula's (one multiply or one IEEE division, nothing
// fused). The instruction set follows the kernel build lk_select chose (lk_active_lanes); the
// loops read and write exactly `n` elements, no slack.
#ifndef LEARN_PIXEL_CONVERSION_H
#define LEARN_PIXEL_CONVERSION_H

#ifdef __cplusplus
extern "C" {
#endif

/// dst[i] = (float)src[i] * factor for i < n.
void lk_bytes_times(const unsigned char *src, long n, float factor, float *dst);
/// dst[i] = (float)src[i] / divisor for i < n.
void lk_bytes_divided(const unsigned char *src, long n, float divisor, float *dst);

#ifdef __cplusplus
}
#endif

#endif
