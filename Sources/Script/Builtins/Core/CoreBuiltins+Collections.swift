import Foundation

/// Collection builtins. The collection comes first, so they pipe: `xs |> map(f) |> sum()`.
extension CoreBuiltins {
  /// The payloads of `keys` when `extract` finds one in every key, else nil.
  static func plain<T>(_ keys: [Value], _ extract: (Value) -> T?) -> [T]? {
    var out: [T] = []
    out.reserveCapacity(keys.count)
    for k in keys {
      guard let x = extract(k) else { return nil }
      out.append(x)
    }
    return out
  }

  /// `f(x)`, by the interpreter's one-argument fast path when the context is the interpreter.
  @inline(__always)
  static func call(_ ctx: any CallContext, _ f: Value, _ x: Value) throws -> Value {
    if ObjectIdentifier(type(of: ctx)) == ObjectIdentifier(Interpreter.self) {
      return try unsafeDowncast(ctx, to: Interpreter.self).call(f, with: x)
    }
    return try ctx.call(f, Arguments([x]))
  }

  /// `b` with `body` as its `overRange`: called on `range(...)` directly, it counts through
  /// the integers rather than building their list.
  static func overRange(
    _ b: Builtin, _ body: @escaping (LazyMapSequence<StrideTo<Int>, Value>, BoundArguments, any CallContext) throws -> Value
  ) -> Builtin {
    b.overRange = { range, args, ctx in try body(range.lazy.map { .int($0) }, args, ctx) }
    return b
  }

  static func map<S: Sequence>(_ xs: S, _ args: BoundArguments, _ ctx: any CallContext) throws -> Value
  where S.Element == Value {
    let f = args["f"]
    var out: [Value] = []
    out.reserveCapacity(xs.underestimatedCount)
    try ElementCalls.with(f, ctx) { calls in
      for x in xs { out.append(try calls(x)) }
    }
    return .list(out)
  }

  static func filter<S: Sequence>(_ xs: S, _ args: BoundArguments, _ ctx: any CallContext) throws -> Value
  where S.Element == Value {
    let f = args["f"]
    // Room for every element up front: growing by doubling touches (and page-faults) twice
    // the memory; pages never written are never faulted in.
    var out: [Value] = []
    out.reserveCapacity(xs.underestimatedCount)
    try ElementCalls.with(f, ctx) { calls in
      for x in xs where try calls(x).isTruthy { out.append(x) }
    }
    return .list(out)
  }

  static func reduce<S: Sequence>(_ xs: S, _ args: BoundArguments, _ ctx: any CallContext) throws -> Value
  where S.Element == Value {
    let f = args["f"]
    var acc = args["init"]
    for x in xs { acc = try ctx.call(f, Arguments([acc, x])) }
    return acc
  }

