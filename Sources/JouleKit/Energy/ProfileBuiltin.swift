import Energy
import Learn
import Script

/// `profile(model, data, batches: 50)`: trains a few batches with every layer timed inside an
/// energy window, and splits the window's energy over the layers by time share.
///
///     p = profile(model(conv2d(32, 3), relu(), maxpool(2), flatten(), linear(10)), d, batches: 50)
///     p.by_kind.conv      # share of the energy spent in convolutions, in [0, 1]
///     p.layers            # table: layer, kind, forward_ms, backward_ms, share, energy_j, estimated, runs_in
///     profile(m, d, fused: false)   # every layer on its own kernel, as PyTorch runs modules
///
/// Training fuses a ReLU and a 2×2 max-pool into the convolution or batchnorm before them; the
/// fused layers' time is then inside that layer's row, and their `runs_in` names it.
/// RAPL, NVML and the estimate all measure a whole window, not single kernels, so a layer's
/// joules are its share of the time times the window's energy (assumes even power across the
/// window). Time outside the layers (batching, loss, optimizer) is its own "other" row.
enum ProfileBuiltin {
  static func register(into registry: BuiltinRegistry) {
    registry.register(profile)
  }

  static let profile = Builtin(
    "profile",
    [Parameter("model", .host("model"), doc: "the network to profile (its weights are trained)"),
     Parameter("data", .host("dataset"), doc: "the dataset whose training split feeds it"),
     Parameter("batches", .int, default: .int(50), doc: "training batches to time"),
     Parameter("batch", .int, default: .int(64), doc: "samples per batch"),
     Parameter("fused", .bool, default: .bool(true),
               doc: "run layers fused as training does (false: each layer on its own, to see its own cost)")],
    family: "energy",
    doc: "Per-layer time and energy over a few training batches: {layers, by_kind, energy_j, estimated, energy_source, seconds, ...}."
  ) { args, context in
    let model = try args.host("model", as: ModelValue.self).model
    let data = try args.host("data", as: DatasetValue.self).dataset
    let batches = try args.int("batches"), batch = try args.int("batch"), fused = try args.bool("fused")
    guard (1...100_000).contains(batches) else { throw ScriptError.runtime("profile: batches must be between 1 and 100000, got \(batches)") }
    guard (1...65_536).contains(batch) else { throw ScriptError.runtime("profile: batch must be between 1 and 65536, got \(batch)") }
    let line = ProgressLine(label: "profile")
    line.update("\(batches) batches of \(batch), every layer timed")
    let window = EnergyMonitor.shared.begin()
    let result: LayerProfile
    do {
      result = try LayerProfiler.profile(model, on: data, batches: batches, batchSize: batch, fused: fused,
                                         shouldStop: { Interrupt.requested })
    } catch {
      line.clear()
      window.finish()
      throw error
    }
    let reading = window.finish()
    line.clear()
    try context.checkInterrupt()
    let times = result.layers.map {
      LayerTime(layer: $0.name, kind: $0.kind, forwardSeconds: $0.forwardSeconds, backwardSeconds: $0.backwardSeconds)
    }
    let split = LayerAttribution(timings: times, joules: reading.joules, windowSeconds: reading.seconds)
    return .record(record(split, reading, result))
  }

  static func record(_ a: LayerAttribution, _ r: EnergyReading, _ p: LayerProfile) -> Record {
    let rows = a.layers.enumerated().map { i, row in
      // The "other" row past the layers runs in nothing.
      let owner = i < p.layers.count ? p.layers[i].runsIn.map { Value.string(p.layers[$0].name) } : nil
      return Record([("layer", .string(row.layer)), ("kind", .string(row.kind)), ("forward_ms", .float(row.forwardMs)),
                     ("backward_ms", .float(row.backwardMs)), ("share", .float(row.share)), ("energy_j", .float(row.joules)),
                     ("estimated", .bool(r.estimated)),
                     ("runs_in", owner ?? Value.none)])
    }
    var rec = Record()
    rec["layers"] = .table(rows)
    rec["by_kind"] = .record(Record(a.byKind.map { ($0.kind, .float($0.share)) }))
    EnergyFields(r).write(into: &rec)
    rec["batches"] = .int(p.batches)
    rec["images"] = .int(p.images)
    rec["fused"] = .bool(p.fused)
    rec["attribution"] = .string("each layer's share of the window's time × the window's energy")
    return rec
  }
}
