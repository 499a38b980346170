import Foundation

/// The Cholesky factor L of a symmetric positive definite matrix (A = L·Lᵀ), row-major.
///
///     let c = try Cholesky(matrix: k, n: 3)     // adds jitter to the diagonal if needed
///     let alpha = c.solve(y)                    // K⁻¹y
///     c.logDeterminant                          // log |K|
///
/// When A is not numerically positive definite (duplicate points, tiny noise) the factorisation
/// retries with jitter 1e-10·mean(diag), growing tenfold up to 1e-2·mean(diag), as GPy and
/// scikit-learn do; `jitter` tells what was added. O(n³/3).
public struct Cholesky {
  public let n: Int
  /// Lower triangle, row-major; the upper triangle is zero.
  public private(set) var lower: [Double]
  public private(set) var jitter: Double = 0

  public init(matrix a: [Double], n: Int) throws {
    self.n = n
    lower = [Double](repeating: 0, count: n * n)
    var meanDiag = 0.0
    for i in 0..<n { meanDiag += a[i * n + i] }
    meanDiag = n > 0 ? max(meanDiag / Double(n), 1e-300) : 1
    if Cholesky.factor(a, n: n, jitter: 0, into: &lower) { return }
    var j = 1e-10 * meanDiag
    while j <= 1e-2 * meanDiag {
      if Cholesky.factor(a, n: n, jitter: j, into: &lower) {
        jitter = j
        return
      }
      j *= 10
    }
    throw CholeskyError.notPositiveDefinite
  }

  private static func factor(_ a: [Double], n: Int, jitter: Double, into out: inout [Double]) -> Bool {
    out.withUnsafeMutableBufferPointer { l in
      a.withUnsafeBufferPointer { a in
        for j in 0..<n {
          let rj = j * n
          let base = l.baseAddress!
          let s = a[rj + j] + jitter - VectorMath.dot(base + rj, base + rj, count: j)
          guard s > 0, s.isFinite else { return false }
          let d = s.squareRoot()
          l[rj + j] = d
          let inv = 1 / d
          for i in (j + 1)..<max(n, j + 1) {
            let ri = i * n
            l[ri + j] = (a[ri + j] - VectorMath.dot(base + ri, base + rj, count: j)) * inv
          }
        }
        return true
      }
    }
  }

  /// log |A| = 2 Σ log Lᵢᵢ.
  public var logDeterminant: Double {
    var s = 0.0
    for i in 0..<n { s += log(lower[i * n + i]) }
    return 2 * s
  }

  /// Solves L z = b in place (forward substitution). O(n²/2).
  public func solveLower(_ b: inout [Double]) {
    lower.withUnsafeBufferPointer { l in
      b.withUnsafeMutableBufferPointer { z in
        Cholesky.forward(l, n: n, z)
      }
    }
  }

  /// Forward substitution on a raw buffer, for batch use.
  @inline(__always)
  static func forward(_ l: UnsafeBufferPointer<Double>, n: Int, _ z: UnsafeMutableBufferPointer<Double>) {
    let lb = l.baseAddress!, zb = UnsafePointer(z.baseAddress!)
    for i in 0..<n {
      let ri = i * n
      z[i] = (z[i] - VectorMath.dot(lb + ri, zb, count: i)) / l[ri + i]
    }
  }

  /// Solves Lᵀ x = z in place (back substitution, row-oriented so memory runs forward).
  public func solveUpper(_ z: inout [Double]) {
    lower.withUnsafeBufferPointer { l in
      z.withUnsafeMutableBufferPointer { x in
        for i in stride(from: n - 1, through: 0, by: -1) {
          let ri = i * n
          let xi = x[i] / l[ri + i]
          x[i] = xi
          for k in 0..<i { x[k] -= l[ri + k] * xi }
        }
      }
    }
  }

  /// A⁻¹ b.
  public func solve(_ b: [Double]) -> [Double] {
    var x = b
    solveLower(&x)
    solveUpper(&x)
    return x
  }

  /// A⁻¹ as a dense row-major matrix, via L⁻¹ (O(n³/3) + O(n³/6)).
  public func inverse() -> [Double] {
    // Invert L column by column: L⁻¹ is lower triangular.
    var linv = [Double](repeating: 0, count: n * n)
    var col = [Double](repeating: 0, count: n)
    for j in 0..<n {
      for i in 0..<n { col[i] = i == j ? 1 : 0 }
      lower.withUnsafeBufferPointer { l in
        col.withUnsafeMutableBufferPointer { z in
          let lb = l.baseAddress!, zb = UnsafePointer(z.baseAddress!)
          for i in j..<n {
            let ri = i * n
            z[i] = (z[i] - VectorMath.dot(lb + ri + j, zb + j, count: i - j)) / l[ri + i]
          }
        }
      }
      for i in j..<n { linv[i * n + j] = col[i] }
    }
    // A⁻¹ = L⁻ᵀ L⁻¹: entry (i, j) = Σ_{k ≥ max(i,j)} L⁻¹[k,i] L⁻¹[k,j].
    var out = [Double](repeating: 0, count: n * n)
    linv.withUnsafeBufferPointer { m in
      out.withUnsafeMutableBufferPointer { o in
        for k in 0..<n {
          let rk = k * n
          for i in 0...k {
            let v = m[rk + i]
            if v == 0 { continue }
            let ri = i * n
            for j in 0...i { o[ri + j] += v * m[rk + j] }
          }
        }
        for i in 0..<n { for j in 0..<i { o[j * n + i] = o[i * n + j] } }
      }
    }
    return out
  }
}

/// The matrix stayed indefinite even with the largest jitter.
public enum CholeskyError: Error, CustomStringConvertible {
  case notPositiveDefinite
  public var description: String { "covariance matrix is not positive definite even with jitter" }
}
