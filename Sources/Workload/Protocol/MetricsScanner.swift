/// Keeps the last stdout line that is a JSON object: the program's final metrics.
///
///     var m = MetricsScanner()
///     m.consider(line)            // for every stdout line
///     m.json                      // "{\"accuracy\": 0.87}" or nil
///     m.why                       // nil, or why nothing was found
///
/// A line that starts with `{` but is not valid JSON is ignored (an earlier valid line still
/// counts) and remembered, so that "no metrics" can say what went wrong.
public struct MetricsScanner: Sendable {
  public private(set) var json: String?
  public private(set) var values: [String: Double] = [:]
  /// Lines that looked like JSON objects but did not parse.
  public private(set) var invalidLines = 0

  public init() {}

  public mutating func consider(_ line: ArraySlice<UInt8>) {
    guard let first = line.first(where: { $0 != 32 && $0 != 9 }), first == UInt8(ascii: "{") else { return }
    if let (object, text) = ReportProtocol.jsonObject(line) {
      json = text
      values = ReportProtocol.numbers(object)
    } else {
      invalidLines += 1
    }
  }

  /// Why there are no metrics, or nil when there are.
  public var why: String? {
    guard json == nil else { return nil }
    if invalidLines > 0 {
      return "no metrics found: \(invalidLines) stdout line\(invalidLines == 1 ? "" : "s") began with '{' but "
        + "\(invalidLines == 1 ? "was" : "were") not valid JSON"
    }
    return "no metrics found: no stdout line was a JSON object"
  }
}
