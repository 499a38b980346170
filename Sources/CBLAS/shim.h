// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), declarations only: BLASLoader
// implements the functions joule calls by trampolines into the library it loads on first use.
#include <cblas.h>
// OpenBLAS extensions: thread control, so each worker can run single-threaded sgemm.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
