/// A record's shape and its values in one allocation: the values sit right after the header
/// (tail-allocated), so making a record is one `malloc`, reading a field one load at a fixed
/// offset, and a copy of the record one retain.
///
///     let s = RecordStorage.make(RecordShape(["x"]), capacity: 1)
///     s.values.initialize(to: .int(1))
///     s.head.pointee.count = 1
///
/// `Record` owns it and copies it on write. `count` values are initialized, `capacity` were
/// allocated; the shape's keys name the first `count` of them.
final class RecordStorage: ManagedBuffer<RecordStorage.Header, Value> {
  struct Header {
    var shape: RecordShape
    var count: Int
    let capacity: Int
  }

  /// A storage for `capacity` values, none initialized yet (`count` 0).
  @inline(__always)
  static func make(_ shape: RecordShape, capacity: Int) -> RecordStorage {
    let b = create(minimumCapacity: capacity) { _ in Header(shape: shape, count: 0, capacity: capacity) }
    return unsafeDowncast(b, to: RecordStorage.self)
  }

  /// The header, read and written in place: through `header` every access would be checked
  /// for exclusivity at run time (a call into the runtime, about 300 instructions per record).
  @inline(__always)
  var head: UnsafeMutablePointer<Header> {
    withUnsafeMutablePointerToHeader { $0 }
  }

  /// The values, read and written in place.
  @inline(__always)
  var values: UnsafeMutablePointer<Value> {
    withUnsafeMutablePointerToElements { $0 }
  }

  deinit {
    // Numbers, bools and nil need no destroying: a tag test, not a call per value.
    let v = values
    for i in 0..<head.pointee.count where !v[i].isTrivial { (v + i).deinitialize(count: 1) }
  }

  /// A copy with room for `capacity` values (at least `count`), the shape shared.
  func copy(capacity: Int) -> RecordStorage {
    let n = head.pointee.count
    let s = RecordStorage.make(head.pointee.shape, capacity: Swift.max(capacity, n))
    s.values.initialize(from: values, count: n)
    s.head.pointee.count = n
    return s
  }
}
