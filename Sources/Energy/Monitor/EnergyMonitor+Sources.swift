/// How a monitor describes its sources for run manifests, in one line, and which counters
/// exist but cannot be read.
///
///     EnergyMonitor.shared.sourcesDescription
///     // "estimate (RAPL unreadable, no NVML): whole machine's busy CPU time ..."
///     EnergyMonitor.shared.counterProblems
///     // ["rapl: RAPL present but unreadable: energy_uj is readable by root only ... Fix: sudo chmod ..."]
extension EnergyMonitor {
  /// One line describing the active sources: measured ones with what they read, then the
  /// estimate with what it stands in for and its model.
  public var sourcesDescription: String {
    if meters.isEmpty { return "none (" + (statuses.first?.why ?? "no meters") + ")" }
    let measured = statuses.filter { $0.inUse && $0.kind == .measured }.map { "\($0.source) (\($0.why))" }
    guard let model = modelDescription else { return measured.joined(separator: " + ") }
    // A counter that exists but refused us is not the same as no counter: say which it is.
    let missing = statuses.filter { !$0.inUse && $0.kind == .measured }
      .map { $0.source.uppercased() + ($0.found && !$0.readable ? " unreadable" : "") }
      .map { $0.hasSuffix(" unreadable") ? $0 : "no " + $0 }
    let head = (measured + ["estimate" + (missing.isEmpty ? "" : " (" + missing.joined(separator: ", ") + ")")])
      .joined(separator: " + ")
    return head + ": " + model
  }

  /// Counters that are present but could not be read, each with why and the fix: what a run
  /// manifest lists under "energy counters" so a reader knows the joules could have been measured.
  public var counterProblems: [String] {
    statuses.filter { $0.kind == .measured && $0.found && !$0.readable }.map { "\($0.source): \($0.why)" }
  }
}
