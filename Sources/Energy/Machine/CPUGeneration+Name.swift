import Foundation

extension CPUGeneration.Segment {
  /// The segment a marketing name belongs to, as scripts/power_model_common.py's `generation`
  /// sorts SPECpower's CPUs (keep the two in step); nil when the name alone does not say.
  ///
  ///     CPUGeneration.Segment(cpuName: "Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz")   // .server2012
  ///     CPUGeneration.Segment(cpuName: "AMD EPYC")                                    // nil: no model number
  public init?(cpuName: String) {
    // One classifier for names: the generation's, whose segment this is (as the script's
    // `segment` is SEGMENT[generation(name)]).
    switch CPUGeneration.fitKey(cpuName: cpuName) {
    case nil: return nil
    case "client": self = .client
    case "opteron": self = .server2009
    case let key?:
      guard let generation = CPUGeneration(rawValue: key) else { return nil }
      self = generation.segment
    }
  }
}

extension CPUGeneration {
  /// The generation name scripts/power_model_common.py's `generation` gives a marketing name
  /// (keep the two in step): the key of the wall regressions' generation factors. nil when the
  /// name has no model number to go by.
  ///
  ///     CPUGeneration.fitKey(cpuName: "Intel(R) Xeon(R) Platinum 8480+")   // "sapphire-rapids"
  ///     CPUGeneration.fitKey(cpuName: "AMD EPYC 9654 96-Core Processor")   // "zen4"
  public static func fitKey(cpuName: String) -> String? {
    let n = cpuName.lowercased()
    func match(_ pattern: String) -> [String]? {
      guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: n, range: NSRange(n.startIndex..., in: n)) else { return nil }
      return (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: n).map { String(n[$0]) } ?? "" }
    }
    if n.contains("epyc") {
      guard let m = match(#"epyc\s+(\d)\d\d(\d)"#) else { return nil }
      if m[1] == "7" { return ["1": "zen1", "2": "zen2", "3": "zen3"][m[2]] ?? "zen3" }
      return ["4": "zen4", "5": "zen5"][m[2]] ?? "zen4"
    }
    if n.contains("opteron") { return "opteron" }
    if let m = match(#"(platinum|gold|silver|bronze)\s*\d(\d)"#) {
      return ["1": "skylake-sp", "2": "cascade-lake", "3": "ice-lake-sp", "4": "sapphire-rapids",
              "5": "emerald-rapids"][m[2]] ?? "sapphire-rapids"
    }
    if match(#"xeon\s*6\d{3}"#) != nil { return "granite-rapids" }
    if match(#"e[57]-\d{4}[a-z]*\s*v4"#) != nil { return "broadwell" }
    if match(#"e[57]-\d{4}[a-z]*\s*v3"#) != nil { return "haswell" }
    if match(#"e[57]-\d{4}[a-z]*\s*v2"#) != nil { return "ivy-bridge" }
    if match(#"e[57]-\d{4}"#) != nil { return "sandy-bridge" }
    if match(#"e3-\d{4}|xeon\s*e\s*e?-\d{4}|xeon-?\s*d|core|pentium|celeron|atom|ryzen|xeon\s*w-"#) != nil { return "client" }
    if match(#"[xlew][57][56]\d\d|[xlew]3[4-6]\d\d"#) != nil { return "nehalem" }
    return nil
  }

  /// This generation's key among the fit's generation names (client parts share one).
  public var fitKey: String {
    switch self {
    case .intelClient, .amdClient: return "client"
    default: return rawValue
    }
  }
}
