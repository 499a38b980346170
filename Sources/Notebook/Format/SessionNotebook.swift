import Foundation
import Script

/// A REPL session written as a notebook that reruns from a fresh start: one `# %%` cell per
/// input worth keeping, in order.
///
///     SessionNotebook(inputs: [.init("x = 41"), .init("x + 1", setsLast: true)]).text
///     // "# %%\nx = 41\n\n# %%\nx + 1\n"
///
/// Left out: inputs that failed or were interrupted, every later input that reads a name
/// they would have set (or `_` holding an interrupted run's partial result), transitively,
/// and `help(...)` calls, which show documentation rather than compute anything.
public struct SessionNotebook {
  /// One input as the session ran it.
  public struct Input: Equatable, Sendable {
    public var source: String
    /// It ran without error.
    public var ok = true
    /// It changed `_`: a shown value that is not nil, or an interrupted run's partial result.
    public var setsLast = false

    public init(_ source: String, ok: Bool = true, setsLast: Bool = false) {
      self.source = source
      self.ok = ok
      self.setsLast = setsLast
    }
  }

  public let inputs: [Input]

  public init(inputs: [Input]) {
    self.inputs = inputs
  }

  /// The inputs kept, in order.
  public var kept: [String] {
    var tainted: Set<String> = []
    var out: [String] = []
    for input in inputs where !SessionNotebook.isHelp(input.source) {
      let names = SourceNames.of(input.source)
      let readsTainted = names.map { !$0.reads.isDisjoint(with: tainted) } ?? !tainted.isEmpty
      if !input.ok || readsTainted {
        tainted.formUnion(names?.writes ?? [])
        if input.setsLast { tainted.insert("_") }
        continue
      }
      out.append(input.source)
      tainted.subtract(names?.writes ?? [])
      if input.setsLast { tainted.remove("_") }
    }
    return out
  }

  public var text: String {
    kept.map { "# %%\n" + $0 + ($0.hasSuffix("\n") ? "" : "\n") }.joined(separator: "\n")
  }

  /// `help()`, `help(train)`, `help("plot")`: documentation, not part of the analysis.
  public static func isHelp(_ source: String) -> Bool {
    let s = source.trimmingCharacters(in: .whitespacesAndNewlines)
    guard s.hasPrefix("help(") && s.hasSuffix(")") else { return false }
    return !s.dropFirst(5).contains("(") && !s.contains("\n")
  }
}
