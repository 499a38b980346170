// The AVX2 + FMA build (x86-64-v3: Haswell, Zen and later): 8-lane vectors, fused multiply-add.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define LK_VL 8
#define LK_SUFFIX avx2
#define LK_NAME "avx2+fma"
#include "Kernels.h"
#pragma clang attribute pop
#endif
