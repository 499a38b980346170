import Script
import Learn

/// The learn builtins.
enum LearnBuiltins {
  static func register(into registry: BuiltinRegistry) {
  }
}
