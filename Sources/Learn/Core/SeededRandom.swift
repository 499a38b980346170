import Foundation

/// A small, fast, seedable generator (SplitMix64), so runs repeat exactly for a seed.
///
///     var rng = SeededRandom(seed: 1234)
///     let u = rng.nextUnit()          // in [0, 1)
///     let z = rng.nextGaussian()      // standard normal
///
/// SplitMix64 is Steele, Lea & Flood's generator (OOPSLA 2014), the seeding routine of
/// xoshiro; it passes BigCrush and needs one word of state.
public struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1B5_4A32_D192_ED03 }

  /// A generator derived from this seed and a stream number, e.g. one per epoch.
  public init(seed: UInt64, stream: UInt64) {
    var base = SeededRandom(seed: seed)
    self.init(seed: base.next() ^ (stream &* 0xBF58_476D_1CE4_E5B9))
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Standard normal by Box–Muller.
  public mutating func nextGaussian() -> Double {
    var u = nextUnit()
    while u <= 0 { u = nextUnit() }
    let v = nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// Fisher–Yates shuffle of `array` in place.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = Int(next() % UInt64(i + 1))
      array.swapAt(i, j)
    }
  }
}
