// The kernels' one source, included by KernelsPortable.c, KernelsAVX2.c and KernelsAVX512.c
// with LK_VL (float lanes per vector), LK_SUFFIX and LK_NAME set, under a target attribute.
// Vectors are Clang/GCC vector extensions, so the same code becomes SSE, NEON, AVX2 or
// AVX-512 instructions; `a * b + c` contracts to FMA where the target has it.
//
// The kernels live in one header per topic, included here in this order (later ones use the
// helpers of earlier ones); they are .h, not .c, because SwiftPM compiles every .c file in the
// target on its own, and these are only meaningful once per vector width, inside those three.
#include <math.h>
#include <string.h>
#include "Table.h"

#include "KernelsVector.h"
#include "KernelsConvolutionForward.h"
#include "KernelsConvolutionBackward.h"
#include "KernelsIm2col.h"
#include "KernelsPerChannel.h"
#include "KernelsBatchNormPool.h"
#include "KernelsPooling.h"
#include "KernelsElementwise.h"
#include "KernelsTable.h"
