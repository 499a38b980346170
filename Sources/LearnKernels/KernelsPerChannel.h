// Passes over rows of c channels: column sums, batchnorm's moments, the per-channel affine
// map (with ReLU) and batchnorm's backward pass, all summing through double every FOLD_EVERY
// vectors. Part of Kernels.h, after KernelsVector.h.

// The largest c·VL that per-channel passes keep as a repeating lane pattern.
#define PATTERN_MAX 1024

// MARK: Per-channel passes
//
// Rows of c channels back to back: for c·VL ≤ PATTERN_MAX, VL rows are c whole vectors whose
// lane j belongs to channel j mod c, so a pass runs over full vectors with c-periodic
// per-lane constants, whatever c is (3 channels no longer waste 5 of 8 lanes).

/// Lane pattern of a per-channel constant: pat[q] lane l = value[(q·VL + l) mod c].
INLINE void pattern(const float *value, long c, V *pat) {
  for (long q = 0; q < c; q++) {
    float t[VL];
    for (int l = 0; l < VL; l++) t[l] = value[(q * VL + l) % c];
    pat[q] = LOAD(t);
  }
}

/// Folds per-lane sums back into per-channel sums.
INLINE void fold(const V *acc, long c, double *sum) {
  for (long q = 0; q < c; q++) {
    float t[VL];
    STORE(t, acc[q]);
    for (int l = 0; l < VL; l++) sum[(q * VL + l) % c] += t[l];
  }
}

static void FN(column_sums)(const float *x, long rows, long c, float *sum) {
  double total[c];
  for (long ch = 0; ch < c; ch++) total[ch] = 0;
  long r = 0;
  if (c * VL <= PATTERN_MAX) {
    V acc[c];
    while (r + VL <= rows) {
      for (long q = 0; q < c; q++) acc[q] = splat(0);
      for (long i = 0; i < FOLD_EVERY && r + VL <= rows; i++, r += VL) {
        const float *p = x + r * c;
        for (long q = 0; q < c; q++) acc[q] += LOAD(p + q * VL);
      }
      fold(acc, c, total);
    }
  } else {
    float part[c];
    while (r < rows) {
      for (long ch = 0; ch < c; ch++) part[ch] = 0;
      for (long i = 0; i < FOLD_EVERY && r < rows; i++, r++)
        for (long ch = 0; ch < c; ch++) part[ch] += x[r * c + ch];
      for (long ch = 0; ch < c; ch++) total[ch] += part[ch];
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) total[ch] += x[r * c + ch];
  for (long ch = 0; ch < c; ch++) sum[ch] = (float)total[ch];
}

static void FN(channel_moments)(const float *x, long rows, long c, float *mean, float *variance) {
  FN(column_sums)(x, rows, c, mean);
  for (long ch = 0; ch < c; ch++) mean[ch] /= (float)rows;
  double total[c];
  for (long ch = 0; ch < c; ch++) total[ch] = 0;
  long r = 0;
  if (c * VL <= PATTERN_MAX) {
    V acc[c], mu[c];
    pattern(mean, c, mu);
    while (r + VL <= rows) {
      for (long q = 0; q < c; q++) acc[q] = splat(0);
      for (long i = 0; i < FOLD_EVERY && r + VL <= rows; i++, r += VL) {
        const float *p = x + r * c;
        for (long q = 0; q < c; q++) {
          V d = LOAD(p + q * VL) - mu[q];
          acc[q] += d * d;
        }
      }
      fold(acc, c, total);
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) {
      float d = x[r * c + ch] - mean[ch];
      total[ch] += d * d;
    }
  for (long ch = 0; ch < c; ch++) variance[ch] = (float)(total[ch] / rows);
}

static void FN(channel_affine)(const float *x, long rows, long c, const float *scale, const float *shift, int relu,
                               float *y) {
  long r = 0;
  if (c * VL <= PATTERN_MAX) {
    V a[c], b[c];
    pattern(scale, c, a);
    pattern(shift, c, b);
    for (; r + VL <= rows; r += VL) {
      const float *p = x + r * c;
      float *o = y + r * c;
      for (long q = 0; q < c; q++) {
        V v = LOAD(p + q * VL) * a[q] + b[q];
        STORE(o + q * VL, relu ? relu_v(v) : v);
      }
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) {
      float v = x[r * c + ch] * scale[ch] + shift[ch];
      y[r * c + ch] = relu && v < 0 ? 0 : v;
    }
}

static void FN(batchnorm_backward)(const float *x, const float *g, long rows, long c, const float *mean,
                                   const float *invstd, const float *gamma, float *ggamma, float *gbeta, float *dx) {
  double sg[c], sgx[c];
  for (long ch = 0; ch < c; ch++) sg[ch] = sgx[ch] = 0;
  long r = 0;
  int patterned = c * VL <= PATTERN_MAX;
  if (patterned) {
    V mu[c], inv[c], a1[c], a2[c];
    pattern(mean, c, mu);
    pattern(invstd, c, inv);
    while (r + VL <= rows) {
      for (long q = 0; q < c; q++) a1[q] = a2[q] = splat(0);
      for (long i = 0; i < FOLD_EVERY && r + VL <= rows; i++, r += VL) {
        const float *p = x + r * c, *gg = g + r * c;
        for (long q = 0; q < c; q++) {
          V gv = LOAD(gg + q * VL);
          a1[q] += gv;
          a2[q] += gv * ((LOAD(p + q * VL) - mu[q]) * inv[q]);
        }
      }
      fold(a1, c, sg);
      fold(a2, c, sgx);
    }
  }
  for (long rr = r; rr < rows; rr++)
    for (long ch = 0; ch < c; ch++) {
      float gv = g[rr * c + ch];
      sg[ch] += gv;
      sgx[ch] += gv * (x[rr * c + ch] - mean[ch]) * invstd[ch];
    }
  for (long ch = 0; ch < c; ch++) {
    gbeta[ch] = (float)sg[ch];
    ggamma[ch] = (float)sgx[ch];
  }
  if (!dx) return;
  // dx = A·g + B·x + C per channel, expanding γ·inv·(g − Σg/m − x̂·Σgx̂/m) with x̂ = (x − μ)·inv.
  float A[c], B[c], C[c];
  float m = (float)rows;
  for (long ch = 0; ch < c; ch++) {
    A[ch] = gamma[ch] * invstd[ch];
    B[ch] = -A[ch] * invstd[ch] * ggamma[ch] / m;
    C[ch] = -A[ch] * gbeta[ch] / m - B[ch] * mean[ch];
  }
  r = 0;
  if (patterned) {
    V a[c], b[c], cc[c];
    pattern(A, c, a);
    pattern(B, c, b);
    pattern(C, c, cc);
    for (; r + VL <= rows; r += VL) {
      const float *p = x + r * c, *gg = g + r * c;
      float *o = dx + r * c;
      for (long q = 0; q < c; q++) STORE(o + q * VL, a[q] * LOAD(gg + q * VL) + b[q] * LOAD(p + q * VL) + cc[q]);
    }
  }
  for (; r < rows; r++)
    for (long ch = 0; ch < c; ch++) dx[r * c + ch] = A[ch] * g[r * c + ch] + B[ch] * x[r * c + ch] + C[ch];
}
