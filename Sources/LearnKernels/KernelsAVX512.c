// The AVX-512F build (Skylake-SP, Ice Lake, Zen 4/5): 16-lane vectors, fused multiply-add.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx2,fma"))), apply_to = function)
#define LK_VL 16
#define LK_SUFFIX avx512
#define LK_NAME "avx512f"
#include "Kernels.h"
#pragma clang attribute pop
#endif
