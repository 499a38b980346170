// 2×2 max-pooling, stride 2, floor mode: the plain pair (winners found again from x and y) and
// the pair that keeps each window's winner (with a ReLU folded in). Part of Kernels.h.

// MARK: 2×2 max-pool

static void FN(maxpool2_forward)(const float *x, long n, long h, long w, long c, float *y) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        const float *a = image + (2 * oy * w + 2 * ox) * c, *b = a + c, *d = a + w * c, *e = d + c;
        float *out = y + ((img * oh + oy) * ow + ox) * c;
        for (long ch = 0; ch < c; ch++) {
          float m1 = a[ch] > b[ch] ? a[ch] : b[ch], m2 = d[ch] > e[ch] ? d[ch] : e[ch];
          out[ch] = m1 > m2 ? m1 : m2;
        }
      }
    }
  }
}

static void FN(maxpool2_backward)(const float *x, const float *y, const float *gy, long n, long h, long w, long c,
                                  float *dx) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    float *dimage = dx + img * h * w * c;
    // Rows and columns an odd size leaves outside every window get no gradient.
    if (h > 2 * oh || w > 2 * ow) memset(dimage, 0, h * w * c * sizeof(float));
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long q0 = (2 * oy * w + 2 * ox) * c, q1 = q0 + c, q2 = q0 + w * c, q3 = q2 + c;
        long at = ((img * oh + oy) * ow + ox) * c;
        for (long ch = 0; ch < c; ch++) {
          float top = y[at + ch], g = gy[at + ch];
          int w0 = image[q0 + ch] == top, w1 = !w0 && image[q1 + ch] == top;
          int w2 = !w0 && !w1 && image[q2 + ch] == top, w3 = !w0 && !w1 && !w2;
          dimage[q0 + ch] = w0 ? g : 0;
          dimage[q1 + ch] = w1 ? g : 0;
          dimage[q2 + ch] = w2 ? g : 0;
          dimage[q3 + ch] = w3 ? g : 0;
        }
      }
    }
  }
}

// MARK: (ReLU →) 2×2 max-pool, winners kept

/// Vectors of channels across the four values of each window: the maximum and which value
/// won (first of equals, as PyTorch), then the ReLU. max(relu(a), …) = relu(max(a, …)), and a
/// window whose maximum the ReLU clamps passes no gradient, so pooling the raw values first
/// routes gradients exactly as ReLU then max-pool does.
static void FN(pool2_forward)(const float *x, long n, long h, long w, long c, int relu, float *y,
                              unsigned char *winner) {
  long oh = h / 2, ow = w / 2;
  for (long img = 0; img < n; img++) {
    const float *image = x + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        const float *a = image + (2 * oy * w + 2 * ox) * c, *b = a + c, *d = a + w * c, *e = d + c;
        long at = ((img * oh + oy) * ow + ox) * c;
        float *out = y + at;
        unsigned char *win = winner + at;
        long ch = 0;
        for (; ch + VL <= c; ch += VL) {
          // Blends on the strict comparison, as the scalar tail (a plain max would add NaN
          // handling to every step).
          V top = LOAD(a + ch), v;
          VI k = splat_i(0), m;
          v = LOAD(b + ch);
          m = v > top;
          k = (m & splat_i(1)) | (~m & k);
          top = (V)((m & (VI)v) | (~m & (VI)top));
          v = LOAD(d + ch);
          m = v > top;
          k = (m & splat_i(2)) | (~m & k);
          top = (V)((m & (VI)v) | (~m & (VI)top));
          v = LOAD(e + ch);
          m = v > top;
          k = (m & splat_i(3)) | (~m & k);
          top = (V)((m & (VI)v) | (~m & (VI)top));
          STORE(out + ch, relu ? relu_v(top) : top);
          *(VBU *)(win + ch) = __builtin_convertvector(k, VB);
        }
        for (; ch < c; ch++) {
          float top = a[ch];
          unsigned char k = 0;
          if (b[ch] > top) { top = b[ch]; k = 1; }
          if (d[ch] > top) { top = d[ch]; k = 2; }
          if (e[ch] > top) { top = e[ch]; k = 3; }
          out[ch] = relu && top < 0 ? 0 : top;
          win[ch] = k;
        }
      }
    }
  }
}

/// Each window's gradient to its winner (where the ReLU passed it, y > 0), zeros to the other
/// three; rows and columns an odd size leaves outside every window get zeros too.
static void FN(pool2_backward)(const float *gp, const float *y, const unsigned char *winner, long n, long h, long w,
                               long c, int relu, float *dx) {
  long oh = h / 2, ow = w / 2;
  V z = splat(0);
  for (long img = 0; img < n; img++) {
    float *d = dx + img * h * w * c;
    for (long oy = 0; oy < oh; oy++) {
      for (long ox = 0; ox < ow; ox++) {
        long at = ((img * oh + oy) * ow + ox) * c;
        long q0 = (2 * oy * w + 2 * ox) * c, q1 = q0 + c, q2 = q0 + w * c, q3 = q2 + c;
        long ch = 0;
        for (; ch + VL <= c; ch += VL) {
          VI g = (VI)LOAD(gp + at + ch);
          if (relu) g &= (VI)(LOAD(y + at + ch) > z);
          VI k = __builtin_convertvector(*(const VBU *)(winner + at + ch), VI);
          STORE(d + q0 + ch, (V)((k == splat_i(0)) & g));
          STORE(d + q1 + ch, (V)((k == splat_i(1)) & g));
          STORE(d + q2 + ch, (V)((k == splat_i(2)) & g));
          STORE(d + q3 + ch, (V)((k == splat_i(3)) & g));
        }
        for (; ch < c; ch++) {
          float g = relu && !(y[at + ch] > 0) ? 0 : gp[at + ch];
          long k = winner[at + ch];
          d[q0 + ch] = k == 0 ? g : 0;
          d[q1 + ch] = k == 1 ? g : 0;
          d[q2 + ch] = k == 2 ? g : 0;
          d[q3 + ch] = k == 3 ? g : 0;
        }
      }
      if (w > 2 * ow) {
        memset(d + ((2 * oy) * w + w - 1) * c, 0, c * sizeof(float));
        memset(d + ((2 * oy + 1) * w + w - 1) * c, 0, c * sizeof(float));
      }
    }
    if (h > 2 * oh) memset(d + (h - 1) * w * c, 0, w * c * sizeof(float));
  }
}
