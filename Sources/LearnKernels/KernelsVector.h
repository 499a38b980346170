// The vector vocabulary every kernel file uses: the per-build name suffix (FN), vectors of LK_VL
// floats, ints and bytes, unaligned loads and stores, splats, the ReLU on a vector, a partial
// store for rows that end inside a vector, and FOLD_EVERY (how long a float sum may run before
// it is folded into double). Part of Kernels.h, first of its files.

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
