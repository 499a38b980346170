/// The keys of a record, in order, with a dictionary index once there are many: shared by
/// every record made by one literal (`{x: i, y: 2}` in a loop makes one shape), copied on
/// write when a record gains or loses a key.
///
///     let s = RecordShape(["lr", "batch"])
///     s.position(of: "batch")   // 1
///
/// Keeping keys and index behind one reference makes a record two words (shape and values),
/// so a `Value` takes 17 bytes (stride 24) instead of 25 (stride 32): lists and frames take a
/// quarter less memory. The keys sit in memory the shape owns, so reading one is a load, with
/// no reference counting of an array.
final class RecordShape {
  @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<String>
  @exclusivity(unchecked) private(set) var count: Int
  @exclusivity(unchecked) private var capacity: Int
  @exclusivity(unchecked) private var index: [String: Int]?
  /// What the records of this shape are, when the host said (a train run, a measurement).
  var kind: (any RecordKind)?

  /// Shapes with more keys than this keep a dictionary index: past it, hashing one string
  /// costs less than comparing with every key.
  static let indexedFrom = 16

  /// The shape of records made empty, shared (so never uniquely referenced: the first key
  /// added makes a shape of the record's own).
  static let empty = RecordShape([])

  /// A shape of distinct `keys` (the caller guarantees it).
  init(_ keys: [String]) {
    capacity = max(keys.count, 4)
    count = keys.count
    base = .allocate(capacity: capacity)
    for (i, k) in keys.enumerated() { (base + i).initialize(to: k) }
    if count > RecordShape.indexedFrom { rebuildIndex() }
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  var keys: [String] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Where `key` is, or nil.
  @inline(__always)
  func position(of key: String) -> Int? {
    if index != nil { return index.unsafelyUnwrapped[key] }
    for i in 0..<count where base[i] == key { return i }
    return nil
  }

  /// Whether `key` is at position `i`.
  @inline(__always)
  func isKey(_ key: String, at i: Int) -> Bool {
    i < count && base[i] == key
  }

  /// A copy with `key` added at the end.
  func appending(_ key: String) -> RecordShape {
    let s = RecordShape(keys)
    s.kind = kind
    s.append(key)
    return s
  }

  /// Adds a key in place: only on a shape no other record shares.
  func append(_ key: String) {
    if count == capacity {
      let bigger = UnsafeMutablePointer<String>.allocate(capacity: capacity * 2)
      bigger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = bigger
      capacity *= 2
    }
    (base + count).initialize(to: key)
    count += 1
    if index != nil {
      index![key] = count - 1
    } else if count > RecordShape.indexedFrom {
      rebuildIndex()
    }
  }

  /// A copy without the key at `i`.
  func removing(at i: Int) -> RecordShape {
    var k = keys
    k.remove(at: i)
    let s = RecordShape(k)
    s.kind = kind
    return s
  }

  private func rebuildIndex() {
    var d: [String: Int] = [:]
    d.reserveCapacity(count)
    for i in 0..<count { d[base[i]] = i }
    index = d
  }
}
