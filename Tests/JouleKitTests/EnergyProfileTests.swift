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
  #expect((p["joules"]?.number ?? -1) > 0)
  #expect(layers.count == 11)   // ten layers and "other"
  #expect((p["model"] != nil) == estimated)
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
