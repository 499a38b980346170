// OpenBLAS's CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>
// OpenBLAS extensions: thread control, so each worker can run single-threaded sgemm.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
