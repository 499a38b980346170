import JouleKit
import Script
import Testing

/// The paper's second question, on this machine: where does a CNN's training energy go?
@Test func profileShowsConvolutionsTakeMostOfTheReferenceCNNsEnergy() throws {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  let interp = Interpreter(registry: registry, output: BufferOutput())
  let v = try interp.run("""
    d = dataset("fashion-mnist", train: 1000, test: 100)
    m = model(conv2d(32, 3), relu(), maxpool(2), conv2d(64, 3), relu(), maxpool(2),
              flatten(), linear(128), relu(), linear(10))
    profile(m, d, batches: 12)
    """, file: "profile.jl")
  guard case .record(let p) = v, case .record(let byKind)? = p["by_kind"], case .list(let layers)? = p["layers"],
        case .bool(let estimated)? = p["estimated"] else {
    Issue.record("unexpected \(v.shortDescription)")
    return
  }
  let conv = byKind["conv"]?.number ?? -1, linear = byKind["linear"]?.number ?? -1
  #expect(conv > 0.5 && conv <= 1)
  #expect(conv > linear)
  #expect((p["energy_j"]?.number ?? -1) > 0)
  #expect(layers.count == 11)   // ten layers and "other"
  #expect((p["energy_model"] != nil) == estimated)
  let shares = byKind.values.compactMap(\.number)
  #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
}

@Test func profileRejectsNonsenseBatches() {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  let interp = Interpreter(registry: registry, output: BufferOutput())
  #expect(throws: ScriptError.self) {
    try interp.run("profile(model(flatten(), linear(10)), dataset(\"fashion-mnist\", train: 100, test: 10), batches: 0)", file: "p.jl")
  }
}

/// Training runs a ReLU and a 2×2 max-pool inside the convolution before them: the profile says
/// so, and `fused: false` times each of them on its own, as PyTorch runs its modules.
@Test func profileNamesTheLayerAFusedLayerRunsInAndCanRunEveryLayerAlone() throws {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  let interp = Interpreter(registry: registry, output: BufferOutput())
  func rows(_ fused: Bool) throws -> [Record] {
    let v = try interp.run("""
      d = dataset("fashion-mnist", train: 600, test: 10)
      profile(model(conv2d(8, 3), relu(), maxpool(2), flatten(), linear(10)), d, batches: 6, fused: \(fused))
      """, file: "profile.jl")
    guard case .record(let p) = v, case .list(let layers)? = p["layers"], case .bool(fused)? = p["fused"] else {
      Issue.record("unexpected \(v.shortDescription)")
      return []
    }
    return layers.compactMap { if case .record(let r) = $0 { r } else { nil } }
  }
  func runsIn(_ r: Record) -> String? { if case .string(let s)? = r["runs_in"] { s } else { nil } }
  let fused = try rows(true)
  #expect(fused.map(runsIn) == [nil, "conv2d(8, 3)", "conv2d(8, 3)", nil, nil, nil])
  let alone = try rows(false)
  #expect(alone.count == 6 && alone.allSatisfy { runsIn($0) == nil })
  // On their own, the pool's passes take measurable time; fused, the convolution does them.
  let poolMs = (alone[2]["forward_ms"]?.number ?? 0) + (alone[2]["backward_ms"]?.number ?? 0)
  #expect(poolMs > 0.01)
}
