#define _GNU_SOURCE
#include "BLASLoader.h"

#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cblas.h>

// Debian's SONAME for every OpenBLAS variant (libopenblas0-pthread, -openmp, -serial):
// the dynamic linker finds it through ld.so.cache as it found the DT_NEEDED entry before.
static const char *const defaultLibrary = "libopenblas.so.0";

// The trampolines are hidden: the joule executable (and the test bundle) call them, but they
// are not exported, so they never interpose on OpenBLAS's own symbols once it is loaded.
#define TRAMPOLINE __attribute__((visibility("hidden")))

// Every OpenBLAS function joule calls, resolved at the load. A new call site needs its
// function added here and to `symbols` below (the link fails on a missing trampoline).
static struct {
  __typeof__(&cblas_sgemm) cblas_sgemm;
  __typeof__(&openblas_set_num_threads) openblas_set_num_threads;
  __typeof__(&openblas_get_num_threads) openblas_get_num_threads;
  __typeof__(&openblas_get_config) openblas_get_config;
  __typeof__(&openblas_get_parallel) openblas_get_parallel;
} table;

static const struct {
  const char *name;
  void **slot;
} symbols[] = {
  {"cblas_sgemm", (void **)&table.cblas_sgemm},
  {"openblas_set_num_threads", (void **)&table.openblas_set_num_threads},
  {"openblas_get_num_threads", (void **)&table.openblas_get_num_threads},
  {"openblas_get_config", (void **)&table.openblas_get_config},
  {"openblas_get_parallel", (void **)&table.openblas_get_parallel},
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
// 1 loaded, -1 failed, 0 not tried; written once, inside `once`.
static atomic_int state;
static char failure[768];
// A thread count asked for before the load (0: none), applied when it happens.
static atomic_int pendingThreads;

static const char *parallelName(int kind) {
  switch (kind) {
    case 0: return "sequential";
    case 1: return "pthreads";
    case 2: return "OpenMP";
    default: return "unknown threading";
  }
}

static void load(void) {
  const char *name = getenv("JOULE_OPENBLAS");
  if (name == NULL || name[0] == '\0') name = defaultLibrary;
  // RTLD_LOCAL: OpenBLAS's symbols stay out of the global scope, so they resolve nothing else.
  void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    const char *why = dlerror();
    // The Debian package that installs the SONAME, when it is the one missing.
    const char *hint = name == defaultLibrary ? " (Debian: apt-get install libopenblas0)" : "";
    snprintf(failure, sizeof failure, "%s%s", why ? why : name, hint);
    atomic_store(&state, -1);
    return;
  }
  char path[PATH_MAX] = "";
  struct link_map *map = NULL;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &map) == 0 && map != NULL && map->l_name != NULL) {
    // The real file behind the alternatives' links: it names the variant.
    if (realpath(map->l_name, path) == NULL) snprintf(path, sizeof path, "%s", map->l_name);
  } else {
    snprintf(path, sizeof path, "%s", name);
  }
  for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
    dlerror();
    void *address = dlsym(handle, symbols[i].name);
    if (address == NULL) {
      snprintf(failure, sizeof failure, "%s has no %s (it is not OpenBLAS)", path, symbols[i].name);
      dlclose(handle);
      memset(&table, 0, sizeof table);
      atomic_store(&state, -1);
      return;
    }
    *symbols[i].slot = address;
  }
  int threads = atomic_load(&pendingThreads);
  if (threads > 0) table.openblas_set_num_threads(threads);
  atomic_store(&state, 1);
  // A count set while this ran (after the read above, before the store) was not applied by
  // its caller, which saw no library yet: apply it now. Both may apply it; that is harmless.
  int later = atomic_load(&pendingThreads);
  if (later > 0 && later != threads) table.openblas_set_num_threads(later);
  const char *verbose = getenv("JOULE_OPENBLAS_VERBOSE");
  if (verbose != NULL && strcmp(verbose, "1") == 0) {
    int n = table.openblas_get_num_threads();
    fprintf(stderr, "joule: loaded %s from %s (%s), %d thread%s\n", table.openblas_get_config(), path,
            parallelName(table.openblas_get_parallel()), n, n == 1 ? "" : "s");
  }
}

int joule_blas_load(void) {
  pthread_once(&once, load);
  return atomic_load(&state) == 1 ? 0 : -1;
}

const char *joule_blas_failure(void) { return atomic_load(&state) == -1 ? failure : ""; }

int joule_blas_is_loaded(void) { return atomic_load(&state) == 1; }

// The last resort for a call that nothing checked before: Swift loads first (Gemm.load) and
// reports a failure as an error, so this only runs if a new call site forgot to.
static void requireLoaded(void) {
  if (joule_blas_load() == 0) return;
  fprintf(stderr, "joule: OpenBLAS could not be loaded: %s\n", failure);
  abort();
}

TRAMPOLINE void cblas_sgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transA,
                            const enum CBLAS_TRANSPOSE transB, const blasint m, const blasint n,
                            const blasint k, const float alpha, const float *a, const blasint lda,
                            const float *b, const blasint ldb, const float beta, float *c,
                            const blasint ldc) {
  if (atomic_load_explicit(&state, memory_order_acquire) != 1) requireLoaded();
  table.cblas_sgemm(order, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

// Setting the thread count loads nothing: before the load it is kept and applied at the load.
TRAMPOLINE void openblas_set_num_threads(int count) {
  atomic_store(&pendingThreads, count);
  if (atomic_load(&state) == 1) table.openblas_set_num_threads(count);
}

// Asking for it is a use of OpenBLAS (its answer depends on the library and its environment).
TRAMPOLINE int openblas_get_num_threads(void) {
  if (joule_blas_load() != 0) {
    int pending = atomic_load(&pendingThreads);
    return pending > 0 ? pending : 1;
  }
  return table.openblas_get_num_threads();
}
