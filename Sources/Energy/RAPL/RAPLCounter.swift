/// Reading and unwrapping RAPL energy counters (microjoules, wrapping at `max_energy_range_uj`).
///
///     RAPLCounter.parse("123456\n")                          // 123456
///     RAPLCounter.delta(from: 990, to: 10, range: 1000)      // 20: it wrapped once
enum RAPLCounter {
  /// The counter value, or nil when the text is not a plain non-negative integer.
  static func parse(_ text: String) -> UInt64? {
    UInt64(text.trimmingWhitespace())
  }

  /// Microjoules spent between two reads, assuming at most one wrap between them. The poller
  /// reads 20 times a second; common ranges (262,143 J on Intel, about 65,536 J on AMD) take
  /// minutes to wrap even at 250 W. nil when the counter went backwards and the range is unknown.
  static func delta(from old: UInt64, to new: UInt64, range: UInt64?) -> UInt64? {
    if new >= old { return new - old }
    guard let range, range >= old else { return nil }
    // The convention of Zeus and CodeCarbon: the counter runs up to `range`, then restarts at 0.
    return (range - old) + new
  }

  /// A short, printable form of unexpected file content for messages.
  static func quote(_ text: String) -> String {
    let t = text.trimmingWhitespace()
    let cut = t.count > 24 ? String(t.prefix(24)) + "…" : t
    return "'" + cut + "'"
  }
}
