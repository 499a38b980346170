import Foundation

extension CPUGeneration.Segment {
  /// The segment a marketing name belongs to, as scripts/power_model_common.py's `generation`
  /// sorts SPECpower's CPUs (keep the two in step); nil when the name alone does not say.
  ///
  ///     CPUGeneration.Segment(cpuName: "Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz")   // .server2012
  ///     CPUGeneration.Segment(cpuName: "AMD EPYC")                                    // nil: no model number
  public init?(cpuName: String) {
    let n = cpuName.lowercased()
    func has(_ pattern: String) -> Bool { n.range(of: pattern, options: .regularExpression) != nil }
    if has(#"epyc\s+\d{4}"#) || has(#"(platinum|gold|silver|bronze)\s*\d{4}"#) || has(#"xeon\s*6\d{3}"#) {
      self = .server2017
    } else if n.contains("opteron") || has(#"[xlew][57][56]\d\d"#) || has(#"[xlew]3[4-6]\d\d"#) {
      self = .server2009
    } else if has(#"e[57]-\d{4}"#) {
      self = .server2012
    } else if has(#"e3-\d{4}|xeon\s*e\s*e?-\d{4}|xeon-?\s*d|core|pentium|celeron|atom|ryzen|xeon\s*w-"#) {
      self = .client
    } else {
      return nil
    }
  }
}
