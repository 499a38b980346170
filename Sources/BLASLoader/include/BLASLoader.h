#ifndef JOULE_BLAS_LOADER_H
#define JOULE_BLAS_LOADER_H
// OpenBLAS loaded on first use instead of at process start (dlopen by its SONAME, the functions
// joule calls resolved once into a table). Debian's pthread OpenBLAS starts its worker threads
// in a library constructor, and they busy-wait in sched_yield before they sleep: linked
// directly, every joule process (a one-line script, `joule --version`, the REPL, a kernel) kept
// a core busy for nothing, and the machine's CPU time, which joule's estimate models, counted it.
//
// The trampolines in BLASLoader.c define the cblas_* and openblas_* functions joule calls under
// their own names, so Swift code keeps calling them through `import CBLAS`:
//
//     if (joule_blas_load() != 0) fprintf(stderr, "%s\n", joule_blas_failure());
//     cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, b, n, 0, c, n);
//
// A call before the load loads it; a thread count set before the load is applied at the load.
// JOULE_OPENBLAS names another library to load (a path or a SONAME; the default is Debian's
// SONAME, libopenblas.so.0, which the update-alternatives link chooses among the pthread, openmp
// and serial builds); JOULE_OPENBLAS_VERBOSE=1 prints what was loaded, on standard error.

/// Loads OpenBLAS once (thread-safe; later calls only read the result). Returns 0 when its
/// functions can be called, -1 when it could not be loaded (`joule_blas_failure` says why).
int joule_blas_load(void);

/// Why the load failed: the library or symbol that was missing, in a sentence; "" otherwise.
const char *joule_blas_failure(void);

/// 1 once OpenBLAS is loaded, 0 before (or after a failed load). Starts nothing.
int joule_blas_is_loaded(void);

#endif
