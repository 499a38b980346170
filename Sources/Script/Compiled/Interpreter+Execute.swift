/// The dispatch loop of compiled code: one `switch` per instruction over the call's slots.
///
///     let v = try interpreter.execute(code, frame)   // from `invokePlain`/`invokeGeneral`
///
/// The common cases (ints, a global `fn`, a record field at its remembered position) are
/// handled inline; everything else goes to out-of-line helpers (`Interpreter+Operations`),
/// which keeps this function's registers few. A call of a compiled closure without cells with
/// its exact arguments continues in this loop (`pushCall`, `ret` pops it: in-loop calls, see
/// `Interpreter+InLoopCalls`); other joule calls recurse through `invoke`. An error takes the
/// position of the instruction's node unless it has one already, and unwinds the in-loop calls
/// with their trace lines.
extension Interpreter {
  func execute(_ entry: Code, _ entryFrame: Frame) throws -> Value {
    // The running call's code and registers: the entry's, or an in-loop callee's (its frame,
    // for the tree and the variables, is `frame(r, floor, entryFrame)`). Unmanaged: switching
    // code at an in-loop call or return retains and releases nothing.
    var code = Unmanaged.passUnretained(entry)
    var r = entryFrame.slots
    // The instruction running: a pointer stepped through `code.ops` (jumps are relative), so
    // the loop keeps no base and index.
    var ip = code.ops
    // The entry's depth: deeper, an in-loop call is running, its record at `depth - 1`.
    let floor = depth
    do {
      while true {
        switch ip.pointee {
        case .loadK(let d, let k):
          // Numbers rebuilt in place: no outlined copy of the value.
          switch code.constants[Int(k)] {
          case .int(let i): put(r + Int(d), .int(i))
          case .float(let x): put(r + Int(d), .float(x))
          default: put(r + Int(d), code.constants[Int(k)])
          }
        case .move(let d, let s):
          // Numbers rebuilt in place: no outlined copy of the value.
          switch r[Int(s)] {
          case .int(let i): put(r + Int(d), .int(i))
          case .float(let x): put(r + Int(d), .float(x))
          default: put(r + Int(d), r[Int(s)])
          }
        case .getCell(let d, let c):
          put(r + Int(d), frame(r, floor, entryFrame).cell(Int(c)).value)
        case .getUpvalue(let d, let u):
          put(r + Int(d), frame(r, floor, entryFrame).upvalue(Int(u)).value)
        case .getGlobal(let d, let g):
          if let v = globals.values[Int(g)] {
            put(r + Int(d), v)
          } else {
            put(r + Int(d), try code.node(ip)._withUnsafeGuaranteedRef { try $0.eval(frame(r, floor, entryFrame), self) })
          }
        case .setCell(let c, let s):
          frame(r, floor, entryFrame).cell(Int(c)).value = r[Int(s)]
        case .setUpvalue(let u, let s):
          frame(r, floor, entryFrame).upvalue(Int(u)).value = r[Int(s)]
        case .setGlobal(let g, let s):
          globals.set(Int(g), r[Int(s)])

        case .add(let d, let a, let b):
          if case .int(let x) = r[Int(a)], case .int(let y) = r[Int(b)] {
            let (v, o) = x.addingReportingOverflow(y)
            if !o { put(r + Int(d), .int(v)); break }
          }
          if let (x, y) = Interpreter.doubles(r + Int(a), r + Int(b)) { put(r + Int(d), .float(x + y)); break }
          put(r + Int(d), try arith(.add, r[Int(a)], r[Int(b)]))
        case .subtract(let d, let a, let b):
          if case .int(let x) = r[Int(a)], case .int(let y) = r[Int(b)] {
            let (v, o) = x.subtractingReportingOverflow(y)
            if !o { put(r + Int(d), .int(v)); break }
          }
          if let (x, y) = Interpreter.doubles(r + Int(a), r + Int(b)) { put(r + Int(d), .float(x - y)); break }
          put(r + Int(d), try arith(.subtract, r[Int(a)], r[Int(b)]))
        case .multiply(let d, let a, let b):
          if case .int(let x) = r[Int(a)], case .int(let y) = r[Int(b)] {
            let (v, o) = x.multipliedReportingOverflow(by: y)
            if !o { put(r + Int(d), .int(v)); break }
          }
          if let (x, y) = Interpreter.doubles(r + Int(a), r + Int(b)) { put(r + Int(d), .float(x * y)); break }
          put(r + Int(d), try arith(.multiply, r[Int(a)], r[Int(b)]))
        case .arith(let op, let d, let a, let b):
          if case .int(let x) = r[Int(a)], case .int(let y) = r[Int(b)], let v = op.intsWithoutOverflow(x, y) {
            put(r + Int(d), v)
            break
          }
          put(r + Int(d), try arith(op, r[Int(a)], r[Int(b)]))
        case .addK(let d, let a, let k):
          if case .int(let x) = r[Int(a)] {
            let (v, o) = x.addingReportingOverflow(Int(k))
            if !o { put(r + Int(d), .int(v)); break }
          }
          put(r + Int(d), try arith(.add, r[Int(a)], .int(Int(k))))
        case .subtractK(let d, let a, let k):
          if case .int(let x) = r[Int(a)] {
            let (v, o) = x.subtractingReportingOverflow(Int(k))
            if !o { put(r + Int(d), .int(v)); break }
          }
          put(r + Int(d), try arith(.subtract, r[Int(a)], .int(Int(k))))
        case .arithK(let op, let d, let a, let k):
          if case .int(let x) = r[Int(a)], let v = op.intsWithoutOverflow(x, Int(k)) {
            put(r + Int(d), v)
            break
          }
          put(r + Int(d), try arith(op, r[Int(a)], .int(Int(k))))
        case .compound(let op, let s, let b):
          let p = r + Int(s)
          if p.pointee.isNumber, r[Int(b)].isNumber {
            // Numbers over numbers: nothing to destroy (an error leaves the variable as it was).
            if let v = op.numbersWithoutError(p.pointee, r[Int(b)]) {
              p.initialize(to: v)
            } else {
              p.initialize(to: try op.apply(p.pointee, r[Int(b)]))
            }
            break
          }
          try compoundSlow(code.node(ip), r[Int(b)], frame(r, floor, entryFrame))
        case .compare(let op, let d, let a, let b):
          if case .int(let x) = r[Int(a)], case .int(let y) = r[Int(b)], op != .isIn {
            put(r + Int(d), .bool(Interpreter.compareInts(op, x, y)))
            break
          }
          put(r + Int(d), .bool(try compare(op, r[Int(a)], r[Int(b)], code.node(ip))))
        case .compareK(let op, let d, let a, let k):
          if case .int(let x) = r[Int(a)], op != .isIn {
            put(r + Int(d), .bool(Interpreter.compareInts(op, x, Int(k))))
            break
          }
          put(r + Int(d), .bool(try compare(op, r[Int(a)], .int(Int(k)), code.node(ip))))
        case .not(let d, let s):
          put(r + Int(d), .bool(!r[Int(s)].isTruthy))
        case .negate(let d, let s):
          if case .float(let x) = r[Int(s)] { put(r + Int(d), .float(-x)); break }
          if case .int(let x) = r[Int(s)], x != .min { put(r + Int(d), .int(-x)); break }
          put(r + Int(d), try negate(r[Int(s)]))

        case .jump(let t):
          ip += Int(t)
          continue
        case .jumpIfFalse(let s, let t):
          if !r[Int(s)].isTruthy { ip += Int(t); continue }
        case .jumpIfTrue(let s, let t):
          if r[Int(s)].isTruthy { ip += Int(t); continue }
        case .jumpUnless(let op, let a, let b, let t):
          if case .int(let x) = r[Int(a)], case .int(let y) = r[Int(b)] {
            // `<`, the commonest condition (`while i < n`, `if n < 2`), tested first: one
            // compare of the operator, not `compareInts`' jump table. (Not an instruction of
            // its own: see `Op`.)
            if op == .less ? x >= y : !Interpreter.compareInts(op, x, y) { ip += Int(t); continue }
            break
          }
          if try !compare(op, r[Int(a)], r[Int(b)], code.node(ip)) { ip += Int(t); continue }
        case .jumpUnlessK(let op, let a, let k, let t):
          if case .int(let x) = r[Int(a)] {
            if op == .less ? x >= Int(k) : !Interpreter.compareInts(op, x, Int(k)) { ip += Int(t); continue }
            break
          }
          if try !compare(op, r[Int(a)], .int(Int(k)), code.node(ip)) { ip += Int(t); continue }
        case .loop(let t):
          ticks &-= 1
          if ticks <= 0 { try checkpoint(at: code.node(ip).takeUnretainedValue()) }
          ip += Int(t)
          continue

        case .callGlobal(let d, let g, let base, let argc):
          if let c = globals.closures[Int(g)] {
            if let callee = c._withUnsafeGuaranteedRef({ $0.inLoopCode(arguments: Int(argc)) }) {
              let slots = r + Int(base)
              if !pushCall(c, callee, slots, Int(argc), caller: code, r, ip, d) {
                try pushCallChecked(c, callee, slots, Int(argc), caller: code, r, ip, d)
              }
              code = callee
              r = slots
              ip = code.ops
              continue
            }
            let v = try c._withUnsafeGuaranteedRef { c in
              c.activeCalls &+= 1
              defer { c.activeCalls &-= 1 }
              return try callClosure(c, r + Int(base), Int(argc), site: code.node(ip))
            }
            // The sweep first: a store before it would copy (retain) `v` and destroy it after.
            if globals.hasRetired { globals.sweepRetired() }
            put(r + Int(d), v)
            break
          }
          if argc == 1, let m = code.math(at: ip).pointee, globals.values[Int(g)] == nil, let v = m.apply(r[Int(base)]) {
            put(r + Int(d), v)
            break
          }
          put(r + Int(d), try callGlobalSlow(code, code.index(ip), Int(g), r + Int(base), Int(argc), frame(r, floor, entryFrame)))
        case .callValue(let d, let f, let base, let argc):
          if let c = r[Int(f)].unretainedClosure {
            if let callee = c._withUnsafeGuaranteedRef({ $0.inLoopCode(arguments: Int(argc)) }) {
              let slots = r + Int(base)
              if !pushCall(c, callee, slots, Int(argc), caller: code, r, ip, d) {
                try pushCallChecked(c, callee, slots, Int(argc), caller: code, r, ip, d)
              }
              code = callee
              r = slots
              ip = code.ops
              continue
            }
            let v = try c._withUnsafeGuaranteedRef { c in try callClosure(c, r + Int(base), Int(argc), site: code.node(ip)) }
            put(r + Int(d), v)
            break
          }
          put(r + Int(d), try callValueSlow(code, code.index(ip), r[Int(f)], r + Int(base), Int(argc)))
        case .ret(let s):
          if depth == floor {
            // Moved out: the frame is released next, so no retain and release of the value.
            let v = (r + Int(s)).move()
            (r + Int(s)).initialize(to: .none)
            return v
          }
          // The end of an in-loop call: the value moves to the caller's destination register
          // (before the record is popped, so no copy of it is kept), then back to the caller.
          let record = popCall(r, code.frameSize, result: r + Int(s))
          if globals.hasRetired { globals.sweepRetired() }
          code = record.pointee.code
          r = record.pointee.slots
          ip = record.pointee.ip

        case .record(let d, let base, let count):
          record(code.node(ip), into: r + Int(d), r + Int(base), Int(count))
        case .list(let d, let base, let count):
          put(r + Int(d), .list(Interpreter.take(r + Int(base), Int(count))))
        case .field(let d, let o, let site):
          let v = try code.fields[Int(site)]._withUnsafeGuaranteedRef { node in
            let f = unsafeDowncast(node, to: Field.self)
            if let v = Field.read(r[Int(o)], f.name, &code.hints[Int(site)]) { return v }
            return try Access.field(r[Int(o)], f.name)
          }
          put(r + Int(d), v)

        case .guardRange(let t):
          if try !rangeIsBuiltin(code.node(ip), frame(r, floor, entryFrame)) { ip += Int(t); continue }
        case .forPrep(let base, let count, let t):
          if try !forPrep(r + Int(base), Int(count)) { ip += Int(t); continue }
        case .forStep(let base, let t, let slot):
          ticks &-= 1
          if ticks <= 0 { try checkpoint(at: code.node(ip).takeUnretainedValue()) }
          let b = r + Int(base)
          if case .int(let i) = b[0], case .int(let end) = b[1], case .int(let by) = b[2] {
            let (n, o) = i.addingReportingOverflow(by)
            if !o && (by > 0 ? n < end : n > end) {
              b.initialize(to: .int(n))
              if slot >= 0 { put(r + Int(slot), .int(n)) }
              ip += Int(t)
              continue
            }
          }

        case .evalNode(let d):
          let v = try code.node(ip)._withUnsafeGuaranteedRef { try $0.eval(frame(r, floor, entryFrame), self) }
          // A `return` inside it: the call takes `returnValue` (see `invokePlain`).
          if flow != .normal {
            if depth == floor { return .none }
            returnInLoop(&code, &r, &ip)
            break
          }
          put(r + Int(d), v)
        case .execNode:
          try code.node(ip)._withUnsafeGuaranteedRef { try $0.exec(frame(r, floor, entryFrame), self) }
          if flow != .normal {
            if depth == floor { return .none }
            returnInLoop(&code, &r, &ip)
          }
        }
        ip += 1
      }
    } catch {
      let e = code.node(ip)._withUnsafeGuaranteedRef { $0.located(error) }
      if depth == floor { throw e }
      throw unwind(e, code: code, slots: r, to: floor)
    }
  }

