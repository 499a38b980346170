import Script
import Tune

/// The tune builtins.
enum TuneBuiltins {
  static func register(into registry: BuiltinRegistry) {
  }
}
