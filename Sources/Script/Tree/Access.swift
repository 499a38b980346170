/// `xs[i]`, `r["key"]`, `s[0]`: zero-based, negative indices count from the end.
///
/// A list held in a local variable is read in place: no copy of the list, not even a retain.
final class Index: Node {
  override var children: [Node] { [object, index] }
  let object: Node
  let index: Node
  private let objectSlot: Int
  init(_ at: Location, _ object: Node, _ index: Node) {
    self.object = object
    self.index = index
    objectSlot = (object as? LocalGet)?.slot ?? -1
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    if objectSlot >= 0 {
      let i = try index.eval(frame, it)
      if case .list(let l) = frame.slots[objectSlot], case .int(let n) = i, n >= 0, n < l.count { return l[n] }
      do { return try Access.get(frame.slots[objectSlot], i) } catch { throw located(error) }
    }
    let o = try object.eval(frame, it)
    let i = try index.eval(frame, it)
    do { return try Access.get(o, i) } catch { throw located(error) }
  }
  override func evalIfPresent(_ frame: Frame, _ it: Interpreter) throws -> Value? {
    guard let o = try object.evalIfPresent(frame, it), !o.isNil else { return nil }
    let i = try index.eval(frame, it)
    do { return try Access.getIfPresent(o, i) } catch { throw located(error) }
  }
}

/// `r.key`, `model.parameters`.
///
/// Each site remembers the position where it last found its field, so reading records of one
/// shape in a loop checks one key instead of searching.
final class Field: Node {
  override var children: [Node] { [object] }
  let object: Node
  let name: String
  /// The slot when `object` is a local variable: the record is read in place, not copied out.
  private let objectSlot: Int
  @exclusivity(unchecked) private var hint = 0
  init(_ at: Location, _ object: Node, _ name: String) {
    self.object = object
    self.name = KeyNames.canonical(name)
    objectSlot = (object as? LocalGet)?.slot ?? -1
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    if objectSlot >= 0, let v = Field.read(frame.slots[objectSlot], name, &hint) { return v }
    let o = try object.eval(frame, it)
    if case .record(let r) = o, let i = r.position(of: name, hint: hint) {
      hint = i
      return r[at: i]
    }
    do { return try Access.field(o, name) } catch { throw located(error) }
  }
  override func evalIfPresent(_ frame: Frame, _ it: Interpreter) throws -> Value? {
    guard let o = try object.evalIfPresent(frame, it), !o.isNil else { return nil }
    do { return try Access.fieldIfPresent(o, name) } catch { throw located(error) }
  }

  /// The field of the record held in a variable, read in place: a `borrowing` parameter lets
  /// the compiler match the record without copying it (a copy retains it, atomically). The
  /// hinted position is checked by the key's bits alone (short keys are stored inline, so
  /// equal short keys have equal bits): with no call on that path, nothing forces a copy.
  @inline(__always)
  static func read(_ v: borrowing Value, _ name: String, _ hint: inout Int) -> Value? {
    switch v {
    case .record(let r):
      if r.hasKey(bitsOf: name, at: hint) { return r[at: hint] }
      guard let i = r.position(of: name) else { return nil }
      hint = i
      return r[at: i]
    default: return nil
    }
  }
}

/// `xs[0] = v`, `r.key = v`, `runs[0].lr = v`: value semantics, so the edit is written back
/// into the variable at the root of the path.
final class PathAssign: Node {
  override var children: [Node] { steps.compactMap { if case .index(let n) = $0 { return n } else { return nil } } + [value] }
  enum Step {
    case index(Node)
    case field(String)
  }
  let root: VariableRef
  let rootName: String
  let steps: [Step]
  let op: BinaryOperator?
  let value: Node

  init(_ at: Location, root: VariableRef, rootName: String, steps: [Step], op: BinaryOperator?, value: Node) {
    self.root = root
    self.rootName = rootName
    self.steps = steps
    self.op = op
    self.value = value
    super.init(at)
  }

  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    var keys: [Value] = []
    keys.reserveCapacity(steps.count)
    for s in steps {
      switch s {
      case .index(let n): keys.append(try n.eval(frame, it))
      case .field(let f): keys.append(.string(f))
      }
    }
    let v = try value.eval(frame, it)
    guard var current = root.take(frame, it) else {
      throw error("undefined variable '\(rootName)'")
    }
    do {
      try Access.set(&current, keys[...], steps: steps[...], v, op: op)
      root.store(current, frame, it)
    } catch {
      root.store(current, frame, it)
      throw located(error)
    }
    return .none
  }
}