  /// Stores `v` in a register: over a number, bool or nil there is nothing to destroy, so no
  /// outlined destroy call.
  @inline(__always)
  func put(_ p: UnsafeMutablePointer<Value>, _ v: consuming Value) {
    if p.pointee.isTrivial { p.initialize(to: v) } else { p.pointee = v }
  }

  /// Two numbers, not both ints (the callers try ints first), as doubles; nil for anything
  /// else. Read through the pointers: matching on them copies nothing.
  @inline(__always)
  static func doubles(_ a: UnsafeMutablePointer<Value>, _ b: UnsafeMutablePointer<Value>) -> (Double, Double)? {
    let x: Double, y: Double
    switch a.pointee {
    case .float(let f): x = f
    case .int(let i): x = Double(i)
    default: return nil
    }
    switch b.pointee {
    case .float(let f): y = f
    case .int(let i): y = Double(i)
    default: return nil
    }
    return (x, y)
  }

  @inline(__always)
  static func compareInts(_ op: ComparisonOperator, _ x: Int, _ y: Int) -> Bool {
    switch op {
    case .equal: return x == y
    case .notEqual: return x != y
    case .less: return x < y
    case .lessEqual: return x <= y
    case .greater: return x > y
    case .greaterEqual: return x >= y
    case .isIn: return false  // never reached: `compare` reports the error first
    }
  }
}
