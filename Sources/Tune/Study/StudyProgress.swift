import Foundation

/// A snapshot for the progress line: "trial 7/20 · best 0.871 · 8,190 / 20,000 J · ETA 3m10s".
///
///     runner.run(objective: f, shouldStop: { false }) { p in print(p.line) }
public struct StudyProgress: Sendable {
  /// The trial now running (1-based count of finished trials + 1), and the target.
  public var current: Int
  public var total: Int
  public var best: Double?
  public var spentJ: Double
  public var budgetJ: Double?
  /// Seconds left at the mean pace of this run's trials; nil before the first one finishes.
  public var etaSeconds: Double?

  public var line: String {
    var parts = ["trial \(current)/\(total)"]
    if let best { parts.append("best \(StudyProgress.short(best))") }
    parts.append(budgetJ.map { "\(Int(spentJ.rounded())) / \(Int($0.rounded())) J" } ?? "\(Int(spentJ.rounded())) J")
    if let eta = etaSeconds { parts.append("ETA \(StudyProgress.duration(eta))") }
    return parts.joined(separator: " · ")
  }

  /// A value with four significant digits, as the progress line shows it.
  public static func short(_ x: Double) -> String {
    let a = abs(x)
    if a != 0 && (a < 1e-3 || a >= 1e6) { return String(format: "%.3g", x) }
    return String(format: "%.4g", x)
  }

  static func duration(_ s: Double) -> String {
    let t = Int(max(s, 0).rounded())
    if t >= 3600 { return "\(t / 3600)h\(String(format: "%02d", t % 3600 / 60))m" }
    if t >= 60 { return "\(t / 60)m\(String(format: "%02d", t % 60))s" }
    return "\(t)s"
  }
}
