/// Every builtin the language knows, by name. The interpreter looks names up here;
/// `help` and completion list it. JouleKit adds the domain families.
///
///     let registry = BuiltinRegistry.core()   // print, len, map, ...
///     JouleKit.install(into: registry)        // train, measure, tune, plot, ...
public final class BuiltinRegistry {
  public private(set) var byName: [String: Builtin] = [:]
  public private(set) var names: [String] = []

  public init() {}

  public func register(_ builtin: Builtin) {
    if byName.updateValue(builtin, forKey: builtin.name) == nil { names.append(builtin.name) }
  }

  public subscript(name: String) -> Builtin? { byName[name] }
}
