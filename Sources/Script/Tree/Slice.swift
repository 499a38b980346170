/// `xs[1:3]`, `xs[:-1]`, `s[2:]`, `xs[::-1]`: a new list or string, Python's way. Bounds may be
/// negative (from the end) or left out, and out-of-range bounds are clipped, never an error.
///
///     [10, 20, 30, 40][1:3]   # [20, 30]
///     "joule"[:-1]            # "joul"
final class Slice: Node {
  override var children: [Node] { [object] + [start, stop, step].compactMap { $0 } }
  let object: Node
  let start: Node?
  let stop: Node?
  let step: Node?

  init(_ at: Location, _ object: Node, start: Node?, stop: Node?, step: Node?) {
    self.object = object
    self.start = start
    self.stop = stop
    self.step = step
    super.init(at)
  }

  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    var o = try object.eval(frame, it)
    if let rows = o.rowList { o = rows }
    func bound(_ n: Node?, _ what: String) throws -> Int? {
      guard let n else { return nil }
      switch try n.eval(frame, it) {
      case .none: return nil
      case .int(let i): return i
      case let v: throw n.error("slice \(what) must be an int or nil, got \(v.typeName)")
      }
    }
    let a = try bound(start, "start"), b = try bound(stop, "stop"), s = try bound(step, "step")
    do {
      switch o {
      case .list(let l):
        let r = try Slice.indices(count: l.count, a, b, s)
        if r.step == 1 { return .list(r.start < r.stop ? Array(l[r.start..<r.stop]) : []) }
        return .list(Slice.walk(r).map { l[$0] })
      case .string(let str):
        let chars = Array(str)
        let r = try Slice.indices(count: chars.count, a, b, s)
        if r.step == 1 { return .string(r.start < r.stop ? String(chars[r.start..<r.stop]) : "") }
        return .string(String(Slice.walk(r).map { chars[$0] }))
      default:
        throw ScriptError.runtime("cannot slice \(o.typeName); slices work on lists and strings")
      }
    } catch {
      throw located(error)
    }
  }

  /// Python's `slice.indices`: clips the bounds to the sequence for the direction of `step`.
  static func indices(count: Int, _ start: Int?, _ stop: Int?, _ step: Int?) throws
    -> (start: Int, stop: Int, step: Int)
  {
    let step = step ?? 1
    guard step != 0 else { throw ScriptError.runtime("slice step must not be zero") }
    let lower = step > 0 ? 0 : -1
    let upper = step > 0 ? count : count - 1
    func clip(_ v: Int?, default d: Int) -> Int {
      guard let v else { return d }
      return v < 0 ? max(v &+ count, lower) : min(v, upper)
    }
    return (clip(start, default: step > 0 ? lower : upper), clip(stop, default: step > 0 ? upper : lower), step)
  }

  static func walk(_ r: (start: Int, stop: Int, step: Int)) -> [Int] {
    Array(stride(from: r.start, to: r.stop, by: r.step))
  }
}
