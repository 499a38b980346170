import Foundation
import Script

/// Builtins about the process joule runs in: `env`.
///
///     quick = env("JOULE_QUICK", default: "") != ""
enum SystemBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(Builtin(
      "env", [Parameter("name", .string, doc: "variable name"),
              Parameter("default", .any, default: .some(.none), doc: "value when the variable is unset")],
      family: "core",
      doc: "An environment variable's value as a string, or `default` when it is unset."
    ) { args, _ in
      if let v = ProcessInfo.processInfo.environment[try args.string("name")] { return .string(v) }
      return args["default"]
    })
  }
}
