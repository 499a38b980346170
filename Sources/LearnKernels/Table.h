// The kernels one instruction-set build provides; Dispatch.c holds one table per build.
#ifndef LEARN_KERNELS_TABLE_H
#define LEARN_KERNELS_TABLE_H
#include "include/LearnKernels.h"

typedef struct lk_table {
  const char *name;
  int lanes;
  void (*conv_forward)(const lk_conv *, const float *, const float *, const float *, int, float *);
  void (*conv_pool_forward)(const lk_conv *, const float *, const float *, const float *, int, float *,
                            unsigned char *);
  void (*conv_backward_weights)(const lk_conv *, const float *, const float *, float *, float *, float *);
  void (*conv_pool_backward_weights)(const lk_conv *, const float *, const float *, const float *,
                                     const unsigned char *, int, float *, float *, float *);
  void (*conv_backward_input)(const lk_conv *, const float *, const float *, float *, float *);
  void (*channel_moments)(const float *, long, long, float *, float *);
  void (*channel_affine)(const float *, long, long, const float *, const float *, int, float *);
  void (*batchnorm_backward)(const float *, const float *, long, long, const float *, const float *,
                             const float *, float *, float *, float *);
  void (*column_sums)(const float *, long, long, float *);
  void (*relu)(const float *, long, float *);
  void (*relu_backward)(const float *, long, float *);
  void (*sgd_update)(float *, const float *, const float *, float *, long, float, float, float, int);
  void (*adam_update)(float *, const float *, const float *, float *, float *, long, float, float, float, float,
                      float, float);
  void (*affine_relu_pool2_forward)(const float *, long, long, long, long, const float *, const float *, int,
                                    float *, unsigned char *);
  void (*affine_relu_pool2_backward)(const float *, const float *, const float *, const unsigned char *, long, long,
                                     long, long, int, const float *, const float *, const float *, float *, float *,
                                     float *);
  void (*maxpool2_forward)(const float *, long, long, long, long, float *);
  void (*maxpool2_backward)(const float *, const float *, const float *, long, long, long, long, float *);
  void (*pool2_forward)(const float *, long, long, long, long, int, float *, unsigned char *);
  void (*im2col)(const lk_conv *, int, const float *, float *);
  void (*col2im)(const lk_conv *, int, const float *, float *);
  void (*pool2_backward)(const float *, const float *, const unsigned char *, long, long, long, long, int, float *);
} lk_table;

extern const lk_table lk_table_portable;
#if defined(__x86_64__)
extern const lk_table lk_table_avx2;
extern const lk_table lk_table_avx512;
#endif

#endif
