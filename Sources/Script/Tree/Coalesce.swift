/// `a ?? b`: `a`, unless it is nil or cannot be read because a key, field or index on its path
/// is missing; then `b` (evaluated only in that case).
///
///     counts[word] ?? 0          # 0 for a word not yet counted
///     r.note ?? "none"           # "none" when r has no field note, or it is nil
///     runs[5].accuracy ?? nan    # out of range: the default
///
/// Only absence is forgiven: indexing with the wrong type, an undefined variable, or an error
/// inside a call on the left still stops the program.
final class Coalesce: Node {
  override var children: [Node] { [left, right] }
  let left: Node
  let right: Node
  init(_ at: Location, _ left: Node, _ right: Node) {
    self.left = left
    self.right = right
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    if let v = try left.evalIfPresent(frame, it), !v.isNil { return v }
    return try right.eval(frame, it)
  }
}

extension Access {
  /// Like `get`, but nil where `get` would report something missing: a record key, a host
  /// field, an index out of range. Type errors still throw.
  static func getIfPresent(_ o: Value, _ i: Value) throws -> Value? {
    switch (o, i) {
    case (.list(let l), .int(let n)):
      let k = n < 0 ? n &+ l.count : n
      return k >= 0 && k < l.count ? l[k] : nil
    case (.string(let s), .int(let n)):
      let chars = Array(s)
      let k = n < 0 ? n &+ chars.count : n
      return k >= 0 && k < chars.count ? .string(String(chars[k])) : nil
    case (.record(let r), .string(let k)):
      return r.valueOrAlias(k)
    case (.host(let h), .string(let k)):
      return h.field(k) ?? FieldAliases.resolve(k, h.field)
    case (.host, .int(let n)) where o.rowList != nil:
      guard case .list(let l)? = o.rowList else { return nil }
      let k = n < 0 ? n &+ l.count : n
      return k >= 0 && k < l.count ? l[k] : nil
    default:
      return try get(o, i)
    }
  }

  /// Like `field`, but nil for a missing record key or host field.
  static func fieldIfPresent(_ o: Value, _ name: String) throws -> Value? {
    switch o {
    case .record(let r): return r.valueOrAlias(name)
    case .host(let h): return h.field(name) ?? FieldAliases.resolve(name, h.field)
    default: return try field(o, name)
    }
  }
}
