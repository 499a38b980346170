import Foundation

/// joule's line protocol for programs: how metrics and intermediate reports are recognised.
///
///     print(json.dumps({"accuracy": acc}))                          # metrics: the last JSON object line
///     print("JOULE_REPORT " + json.dumps({"step": e, "acc": acc}))  # a report, read at once
///
/// On stdout a report needs the `JOULE_REPORT ` prefix; on the descriptor named by
/// `JOULE_REPORT_FD` every line is a report and the prefix is optional. Lines that are not
/// valid JSON objects are ignored (and counted, so the record can say why nothing was found).
public enum ReportProtocol {
  public static let prefix = "JOULE_REPORT "
  /// The environment variable that tells the program which descriptor is the report channel.
  public static let descriptorVariable = "JOULE_REPORT_FD"
  /// The descriptor number the channel gets in the program: the first after stdin, stdout, stderr.
  public static let descriptor: Int32 = 3

  private static let prefixBytes = Array(prefix.utf8)

  /// A stdout line's report, when it has the prefix and a JSON object after it.
  public static func stdoutReport(_ line: ArraySlice<UInt8>, at seconds: Double) -> ProgramReport? {
    guard line.starts(with: prefixBytes) else { return nil }
    return report(line.dropFirst(prefixBytes.count), at: seconds)
  }

  /// True when a stdout line is a report (so it is no metrics candidate).
  public static func isReportLine(_ line: ArraySlice<UInt8>) -> Bool { line.starts(with: prefixBytes) }

  /// A report-channel line's report; the prefix is allowed but not needed.
  public static func channelReport(_ line: ArraySlice<UInt8>, at seconds: Double) -> ProgramReport? {
    report(line.starts(with: prefixBytes) ? line.dropFirst(prefixBytes.count) : line, at: seconds)
  }

  static func report(_ body: ArraySlice<UInt8>, at seconds: Double) -> ProgramReport? {
    guard let (object, text) = jsonObject(body) else { return nil }
    var step: Int?
    var values: [String: Double] = [:]
    for (key, value) in object {
      guard let n = number(value) else { continue }
      if key == "step", n == n.rounded(), abs(n) < 1e15 { step = Int(n) } else { values[key] = n }
    }
    return ProgramReport(step: step, values: values, json: text, seconds: seconds)
  }

  /// The line as a JSON object (and its trimmed text), or nil when it is anything else.
  public static func jsonObject(_ line: ArraySlice<UInt8>) -> ([String: Any], String)? {
    let trimmed = line.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }.reversed()
    guard trimmed.first == UInt8(ascii: "{"), trimmed.last == UInt8(ascii: "}") else { return nil }
    let data = Data(trimmed)
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    return (object, String(decoding: data, as: UTF8.self))
  }

  /// The numeric fields of a JSON object; booleans are not numbers here.
  public static func numbers(_ object: [String: Any]) -> [String: Double] {
    object.compactMapValues(number)
  }

  static func number(_ v: Any) -> Double? {
    // JSON true and false arrive as NSNumber too; their type code is "c" (char).
    guard let n = v as? NSNumber, String(cString: n.objCType) != "c" else { return nil }
    let d = n.doubleValue
    return d.isFinite ? d : nil
  }
}
