/// An ordered record: `{lr: 0.01, batch: 64}` keeps its keys in the order written.
///
///     var r = Record()
///     r["lr"] = .float(0.01)
///     r.keys   // ["lr"]
///
/// Keys live in a shared `RecordShape`, values in the same order right after it in one
/// allocation (`RecordStorage`, copied on write), found by a linear scan: records are small,
/// and comparing short strings costs less than hashing them. Records made by the same literal
/// share one shape (copied on write when a key is added or removed), so making one allocates
/// once. Past `RecordShape.indexedFrom` keys the
/// shape keeps a dictionary index as well. Field reads at a call site remember the position
/// they found (`position(of:hint:)`), so a loop over records of one shape scans nothing.
public struct Record {
  private var storage: RecordStorage

  /// Shared by every record made empty: the first key added makes a storage of its own.
  private static let empty = RecordStorage.make(.empty, capacity: 0)

  public var keys: [String] { storage.head.pointee.shape.keys }

  public init() { storage = Record.empty }

  public init(_ pairs: [(String, Value)]) {
    storage = Record.empty
    for (k, v) in pairs { self[k] = v }
  }

  /// A record of a kind the host names, for its display (`RecordKind`).
  public init(kind: any RecordKind, _ pairs: [(String, Value)]) {
    self.init(pairs)
    self.kind = kind
  }

  /// What this record is, when the host said; nil for records made in the language.
  public var kind: (any RecordKind)? {
    get { storage.head.pointee.shape.kind }
    set {
      makeUnique(capacity: count)
      if !isKnownUniquelyReferenced(&storage.head.pointee.shape) {
        storage.head.pointee.shape = RecordShape(storage.head.pointee.shape.keys)
      }
      storage.head.pointee.shape.kind = newValue
    }
  }

  /// The value of `key`; else, when `key` is an old name, its current field's (`FieldAliases`,
  /// with a one-time hint); else, when `key` is a current name, a field under its old name.
  public func valueOrAlias(_ key: String) -> Value? {
    self[key] ?? FieldAliases.resolve(key) { self[$0] } ?? FieldAliases.former(key) { self[$0] }
  }

  /// A record of `shape`'s keys and their values.
  init(shape: RecordShape, values: [Value]) {
    storage = RecordStorage.make(shape, capacity: values.count)
    let v = storage.values
    for i in values.indices { (v + i).initialize(to: values[i]) }
    storage.head.pointee.count = values.count
  }

  /// A record of `shape`'s keys, its values moved out of `count` slots at `from` (left nil).
  init(shape: RecordShape, moving from: UnsafeMutablePointer<Value>, _ count: Int) {
    storage = RecordStorage.make(shape, capacity: count)
    let v = storage.values
    for i in 0..<count {
      (v + i).initialize(to: (from + i).move())
      (from + i).initialize(to: .none)
    }
    storage.head.pointee.count = count
  }

  /// Refills this record in place with `shape` and the values of `count` slots at `from` (left
  /// nil), when nothing else holds its storage and it has room: a record made again and again
  /// in a loop (`p = {x: i, ...}`) then allocates nothing. False, having changed nothing, else.
  mutating func refill(shape: RecordShape, moving from: UnsafeMutablePointer<Value>, _ count: Int) -> Bool {
    guard isKnownUniquelyReferenced(&storage), storage.head.pointee.capacity >= count else { return false }
    let v = storage.values
    let old = storage.head.pointee.count
    for i in 0..<old where !v[i].isTrivial { (v + i).deinitialize(count: 1) }
    storage.head.pointee.count = 0
    if storage.head.pointee.shape !== shape { storage.head.pointee.shape = shape }
    for i in 0..<count {
      (v + i).initialize(to: (from + i).move())
      (from + i).initialize(to: .none)
    }
    storage.head.pointee.count = count
    return true
  }

  /// A storage of this record's own with room for at least `capacity` values.
  private mutating func makeUnique(capacity: Int) {
    if !isKnownUniquelyReferenced(&storage) || storage.head.pointee.capacity < capacity {
      storage = storage.copy(capacity: capacity)
    }
  }

  /// The values, in the order of `keys` (a copy).
  public var values: [Value] { Array(UnsafeBufferPointer(start: storage.values, count: storage.head.pointee.count)) }

  /// Whether the key at `i` is `key` by its bits (the same storage, or the same short string
  /// stored inline); false says nothing.
  @inline(__always)
  func hasKey(bitsOf key: String, at i: Int) -> Bool {
    // A String is two words on the 64-bit machines joule builds for; elsewhere, no shortcut.
    let shape = storage.head.pointee.shape
    guard MemoryLayout<String>.size == 16, i < shape.count else { return false }
    let a = UnsafeRawPointer(shape.base + i).load(as: (UInt64, UInt64).self)
    let b = withUnsafeBytes(of: key) { $0.load(as: (UInt64, UInt64).self) }
    return a == b
  }

  /// Where `key` is, or nil.
  @inline(__always)
  func position(of key: String) -> Int? { storage.head.pointee.shape.position(of: key) }

  /// Where `key` is, trying `hint` (where it was last time) first.
  @inline(__always)
  func position(of key: String, hint: Int) -> Int? {
    if storage.head.pointee.shape.isKey(key, at: hint) { return hint }
    return storage.head.pointee.shape.position(of: key)
  }

  public subscript(key: String) -> Value? {
    get { position(of: key).map { storage.values[$0] } }
    set {
      if let i = position(of: key) {
        if let newValue {
          makeUnique(capacity: count)
          storage.values[i] = newValue
        } else {
          remove(at: i)
        }
      } else if let newValue {
        let n = count
        // Doubling room, so building a record key by key stays linear.
        makeUnique(capacity: storage.head.pointee.capacity > n ? n + 1 : Swift.max(4, n * 2))
        if isKnownUniquelyReferenced(&storage.head.pointee.shape) {
          storage.head.pointee.shape.append(key)
        } else {
          storage.head.pointee.shape = storage.head.pointee.shape.appending(key)
        }
        (storage.values + n).initialize(to: newValue)
        storage.head.pointee.count = n + 1
      }
    }
  }

  /// Takes out the key and value at `i`.
  private mutating func remove(at i: Int) {
    let n = count
    let s = RecordStorage.make(storage.head.pointee.shape.removing(at: i), capacity: n - 1)
    let from = storage.values, to = s.values
    for j in 0..<i { (to + j).initialize(to: from[j]) }
    for j in (i + 1)..<n { (to + j - 1).initialize(to: from[j]) }
    s.head.pointee.count = n - 1
    storage = s
  }

  /// The value at a position found by `position(of:)`, edited in place.
  subscript(at i: Int) -> Value {
    get { storage.values[i] }
    set {
      makeUnique(capacity: count)
      storage.values[i] = newValue
    }
  }

  public var count: Int { storage.head.pointee.count }
  public var pairs: [(String, Value)] { Array(zip(keys, values)) }
}