/// Reading and writing inside values, shared by the tree and by builtins.
enum Access {
  static func get(_ o: Value, _ i: Value) throws -> Value {
    switch (o, i) {
    case (.list(let l), .int(let n)):
      return l[try position(n, count: l.count)]
    case (.string(let s), .int(let n)):
      let chars = Array(s)
      return .string(String(chars[try position(n, count: chars.count)]))
    case (.record(let r), .string(let k)):
      guard let v = r.valueOrAlias(k) else { throw missingKey(k, in: r.keys) }
      return v
    case (.host, .string(let k)):
      return try field(o, k)
    case (.host, .int(let n)) where o.rowList != nil:
      guard case .list(let l)? = o.rowList else { return .none }
      return l[try position(n, count: l.count)]
    case (.list, _), (.string, _):
      throw ScriptError.runtime("\(o.typeName) index must be an int, got \(i.typeName)")
    case (.record, _):
      throw ScriptError.runtime("record key must be a string, got \(i.typeName)")
    default:
      throw ScriptError.runtime("cannot index \(o.typeName)")
    }
  }

  static func field(_ o: Value, _ name: String) throws -> Value {
    switch o {
    case .record(let r):
      guard let v = r.valueOrAlias(name) else { throw missingKey(name, in: r.keys) }
      return v
    case .host(let h):
      guard let v = h.field(name) ?? FieldAliases.resolve(name, h.field) else {
        let hint = Suggestion.closest(to: name, among: h.fieldNames).map { "; did you mean '\($0)'?" } ?? ""
        let known = h.fieldNames.isEmpty ? "" : " (fields: \(h.fieldNames.joined(separator: ", ")))"
        throw ScriptError.runtime("\(h.typeName) has no field '\(name)'\(hint.isEmpty ? known : hint)")
      }
      return v
    default:
      throw ScriptError.runtime("\(o.typeName) has no field '\(name)'")
    }
  }

  static func missingKey(_ k: String, in keys: [String]) -> ScriptError {
    let hint = Suggestion.closest(to: k, among: keys).map { "; did you mean '\($0)'?" } ?? ""
    return .runtime("record has no key '\(k)'\(hint)")
  }

  static func position(_ n: Int, count: Int) throws -> Int {
    let i = n < 0 ? n + count : n
    guard i >= 0, i < count else {
      throw ScriptError.runtime("index \(n) out of range (length \(count))")
    }
    return i
  }

  /// Writes `v` at the path `keys` inside `target`, editing in place.
  static func set(_ target: inout Value, _ keys: ArraySlice<Value>, steps: ArraySlice<PathAssign.Step>,
                  _ v: Value, op: BinaryOperator?) throws {
    guard let key = keys.first else {
      target = try op.map { try $0.apply(target, v) } ?? v
      return
    }
    let rest = keys.dropFirst(), restSteps = steps.dropFirst()
    switch (target, key) {
    case (.list(var l), .int(let n)):
      let i = try position(n, count: l.count)
      target = .none  // unique storage: edit in place
      defer { target = .list(l) }
      try set(&l[i], rest, steps: restSteps, v, op: op)
    case (.record(var r), .string(let k)):
      if r[k] == nil && (!rest.isEmpty || op != nil) { throw missingKey(k, in: r.keys) }
      target = .none
      defer { target = .record(r) }
      var inner = r[k] ?? Value.none
      r[k] = Value.none  // drop the record's reference to the inner value while it is edited
      defer { r[k] = inner }
      try set(&inner, rest, steps: restSteps, v, op: op)
    case (.host(let h), _):
      throw ScriptError.runtime("cannot change \(h.typeName) fields")
    case (.list, _):
      throw ScriptError.runtime("list index must be an int, got \(key.typeName)")
    case (.record, _):
      throw ScriptError.runtime("record key must be a string, got \(key.typeName)")
    default:
      if case .field(let f)? = steps.first {
        throw ScriptError.runtime("cannot set field '\(f)' of \(target.typeName)")
      }
      throw ScriptError.runtime("cannot assign into \(target.typeName)")
    }
  }
}
