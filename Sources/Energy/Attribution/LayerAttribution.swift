/// A window's energy split over layers by their share of the window's time.
///
///     let a = LayerAttribution(timings: t, joules: 120, windowSeconds: 10)
///     a.layers[0].joules         // conv2d(32, 3): its time share × 120 J
///     a.byKind["conv"]           // 0.71: share of the energy spent in conv layers
///
/// Attribution by time share assumes power is even across the window, which is the best a
/// window-level counter (or the estimate) allows: RAPL and NVML report no per-kernel energy.
/// Time the layers do not account for (loss, optimizer step, batching) becomes an "other" row,
/// so shares sum to 1 and the layers are not credited with it.
public struct LayerAttribution {
  public struct Row: Equatable {
    public var layer: String
    public var kind: String
    public var forwardMs: Double
    public var backwardMs: Double
    /// Fraction of the window's time, in [0, 1].
    public var share: Double
    public var joules: Double
  }

  public var layers: [Row]
  /// Kind → share of the energy, in first-seen order; "other" last when present.
  public var byKind: [(kind: String, share: Double)]
  public var joules: Double

  public init(timings: [LayerTime], joules: Double, windowSeconds: Double) {
    let layered = timings.reduce(0) { $0 + max(0, $1.seconds) }
    // The window cannot be shorter than the time measured inside it; clocks differ by microseconds.
    let total = max(windowSeconds, layered)
    self.joules = joules
    var rows = timings.map { t -> Row in
      let share = total > 0 ? max(0, t.seconds) / total : 0
      return Row(layer: t.layer, kind: t.kind, forwardMs: t.forwardSeconds * 1000,
                 backwardMs: t.backwardSeconds * 1000, share: share, joules: share * joules)
    }
    let rest = total > 0 ? (total - layered) / total : 0
    if rest > 0 {
      rows.append(Row(layer: "other (loss, optimizer, batching)", kind: "other", forwardMs: 0, backwardMs: 0,
                      share: rest, joules: rest * joules))
    }
    layers = rows
    var kinds: [(kind: String, share: Double)] = []
    for r in rows {
      if let i = kinds.firstIndex(where: { $0.kind == r.kind }) { kinds[i].share += r.share } else { kinds.append((r.kind, r.share)) }
    }
    byKind = kinds
  }

  /// The share of energy for one kind, 0 when absent.
  public func share(of kind: String) -> Double { byKind.first { $0.kind == kind }?.share ?? 0 }
}
