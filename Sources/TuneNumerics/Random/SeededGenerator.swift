import Foundation

/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64).
///
///     var rng = SeededGenerator(seed: 1, stream: 7)   // trial 7 of the study with seed 1
///     let u = Double.random(in: 0..<1, using: &rng)
///
/// Each trial draws from its own stream derived from (seed, trial index), so a resumed study
/// suggests exactly what an uninterrupted one would have. Its draws are `@inlinable`: every
/// sampler in Tune calls them in its candidate loops.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  @usableFromInline var s: (UInt64, UInt64, UInt64, UInt64)

  public init(seed: UInt64, stream: UInt64 = 0) {
    var sm = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 0x632B_E59B_D9B4_E019) &* 0xBF58_476D_1CE4_E5B9
    func next() -> UInt64 {
      sm &+= 0x9E37_79B9_7F4A_7C15
      var z = sm
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s = (next(), next(), next(), next())
  }

  public init(seed: Int, stream: Int = 0) {
    self.init(seed: UInt64(bitPattern: Int64(seed)), stream: UInt64(bitPattern: Int64(stream)))
  }

  @inlinable
  public mutating func next() -> UInt64 {
    let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = s.3 << 45 | s.3 >> 19
    return result
  }

  /// Uniform in [0, 1) with 53 random bits.
  @inlinable
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Standard normal (Box–Muller).
  @inlinable
  public mutating func normal() -> Double {
    let u1 = max(unit(), 1e-300), u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
