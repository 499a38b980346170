import Script
import Tune

/// `sample(space, n:, seed:)`: seeded random points of a space, without running a study.
///
///     draws = sample(space(lr: loguniform(1e-5, 1e-3)), n: 8, seed: 1234)
///     draws[0].lr
///
/// Point i is the random sampler's suggestion i for that seed, so it matches the first
/// trials of `tune(..., strategy: "random", seed:)`.
enum SampleBuiltin {
  static let builtin = Builtin(
    "sample", [Parameter("space", .host("space"), doc: "space(...)"),
               Parameter("n", .int, default: .int(1), doc: "how many points"),
               Parameter("seed", .int, default: .int(1))],
    family: "tuning", doc: "Seeded random points of a search space, as a list of records."
  ) { a, _ in
    let space = try a.host("space", as: SpaceValue.self).space
    let n = try a.int("n")
    guard n >= 0 else { throw ScriptError.runtime("sample: 'n' must not be negative, got \(n)") }
    let sampler = RandomSampler(space: space, seed: try a.int("seed"))
    return .list(try (0..<n).map { i in
      let point = try sampler.suggest(index: i, history: [])?.point ?? []
      return .record(ParameterConversion.record(Array(zip(space.names, point))))
    })
  }
}
