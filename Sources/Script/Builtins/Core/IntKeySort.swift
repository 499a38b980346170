/// The stable order of elements by int keys, for `sort`: a least-significant-digit radix sort
/// over only the bits in which the keys differ (their range), so `sort(xs, by: fn(z) { -z })`
/// over 67,000 keys is two passes of counting and moving, not a million comparisons.
///
///     IntKeySort.sorted(["c", "a", "b", "a'"], by: [30, 10, 20, 10], reverse: false)
///     // ["a", "a'", "b", "c"]
///
/// Equal keys keep the order of their positions, whichever direction (a radix sort is stable
/// by construction), which is what the comparison sort it replaces did by comparing positions.
enum IntKeySort {
  /// Below this many keys the comparison sort is cheaper than clearing and scanning buckets.
  static let radixFrom = 64

  /// `xs` ordered by `keys` (one per element), smallest key first (largest first when
  /// `reverse`).
  static func sorted(_ xs: [Value], by keys: [Int], reverse: Bool) -> [Value] {
    let n = keys.count
    guard n >= radixFrom else {
      var pairs = keys.enumerated().map { (key: $0.element, at: $0.offset) }
      if reverse {
        pairs.sort { $0.key != $1.key ? $0.key > $1.key : $0.at < $1.at }
      } else {
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.at < $1.at }
      }
      return pairs.map { xs[$0.at] }
    }
    return keys.withUnsafeBufferPointer { k in
      var lo = k[0], hi = k[0]
      for x in k {
        if x < lo { lo = x }
        if x > hi { hi = x }
      }
      // Every key as its distance from the smallest (from the largest when reversed): the
      // distances span at most 64 bits, and only `bits` of them differ.
      let bits = UInt64.bitWidth - UInt64(truncatingIfNeeded: hi &- lo).leadingZeroBitCount
      guard bits > 0 else { return xs }
      // Digits of at most 11 bits (2,048 counters, 16 KiB: in the first-level cache), the bits
      // split evenly among the passes.
      let passes = (bits + 10) / 11
      let width = (bits + passes - 1) / passes
      let mask = UInt64((1 << width) - 1)
      if bits <= 32 && n <= Int(UInt32.max) {
        // One word per element, the distance above the position: half the memory to move
        // (and to fault in) of a (distance, position) pair.
        let a = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
        let b = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
        defer {
          a.deallocate()
          b.deallocate()
        }
        for i in 0..<n {
          let d = UInt64(truncatingIfNeeded: reverse ? hi &- k[i] : k[i] &- lo)
          a[i] = d << 32 | UInt64(i)
        }
        let sorted = radix(a, b, passes: passes, width: width) { Int(($0 >> (32 + $1)) & mask) }
        return sorted.map { xs[Int($0 & 0xFFFF_FFFF)] }
      }
      let a = UnsafeMutableBufferPointer<Entry>.allocate(capacity: n)
      let b = UnsafeMutableBufferPointer<Entry>.allocate(capacity: n)
      defer {
        a.deallocate()
        b.deallocate()
      }
      for i in 0..<n {
        let d = reverse ? hi &- k[i] : k[i] &- lo
        a[i] = Entry(key: UInt64(truncatingIfNeeded: d), at: i)
      }
      let sorted = radix(a, b, passes: passes, width: width) { Int(($0.key >> $1) & mask) }
      return sorted.map { xs[$0.at] }
    }
  }

  /// Sorts `a` by `passes` digits of `width` bits, lowest first (`digit(e, shift)`), moving
  /// between `a` and `b`; returns the one that holds the result.
  @inline(__always)
  private static func radix<E>(
    _ a: UnsafeMutableBufferPointer<E>, _ b: UnsafeMutableBufferPointer<E>, passes: Int, width: Int,
    digit: (E, UInt64) -> Int
  ) -> UnsafeMutableBufferPointer<E> {
    let buckets = 1 << width
    let counts = UnsafeMutablePointer<Int>.allocate(capacity: buckets)
    defer { counts.deallocate() }
    var from = a, to = b
    for p in 0..<passes {
      let shift = UInt64(p * width)
      counts.initialize(repeating: 0, count: buckets)
      for e in from { counts[digit(e, shift)] &+= 1 }
      var sum = 0
      for d in 0..<buckets {
        let c = counts[d]
        counts[d] = sum
        sum &+= c
      }
      for e in from {
        let d = digit(e, shift)
        to[counts[d]] = e
        counts[d] &+= 1
      }
      swap(&from, &to)
    }
    return from
  }

  /// The keys `f` gives the elements of `xs`: ints while every one is an int (no list of
  /// values made for them), else values.
  enum Keys {
    case ints([Int])
    case values([Value])
  }

  /// Calls `f` on each element (`ElementCalls`) for its key.
  static func keys(of xs: [Value], by f: Value, _ ctx: any CallContext) throws -> Keys {
    var ints: [Int] = []
    ints.reserveCapacity(xs.count)
    var values: [Value]?
    try ElementCalls.with(f, ctx) { calls in
      for x in xs {
        let k = try calls(x)
        if values == nil, case .int(let i) = k {
          ints.append(i)
          continue
        }
        if values == nil {
          values = ints.map { .int($0) }
          values!.reserveCapacity(xs.count)
        }
        values!.append(k)
      }
    }
    return values.map { .values($0) } ?? .ints(ints)
  }

  /// A key's distance and its element's position.
  struct Entry {
    var key: UInt64
    var at: Int
  }
}
