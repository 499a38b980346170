// Batchnorm → (ReLU →) 2×2 max-pool as one kernel, forward and backward, keeping one winner
// byte per pooled value. Part of Kernels.h.

// MARK: Batchnorm → ReLU → 2×2 max-pool

static void FN(affine_relu_pool2_forward)(const float *x, long n, long h, long w, long c, const float *scale,
                                          const float *shift, int relu, float *y, unsigned char *winner) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        const float *a = image + (2 * oy * w + 2 * ox) * c, *b = a + c, *d = a + w * c, *e = d + c;
        long at = ((img * oh + oy) * ow + ox) * c;
        float *out = y + at;
        unsigned char *win = winner + at;
        for (long ch = 0; ch < c; ch++) {
          float s = scale[ch], t = shift[ch];
          float v0 = a[ch] * s + t, v1 = b[ch] * s + t, v2 = d[ch] * s + t, v3 = e[ch] * s + t;
          if (relu) {
            v0 = v0 > 0 ? v0 : 0;
            v1 = v1 > 0 ? v1 : 0;
            v2 = v2 > 0 ? v2 : 0;
            v3 = v3 > 0 ? v3 : 0;
          }
          float top = v0;
          unsigned char k = 0;
          if (v1 > top) { top = v1; k = 1; }
          if (v2 > top) { top = v2; k = 2; }
          if (v3 > top) { top = v3; k = 3; }
          out[ch] = top;
          win[ch] = k;
        }
      }
    }
  }
}

static void FN(affine_relu_pool2_backward)(const float *x, const float *gp, const float *y, const unsigned char *winner,
                                           long n, long h, long w, long c, int relu, const float *mean,
                                           const float *invstd, const float *gamma, float *ggamma, float *gbeta,
                                           float *dx) {
  long oh = h / 2, ow = w / 2;
  // Only a window's winner, where the ReLU passed it, receives gradient. Sums per image in
  // float, folded into double per image (a batch is up to ~10⁶ values per channel).
  double sg[c], sgx[c];
  float g1[c], g2[c];
  for (long ch = 0; ch < c; ch++) sg[ch] = sgx[ch] = 0;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long ch = 0; ch < c; ch++) g1[ch] = g2[ch] = 0;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long at = ((img * oh + oy) * ow + ox) * c;
        const float *win0 = image + (2 * oy * w + 2 * ox) * c;
        for (long ch = 0; ch < c; ch++) {
          long k = winner[at + ch];
          float xv = win0[((k >> 1) * w + (k & 1)) * c + ch];
          float g = relu && !(y[at + ch] > 0) ? 0 : gp[at + ch];
          g1[ch] += g;
          g2[ch] += g * xv;
        }
      }
    }
    for (long ch = 0; ch < c; ch++) {
      sg[ch] += g1[ch];
      sgx[ch] += g2[ch];
    }
  }
  for (long ch = 0; ch < c; ch++) {
    // Σ g·x̂ = inv · (Σ g·x − μ · Σ g)
    gbeta[ch] = (float)sg[ch];
    ggamma[ch] = (float)((sgx[ch] - mean[ch] * sg[ch]) * invstd[ch]);
  }
  if (!dx) return;
  // dx = A·g + B·x + C per channel (see batchnorm_backward); g is zero off the winners. One
  // pass over the windows writes all four values of each; rows and columns outside every
  // window (odd sizes) get B·x + C alone.
  float A[c], B[c], C[c];
  float m = (float)(n * h * w);
  for (long ch = 0; ch < c; ch++) {
    A[ch] = gamma[ch] * invstd[ch];
    B[ch] = -A[ch] * invstd[ch] * ggamma[ch] / m;
    C[ch] = -A[ch] * gbeta[ch] / m - B[ch] * mean[ch];
  }
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    float *d = dx + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long at = ((img * oh + oy) * ow + ox) * c;
        long q0 = (2 * oy * w + 2 * ox) * c, q1 = q0 + c, q2 = q0 + w * c, q3 = q2 + c;
        for (long ch = 0; ch < c; ch++) {
          long k = winner[at + ch];
          float g = relu && !(y[at + ch] > 0) ? 0 : A[ch] * gp[at + ch];
          d[q0 + ch] = B[ch] * image[q0 + ch] + C[ch] + (k == 0 ? g : 0);
          d[q1 + ch] = B[ch] * image[q1 + ch] + C[ch] + (k == 1 ? g : 0);
          d[q2 + ch] = B[ch] * image[q2 + ch] + C[ch] + (k == 2 ? g : 0);
          d[q3 + ch] = B[ch] * image[q3 + ch] + C[ch] + (k == 3 ? g : 0);
        }
      }
      if (w > 2 * ow) {
        for (long r = 0; r < 2; r++) {
          long q = ((2 * oy + r) * w + w - 1) * c;
          for (long ch = 0; ch < c; ch++) d[q + ch] = B[ch] * image[q + ch] + C[ch];
        }
      }
    }
    if (h > 2 * oh) {
      long q = (h - 1) * w * c;
      for (long t = 0; t < w; t++)
        for (long ch = 0; ch < c; ch++) d[q + t * c + ch] = B[ch] * image[q + t * c + ch] + C[ch];
    }
  }
}
