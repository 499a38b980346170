import Script

/// Joins the language to the domains: registers every family of builtins.
///
///     let registry = BuiltinRegistry.core()
///     JouleKit.install(into: registry)
public enum JouleKit {
  public static func install(into registry: BuiltinRegistry) {
    _ = EnergyFields.registerAliases
    LearnBuiltins.register(into: registry)
    EnergyBuiltins.register(into: registry)
    TuneBuiltins.register(into: registry)
    PlotBuiltins.register(into: registry)
    WorkloadBuiltins.register(into: registry)
    TableBuiltins.register(into: registry)
    StatsBuiltins.register(into: registry)
  }
}
