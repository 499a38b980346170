/// A constant: number, string without interpolation, true, false, nil.
final class Literal: Node {
  let value: Value
  init(_ at: Location, _ value: Value) {
    self.value = value
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value { value }
}

/// `"acc {r.accuracy}"`: text pieces and expressions, each shown as `print` would, or by its
/// format specification: `"{r.accuracy:.3f}"` (see `FormatSpec`).
final class Interpolation: Node {
  override var children: [Node] { parts.compactMap { if case .code(let n, _) = $0 { return n } else { return nil } } }
  enum Part {
    case text(String)
    case code(Node, FormatSpec?)
  }
  let parts: [Part]
  init(_ at: Location, _ parts: [Part]) {
    self.parts = parts
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    var s = ""
    for p in parts {
      switch p {
      case .text(let t): s += t
      case .code(let n, nil): s += try n.eval(frame, it).printString
      case .code(let n, let spec?):
        let v = try n.eval(frame, it)
        do { s += try spec.apply(v) } catch { throw n.located(error) }
      }
    }
    return .string(s)
  }
}

/// `[a, b, c]`.
final class ListLiteral: Node {
  override var children: [Node] { elements }
  let elements: [Node]
  init(_ at: Location, _ elements: [Node]) {
    self.elements = elements
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    var l: [Value] = []
    l.reserveCapacity(elements.count)
    for e in elements { l.append(try e.eval(frame, it)) }
    return .list(l)
  }
}

/// `{lr: 0.01, batch: 64}`: keys keep the order written.
final class RecordLiteral: Node {
  override var children: [Node] { fields.map(\.1) }
  let fields: [(String, Node)]
  /// The keys, once: every record this literal makes shares the shape (the parser has made
  /// sure they are distinct).
  let shape: RecordShape
  /// The value nodes, unretained (the fields hold them): iterating an array of nodes retains
  /// and releases each, atomically.
  private let nodes: UnsafeMutableBufferPointer<Unmanaged<Node>>
  init(_ at: Location, _ fields: [(String, Node)]) {
    self.fields = fields
    shape = RecordShape(fields.map { KeyNames.canonical($0.0) })
    nodes = .allocate(capacity: fields.count)
    _ = nodes.initialize(from: fields.map { Unmanaged.passUnretained($0.1) })
    super.init(at)
  }
  deinit { nodes.deallocate() }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let n = nodes.count
    // Evaluated onto the value stack, then moved into the record: no array in between.
    let slots = try it.reserve(n, at: self)
    defer { it.release(slots, n) }
    for i in 0..<n { slots[i] = try nodes[i]._withUnsafeGuaranteedRef { try $0.eval(frame, it) } }
    return .record(Record(shape: shape, moving: slots, n))
  }
}
