// Hot loops of the training engine, compiled once per instruction set and chosen at run time.
//
//   lk_select(NULL);                    // best this CPU supports (done on first use anyway)
//   printf("%s\n", lk_active_name());   // "avx512f", "avx2+fma" or "portable"
//   lk_conv_forward(&shape, padded, packed, bias, 1, y);
//
// Every kernel exists in three builds of the same source (Kernels.h): AVX-512F (16-lane
// vectors), AVX2 + FMA (8 lanes) and a portable one (4 lanes: SSE2 on x86-64, NEON on
// aarch64). `lk_select` picks one through cpuid (__builtin_cpu_supports) once per process;
// the environment variable JOULE_KERNELS (avx512f, avx2, portable) overrides it.
//
// Buffers that kernels read a vector at a time may be read up to 16 floats past their last
// element (they never write there): Learn's FloatBuffer allocates that slack.
#ifndef LEARN_KERNELS_H
#define LEARN_KERNELS_H

#include "PixelConversion.h"   // pixel bytes to floats (Learn's Samples.gather)

#ifdef __cplusplus
extern "C" {
#endif

/// Floats any kernel may read past the end of a buffer; allocate this much slack.
#define LK_SLACK 16

/// The geometry of one convolution over `n` channels-last (NHWC) images.
typedef struct lk_conv {
  long n;            // images
  long ih, iw, ci;   // input height, width, channels
  long oh, ow, co;   // output height, width, channels
  long k, stride, pad;
} lk_conv;

/// Output channels rounded up to 16, the row length of packed weights.
long lk_conv_copad(const lk_conv *s);
/// k·k·ci rounded up to 16, the row length of padded weights for the input gradient.
long lk_conv_kpad(const lk_conv *s);
/// Floats of one zero-padded input image: (ih + 2·pad)·(iw + 2·pad)·ci.
long lk_conv_padded_size(const lk_conv *s);

/// Copies `n` images into zero-padded images (borders `pad` wide), back to back.
void lk_conv_pad_input(const lk_conv *s, const float *x, float *xp);
/// Packs weights [co][ky][kx][ci] (Learn's stored layout) into [ky·kx·ci][copad], zero-filled.
void lk_conv_pack_weights(const lk_conv *s, const float *w, float *packed);
/// Copies weights [co][K] into [co][kpad], zero-filled.
void lk_conv_pad_weights(const lk_conv *s, const float *w, float *padded);

/// Direct convolution: y[img, oy, ox, o] = bias[o] + Σ packed[(ky,kx,c), o] · xp[img, oy·s+ky, ox·s+kx, c],
/// then max(0, ·) when `relu` is non-zero.
void lk_conv_forward(const lk_conv *s, const float *xp, const float *packed, const float *bias, int relu, float *y);
/// lk_conv_forward, then max(0, ·) when `relu`, then 2×2 max-pooling with stride 2 (floor
/// mode), with each window's four pixels pooled in registers: writes y [n][oh/2][ow/2][co] and
/// winner as lk_pool2_forward does (its backward pass is lk_pool2_backward over oh × ow).
void lk_conv_pool_forward(const lk_conv *s, const float *xp, const float *packed, const float *bias, int relu,
                          float *y, unsigned char *winner);
/// Weight and bias gradients of the direct convolution, written (not added) in the stored
/// layouts: gw [co][K], gb [co]. `scratch` holds K·copad floats.
void lk_conv_backward_weights(const lk_conv *s, const float *xp, const float *gy, float *gw, float *gb,
                              float *scratch);
/// lk_conv_backward_weights for lk_conv_pool_forward's output, from the pooled gradient gp
/// [n][oh/2][ow/2][co] and that pass's y and winner (which it may read up to 16 bytes past):
/// each window's gradient goes to its winner, unless `relu` and y ≤ 0, inside the sums.
void lk_conv_pool_backward_weights(const lk_conv *s, const float *xp, const float *gp, const float *y,
                                   const unsigned char *winner, int relu, float *gw, float *gb, float *scratch);
/// Input gradient of the direct convolution, written (not added) into dx [n][ih][iw][ci];
/// `padded` are the weights from lk_conv_pad_weights; `scratch` holds padded_size + kpad floats.
void lk_conv_backward_input(const lk_conv *s, const float *gy, const float *padded, float *dx, float *scratch);

/// im2col: every output pixel's window of x [n][ih][iw][ci] as one row of col, k·k·ci values
/// ordered (ky, kx, ci), zeros where the window overhangs the padding; rows in (img, oy, ox)
/// order, n·oh·ow of them. With `pooled`, only the pixels of 2×2 pooling windows (stride 2,
/// floor mode), window by window, each window's four in the order (0,0), (0,1), (1,0), (1,1):
/// n·(oh/2)·(ow/2)·4 rows, so four consecutive output rows are one window (lk_pool2_forward
/// with h = w = 2 pools them).
void lk_im2col(const lk_conv *s, int pooled, const float *x, float *col);
/// Its adjoint: dx [n][ih][iw][ci] written as the sum of every row value of col over the
/// input value it was copied from (padding dropped).
void lk_col2im(const lk_conv *s, int pooled, const float *col, float *dx);

/// Per-channel mean and biased variance of `rows` rows of `c` channels (two passes).
void lk_channel_moments(const float *x, long rows, long c, float *mean, float *variance);
/// y = x · scale[ch] + shift[ch] per channel, then max(0, ·) when `relu`. y may be x.
void lk_channel_affine(const float *x, long rows, long c, const float *scale, const float *shift, int relu, float *y);
/// Batchnorm backward from the layer's input x: with x̂ = (x − mean)·invstd, writes
/// gbeta = Σ g, ggamma = Σ g·x̂ and (when dx is not NULL) dx = γ·invstd·(g − gbeta/m − x̂·ggamma/m),
/// m = rows. dx may be g.
void lk_batchnorm_backward(const float *x, const float *g, long rows, long c, const float *mean,
                           const float *invstd, const float *gamma, float *ggamma, float *gbeta, float *dx);
/// Batchnorm's y = x·scale + shift, then max(0, ·) when `relu`, then 2×2 max-pooling with
/// stride 2 (floor mode), in one pass over x [n][h][w][c]: writes the pooled values
/// y [n][h/2][w/2][c] and, per pooled value, which window value won (0..3 in the order
/// (0,0), (0,1), (1,0), (1,1); the first of equal values, as PyTorch).
void lk_affine_relu_pool2_forward(const float *x, long n, long h, long w, long c, const float *scale,
                                  const float *shift, int relu, float *y, unsigned char *winner);
/// The backward pass of that block from the pooled gradient gp: writes ggamma, gbeta and,
/// when dx is not NULL, dx [n][h][w][c]. y and winner are the forward pass's outputs; mean
/// and invstd the batch statistics it normalised with.
void lk_affine_relu_pool2_backward(const float *x, const float *gp, const float *y, const unsigned char *winner,
                                   long n, long h, long w, long c, int relu, const float *mean,
                                   const float *invstd, const float *gamma, float *ggamma, float *gbeta, float *dx);
/// 2×2 max-pooling with stride 2 (floor mode) of x [n][h][w][c] into y [n][h/2][w/2][c].
void lk_maxpool2_forward(const float *x, long n, long h, long w, long c, float *y);
/// Its backward pass: each window's gradient goes to its first maximal input (as PyTorch),
/// found again by comparing x with y; every value of dx [n][h][w][c] is written.
void lk_maxpool2_backward(const float *x, const float *y, const float *gy, long n, long h, long w, long c, float *dx);
/// ReLU (when `relu`) then 2×2 max-pooling with stride 2 (floor mode) of x [n][h][w][c] into
/// y [n][h/2][w/2][c], in one pass that also writes, per pooled value, which window value won
/// (0..3 in the order (0,0), (0,1), (1,0), (1,1); the first of equal values, as PyTorch).
void lk_pool2_forward(const float *x, long n, long h, long w, long c, int relu, float *y, unsigned char *winner);
/// Its backward pass from the pooled gradient gp, y and winner being the forward pass's
/// outputs: each window's gradient goes to its winner, unless `relu` and y ≤ 0 (the ReLU
/// clamped it); every value of dx [n][h][w][c] is written.
void lk_pool2_backward(const float *gp, const float *y, const unsigned char *winner, long n, long h, long w, long c,
                       int relu, float *dx);
/// Sums `rows` rows of `c` values into sum[c] (written, not added).
void lk_column_sums(const float *x, long rows, long c, float *sum);
/// Each of `rows` rows of `c` values set to bias.
void lk_fill_rows(float *y, long rows, long c, const float *bias);

/// y = max(0, x) over count values.
void lk_relu(const float *x, long count, float *y);
/// g = y > 0 ? g : 0 over count values, in place.
void lk_relu_backward(const float *y, long count, float *g);

/// SGD with momentum (PyTorch's form): g' = g + h + wd·w; v = first ? g' : μ·v + g'; w −= lr·v
/// (without momentum: w −= lr·g'). `h` may be NULL (a second worker's gradient, summed in).
void lk_sgd_update(float *w, const float *g, const float *h, float *v, long count, float lr, float momentum,
                   float decay, int first);
/// Adam (PyTorch's form, bias corrections folded): g' = g + h + wd·w; m = β1·m + (1−β1)·g';
/// v = β2·v + (1−β2)·g'²; w −= step · m / (√v · root + ε). `h` may be NULL.
void lk_adam_update(float *w, const float *g, const float *h, float *m, float *v, long count, float beta1,
                    float beta2, float step, float root, float eps, float decay);

/// Chooses the kernels: NULL or "" for the best this CPU supports, else "avx512f", "avx2"
/// or "portable". Returns 0, or -1 when the name is unknown or the CPU lacks the features
/// (the choice is then unchanged).
int lk_select(const char *name);
/// Like lk_select, for the calling thread only; NULL or "" returns it to the process's choice.
int lk_select_for_thread(const char *name);
/// The kernels in use: "avx512f", "avx2+fma" or "portable".
const char *lk_active_name(void);
/// Whether this CPU can run the named kernels ("avx512f", "avx2", "portable").
int lk_supported(const char *name);
/// Float lanes per vector of the kernels in use (16, 8 or 4).
int lk_active_lanes(void);

#ifdef __cplusplus
}
#endif
#endif
