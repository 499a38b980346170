import Script
import Energy

/// The energy builtins.
enum EnergyBuiltins {
  static func register(into registry: BuiltinRegistry) {
  }
}
