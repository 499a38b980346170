import Foundation

/// The Matérn-5/2 kernel with one length scale per dimension (ARD).
///
///     k(x, y) = σ_f² (1 + √5 r + 5r²/3) exp(−√5 r),   r² = Σᵢ qᵢ(x, y) / ℓᵢ²
///
/// where qᵢ = (xᵢ − yᵢ)² for ordered dimensions and the Hamming term [xᵢ ≠ yᵢ] for choices
/// (Rasmussen & Williams 2006, eq. 4.17). Twice differentiable: smooth enough for
/// hyperparameter surfaces, rough enough for real objectives.
public struct MaternKernel: Sendable {
  /// True where a dimension is a choice (compared by equality, not distance).
  public let categorical: [Bool]

  public init(categorical: [Bool]) { self.categorical = categorical }

  static let sqrt5 = 5.0.squareRoot()

  /// q for dimension `i` between two coordinates.
  @inline(__always)
  func q(_ i: Int, _ a: Double, _ b: Double) -> Double {
    if categorical[i] { return abs(a - b) > 1e-9 ? 1 : 0 }
    let t = a - b
    return t * t
  }

  /// r² between row `i` of `a` and row `j` of `b` (both row-major with `d` columns).
  @inline(__always)
  func r2(_ a: UnsafeBufferPointer<Double>, _ i: Int, _ b: UnsafeBufferPointer<Double>, _ j: Int,
          invL2: UnsafeBufferPointer<Double>, d: Int) -> Double {
    var s = 0.0
    let ai = i * d, bj = j * d
    for k in 0..<d { s += q(k, a[ai + k], b[bj + k]) * invL2[k] }
    return s
  }

  /// The correlation (1 + √5 r + 5r²/3) e^{−√5 r} at squared distance r².
  @inline(__always)
  public static func correlation(r2: Double) -> Double {
    let r = r2.squareRoot()
    return (1 + sqrt5 * r + 5.0 / 3.0 * r2) * VectorMath.expNegative(-sqrt5 * r)
  }

  /// −2 ∂k/∂(r²) / σ_f² = (5/3)(1 + √5 r) e^{−√5 r}: the factor that turns ∂r²/∂log ℓ into ∂k/∂log ℓ.
  @inline(__always)
  static func lengthScaleFactor(r2: Double) -> Double {
    let r = r2.squareRoot()
    return 5.0 / 3.0 * (1 + sqrt5 * r) * VectorMath.expNegative(-sqrt5 * r)
  }
}
