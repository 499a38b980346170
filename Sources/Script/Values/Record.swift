/// An ordered record: `{lr: 0.01, batch: 64}` keeps its keys in the order written.
///
///     var r = Record()
///     r["lr"] = .float(0.01)
///     r.keys   // ["lr"]
///
/// Keys and values sit in two parallel arrays, found by a linear scan: records are small, and
/// comparing short strings costs less than hashing them. Records made by the same literal
/// share one keys array (copy on write), so making one allocates only its values. Past
/// `indexedFrom` keys a dictionary index is kept as well. Field reads at a call site remember
/// the position they found (`position(of:hint:)`), so a loop over records of one shape scans
/// nothing.
public struct Record {
  public private(set) var keys: [String] = []
  /// In the order of `keys`.
  public private(set) var values: [Value] = []
  private var index: [String: Int]?

  /// Records with more keys than this keep a dictionary index.
  static let indexedFrom = 16

  public init() {}

  public init(_ pairs: [(String, Value)]) {
    for (k, v) in pairs { self[k] = v }
  }

  /// A record with distinct `keys` (the caller guarantees it) and their values.
  init(uniqueKeys keys: [String], values: [Value]) {
    self.keys = keys
    self.values = values
    if keys.count > Record.indexedFrom { rebuildIndex() }
  }

  /// Where `key` is, or nil.
  @inline(__always)
  func position(of key: String) -> Int? {
    if let index { return index[key] }
    for i in keys.indices where keys[i] == key { return i }
    return nil
  }

  /// Where `key` is, trying `hint` (where it was last time) first.
  @inline(__always)
  func position(of key: String, hint: Int) -> Int? {
    if hint < keys.count && keys[hint] == key { return hint }
    return position(of: key)
  }

  public subscript(key: String) -> Value? {
    get { position(of: key).map { values[$0] } }
    set {
      if let i = position(of: key) {
        if let newValue {
          values[i] = newValue
        } else {
          keys.remove(at: i)
          values.remove(at: i)
          if index != nil { rebuildIndex() }
        }
      } else if let newValue {
        keys.append(key)
        values.append(newValue)
        if index != nil {
          index![key] = keys.count - 1
        } else if keys.count > Record.indexedFrom {
          rebuildIndex()
        }
      }
    }
  }

  /// The value at a position found by `position(of:)`, edited in place.
  subscript(at i: Int) -> Value {
    get { values[i] }
    set { values[i] = newValue }
  }

  private mutating func rebuildIndex() {
    var d: [String: Int] = [:]
    d.reserveCapacity(keys.count)
    for (i, k) in keys.enumerated() { d[k] = i }
    index = d
  }

  public var count: Int { keys.count }
  public var pairs: [(String, Value)] { Array(zip(keys, values)) }
}
