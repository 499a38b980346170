/// An ordered record: `{lr: 0.01, batch: 64}` keeps its keys in the order written.
///
///     var r = Record()
///     r["lr"] = .float(0.01)
///     r.keys   // ["lr"]
///
/// Keys live in a shared `RecordShape`, values in an array of the same order, found by a
/// linear scan: records are small, and comparing short strings costs less than hashing them.
/// Records made by the same literal share one shape (copied on write when a key is added or
/// removed), so making one allocates only its values. Past `RecordShape.indexedFrom` keys the
/// shape keeps a dictionary index as well. Field reads at a call site remember the position
/// they found (`position(of:hint:)`), so a loop over records of one shape scans nothing.
public struct Record {
  private var shape: RecordShape
  /// In the order of `keys`.
  public private(set) var values: [Value] = []

  public var keys: [String] { shape.keys }

  public init() { shape = .empty }

  public init(_ pairs: [(String, Value)]) {
    shape = .empty
    for (k, v) in pairs { self[k] = v }
  }

  /// A record of a kind the host names, for its display (`RecordKind`).
  public init(kind: any RecordKind, _ pairs: [(String, Value)]) {
    self.init(pairs)
    self.kind = kind
  }

  /// What this record is, when the host said; nil for records made in the language.
  public var kind: (any RecordKind)? {
    get { shape.kind }
    set {
      if !isKnownUniquelyReferenced(&shape) { shape = RecordShape(shape.keys) }
      shape.kind = newValue
    }
  }

  /// The value of `key`; else, when `key` is an old name, its current field's (`FieldAliases`,
  /// with a one-time hint); else, when `key` is a current name, a field under its old name.
  public func valueOrAlias(_ key: String) -> Value? {
    self[key] ?? FieldAliases.resolve(key) { self[$0] } ?? FieldAliases.former(key) { self[$0] }
  }

  /// A record of `shape`'s keys and their values.
  init(shape: RecordShape, values: [Value]) {
    self.shape = shape
    self.values = values
  }

  /// Whether the key at `i` is `key` by its bits (the same storage, or the same short string
  /// stored inline); false says nothing.
  @inline(__always)
  func hasKey(bitsOf key: String, at i: Int) -> Bool {
    // A String is two words on the 64-bit machines joule builds for; elsewhere, no shortcut.
    guard MemoryLayout<String>.size == 16, i < shape.count else { return false }
    let a = UnsafeRawPointer(shape.base + i).load(as: (UInt64, UInt64).self)
    let b = withUnsafeBytes(of: key) { $0.load(as: (UInt64, UInt64).self) }
    return a == b
  }

  /// Where `key` is, or nil.
  @inline(__always)
  func position(of key: String) -> Int? { shape.position(of: key) }

  /// Where `key` is, trying `hint` (where it was last time) first.
  @inline(__always)
  func position(of key: String, hint: Int) -> Int? {
    if shape.isKey(key, at: hint) { return hint }
    return shape.position(of: key)
  }

  public subscript(key: String) -> Value? {
    get { position(of: key).map { values[$0] } }
    set {
      if let i = position(of: key) {
        if let newValue {
          values[i] = newValue
        } else {
          shape = shape.removing(at: i)
          values.remove(at: i)
        }
      } else if let newValue {
        if isKnownUniquelyReferenced(&shape) {
          shape.append(key)
        } else {
          shape = shape.appending(key)
        }
        values.append(newValue)
      }
    }
  }

  /// The value at a position found by `position(of:)`, edited in place.
  subscript(at i: Int) -> Value {
    get { values[i] }
    set { values[i] = newValue }
  }

  public var count: Int { shape.count }
  public var pairs: [(String, Value)] { Array(zip(shape.keys, values)) }
}
