/// Minimal text forms of values. The language work replaces this with the full display
/// (aligned tables for lists of records, shortest floats, nested values).
extension Value {
  /// A compact single-line form: `0.01`, `"text"` quoted, `[1, 2]`, `{a: 1}`.
  public var shortDescription: String {
    switch self {
    case .none: return "nil"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .float(let d): return d.description
    case .string(let s): return "\"\(s)\""
    case .list(let l): return "[" + l.map(\.shortDescription).joined(separator: ", ") + "]"
    case .record(let r): return "{" + r.pairs.map { "\($0.0): \($0.1.shortDescription)" }.joined(separator: ", ") + "}"
    case .function(let f): return "<fn \(f.name)>"
    case .host(let h): return "<\(h.typeName)>"
    }
  }
}
