import Script

/// The builtins that run external programs: `command`.
///
///     r = command(["python3", "train.py"], timeout: 60)
enum WorkloadBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(CommandBuiltin.builtin)
  }
}
