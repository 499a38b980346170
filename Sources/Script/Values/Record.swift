/// An ordered record: `{lr: 0.01, batch: 64}` keeps its keys in the order written.
///
///     var r = Record()
///     r["lr"] = .float(0.01)
///     r.keys   // ["lr"]
public struct Record {
  public private(set) var keys: [String] = []
  private var storage: [String: Value] = [:]

  public init() {}

  public init(_ pairs: [(String, Value)]) {
    for (k, v) in pairs { self[k] = v }
  }

  public subscript(key: String) -> Value? {
    get { storage[key] }
    set {
      if let newValue {
        if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if storage.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  public var count: Int { keys.count }
  public var values: [Value] { keys.map { storage[$0]! } }
  public var pairs: [(String, Value)] { keys.map { ($0, storage[$0]!) } }
}
