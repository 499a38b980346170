extension MachineProfile {
  /// A machine described by its CPU's name rather than read from /proc: what `joule power-model
  /// --cpu` models, and what the validation drives.
  ///
  ///     MachineProfile.named("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", threads: 24, sockets: 2)
  ///     MachineProfile.named("AMD EPYC", threads: 2, vm: true, family: 25, model: 17)
  ///
  /// Threads default to twice the cores in the name ("64-Core") per socket, else 16 per socket
  /// (CodeCarbon's default package). The vendor is read from the name, for the family/model
  /// mapping when those numbers are given.
  public static func named(_ cpu: String, threads: Int? = nil, sockets: Int = 1, memoryGB: Double = 0,
                           vm: Bool = false, family: Int? = nil, model: Int? = nil) -> MachineProfile {
    let lower = cpu.lowercased()
    let vendor = lower.contains("amd") || lower.contains("epyc") || lower.contains("ryzen") ? "AuthenticAMD"
      : lower.contains("intel") || lower.contains("xeon") || lower.contains("core") ? "GenuineIntel" : ""
    let perSocket = CPUPowerModel.coresInName(cpu).map { $0 * 2 } ?? 16
    let n = max(1, threads ?? perSocket * max(1, sockets))
    let info = CPUInfo(vendor: vendor, family: family, model: model, modelName: cpu, sockets: max(1, sockets),
                       cores: max(1, n / 2), threads: n, hypervisor: vm)
    return MachineProfile(cpu: info, threads: n, memoryGB: memoryGB,
                          vm: vm ? VirtualMachine(provider: "given", evidence: "--vm") : nil)
  }
}