  static var collections: [Builtin] {
    [
      Builtin("len", [Parameter("x", doc: "a list, string, record or host object")],
              doc: "Number of elements of a list, characters of a string, or keys of a record.") { args, _ in
        switch args["x"] {
        case .list(let l): return .int(l.count)
        case .string(let s): return .int(s.count)
        case .record(let r): return .int(r.count)
        case .host(let h as any RowSequence): return .int(h.rows.count)
        case .host(let h): return .int(h.fieldNames.count)
        case let v: throw ScriptError.runtime("len: \(v.typeName) has no length")
        }
      },
      range,
      overRange(Builtin("map", [Parameter("xs", .list), Parameter("f", .function, doc: "called with each element")],
              doc: "A new list of f(x) for each x in xs.") { args, ctx in
        try map(try args.list("xs"), args, ctx)
      }, map),
      overRange(Builtin("filter", [Parameter("xs", .list), Parameter("f", .function, doc: "true keeps the element")],
              doc: "The elements x of xs for which f(x) is true.") { args, ctx in
        try filter(try args.list("xs"), args, ctx)
      }, filter),
      overRange(Builtin("reduce", [Parameter("xs", .list), Parameter("f", .function, doc: "called as f(acc, x)"),
                         Parameter("init", doc: "the starting accumulator")],
              doc: "Folds xs into one value: acc = f(acc, x) for each x, starting from init.") { args, ctx in
        try reduce(try args.list("xs"), args, ctx)
      }, reduce),
      Builtin("sort", [Parameter("xs", .list),
                       Parameter("by", .optional(.oneOf([.string, .function])), default: .some(.none),
                                 doc: "a record field name, or a function giving each element's sort key"),
                       Parameter("reverse", .bool, default: .bool(false), doc: "largest first")],
              doc: "A sorted copy of xs (stable).") { args, ctx in
        let xs = try args.list("xs")
        let reverse = try args.bool("reverse")
        var keys: [Value]
        switch args["by"] {
        case .string(let field): keys = try xs.map { try Access.field($0, field) }
        case .closure, .builtin:
          switch try IntKeySort.keys(of: xs, by: args["by"], ctx) {
          case .ints(let ints): return .list(IntKeySort.sorted(xs, by: ints, reverse: reverse))
          case .values(let values): keys = values
          }
        default: keys = xs
        }
        var failure: Error?
        // Keys all of one plain kind sort without going through `Value.compare` (same order).
        if let ints = plain(keys, { if case .int(let i) = $0 { return i } else { return nil } }) {
          return .list(IntKeySort.sorted(xs, by: ints, reverse: reverse))
        }
        var order = Array(xs.indices)
        if let strings = plain(keys, { if case .string(let s) = $0 { return s } else { return nil } }) {
          order.sort { a, b in strings[a] == strings[b] ? a < b : (reverse ? strings[a] > strings[b] : strings[a] < strings[b]) }
          return .list(order.map { xs[$0] })
        }
        order.sort { a, b in
          do {
            let c = try keys[a].compare(to: keys[b])
            return c == 0 ? a < b : (reverse ? c > 0 : c < 0)
          } catch {
            failure = failure ?? error
            return a < b
          }
        }
        if let failure { throw ScriptError.runtime("sort: \(Node.describe(failure))") }
        return .list(order.map { xs[$0] })
      },
      Builtin("keys", [Parameter("r", doc: "a record or host object")],
              doc: "The keys of a record (or the fields of a host object), in order.") { args, _ in
        switch args["r"] {
        case .record(let r): return .list(r.keys.map { .string($0) })
        case .host(let h): return .list(h.fieldNames.map { .string($0) })
        case let v: throw ScriptError.runtime("keys: '\(v.typeName)' has no keys")
        }
      },
      Builtin("merge", [Parameter("records", kind: .variadic, doc: "records; a later one's keys win")],
              doc: "One record with the keys of all, in order; a key in a later record replaces the earlier value: "
                + "merge({a: 1, b: 2}, {b: 3, c: 4}) is {a: 1, b: 3, c: 4}.") { args, _ in
        var out = Record()
        for (i, v) in args.rest.enumerated() {
          guard case .record(let r) = v else {
            throw ScriptError.runtime("merge: argument \(i + 1) must be a record, got \(v.typeName)")
          }
          for (k, x) in r.pairs { out[k] = x }
        }
        return .record(out)
      },
      Builtin("values", [Parameter("r", .record)], doc: "The values of a record, in key order.") { args, _ in
        .list(try args.record("r").values)
      },
      Builtin("append", [Parameter("xs", .list), Parameter("x")],
              doc: "A copy of xs with x added at the end (xs += [x] grows xs in place).") { args, _ in
        .list(try args.list("xs") + [args["x"]])
      },
      Builtin("join", [Parameter("xs", .list), Parameter("sep", .string, default: .string(""))],
              doc: "The elements of xs as text, joined by sep: join([1, 2], \", \") is \"1, 2\".") { args, _ in
        .string(try args.list("xs").map(\.printString).joined(separator: try args.string("sep")))
      },
      Builtin("split", [Parameter("s", .string), Parameter("sep", .optional(.string), default: .some(.none),
                                                             doc: "separator; nil splits on whitespace")],
              doc: "The pieces of s between separators.") { args, _ in
        let s = try args.string("s")
        if let sep = try args.optionalString("sep"), !sep.isEmpty {
          return .list(s.components(separatedBy: sep).map { .string($0) })
        }
        return .list(s.split(whereSeparator: { $0.isWhitespace }).map { .string(String($0)) })
      },
      Builtin("zip", [Parameter("a", .list), Parameter("b", .list)],
              doc: "Pairs [a[i], b[i]] up to the shorter length.") { args, _ in
        .list(zip(try args.list("a"), try args.list("b")).map { .list([$0, $1]) })
      },
      Builtin("enumerate", [Parameter("xs", .list)], doc: "Pairs [i, xs[i]] for each index i.") { args, _ in
        .list(try args.list("xs").enumerated().map { .list([.int($0), $1]) })
      },
    ]
  }
}

