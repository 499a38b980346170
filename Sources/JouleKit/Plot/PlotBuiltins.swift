import Script
import Plot

/// The plot builtins.
enum PlotBuiltins {
  static func register(into registry: BuiltinRegistry) {
  }
}
