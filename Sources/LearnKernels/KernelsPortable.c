// The portable build: 4-lane vectors the baseline of every target has (SSE2 on x86-64, NEON
// on aarch64).
#define LK_VL 4
#define LK_SUFFIX portable
#define LK_NAME "portable"
#include "Kernels.h"
