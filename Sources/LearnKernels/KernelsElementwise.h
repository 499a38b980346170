// One pass over flat arrays: ReLU and its gradient mask, and the SGD (momentum, weight decay)
// and Adam parameter updates. Part of Kernels.h.

// MARK: Elementwise

static void FN(relu)(const float *x, long count, float *y) {
  long i = 0;
  for (; i + VL <= count; i += VL) STORE(y + i, relu_v(LOAD(x + i)));
  for (; i < count; i++) y[i] = x[i] > 0 ? x[i] : 0;
}

static void FN(relu_backward)(const float *y, long count, float *g) {
  for (long i = 0; i < count; i++) g[i] = y[i] > 0 ? g[i] : 0;
}

// MARK: Optimizer updates

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
