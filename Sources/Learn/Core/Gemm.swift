import BLASLoader
import CBLAS

/// C = alpha · op(A) · op(B) + beta · C in row-major Float32, through OpenBLAS.
///
///     try Gemm.load()   // once, where the kernels are made: a missing library is an error there
///     // y[n×out] = x[n×in] · Wᵀ  (W is out×in)
///     Gemm.multiply(m: n, n: out, k: in, a: x, transA: false, b: w, transB: true, c: y)
///
/// Leading dimensions follow from the row-major shapes: op(A) is m×k, op(B) is k×n, C is m×n.
/// OpenBLAS is not linked: `BLASLoader` loads it the first time a model needs it, so a joule
/// process that trains nothing never starts its threads.
enum Gemm {
  /// Loads OpenBLAS unless this process already has (thread-safe, cheap after the first call).
  /// Throws, saying what was missing, when it cannot be loaded.
  static func load() throws {
    guard joule_blas_load() != 0 else { return }
    throw LearnError.unavailable(
      "this model multiplies matrices through OpenBLAS, and OpenBLAS could not be loaded: "
        + String(cString: joule_blas_failure()))
  }

  @inline(__always)
  static func multiply(m: Int, n: Int, k: Int,
                       a: UnsafePointer<Float>, transA: Bool,
                       b: UnsafePointer<Float>, transB: Bool,
                       c: UnsafeMutablePointer<Float>, alpha: Float = 1, beta: Float = 0) {
    let lda = transA ? m : k
    let ldb = transB ? k : n
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
  }

  /// Sets OpenBLAS's own thread count. Workers split the batch instead, each calling
  /// single-threaded sgemm: OpenBLAS 0.3.21's two-thread sgemm is poor on these shapes.
  /// Loads nothing: a count set before the load is applied when it happens.
  static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }

  /// OpenBLAS's thread count (loads it).
  static var threads: Int { Int(openblas_get_num_threads()) }
}
