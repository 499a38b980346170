import ArgumentParser
import Energy
import Foundation

/// `joule power-model`: prints the power model this machine gets (or a named CPU would get),
/// its parameters and their origin, then CSV rows `load,watts,low,high`.
///
///     joule power-model
///     joule power-model --cpu "Intel Xeon E5-2620 v3" --sockets 2 --threads 24 --load 0,0.5,1
///     # model: specpower-package
///     # ...
///     load,watts,low,high
///     0,30.6,26.5,47.2
///
/// `scripts/bench-estimate` drives it to validate the model against measured machines.
struct PowerModelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "power-model",
    abstract: "Print the energy estimate's power model for this machine or a named CPU, then load,watts,low,high rows.",
    discussion: """
      Lines starting with # give the model's parameters and where they came from; the CSV \
      rows give its watts at each load (machine utilisation, 0 to 1) and the 80% interval. \
      Without --cpu the machine is this one (/proc/cpuinfo, /sys); JOULE_CPU_WATTS and \
      JOULE_ENERGY_SCOPE apply as they do to every estimate.
      """)

  @Option(name: .long, help: "Model this CPU (a /proc/cpuinfo model name) instead of this machine's.")
  var cpu: String?

  @Option(name: .long, help: "Logical CPUs (vCPUs on a VM). Default: this machine's, or twice the cores in --cpu's name.")
  var threads: Int?

  @Option(name: .long, help: "CPU sockets (with --cpu; default 1).")
  var sockets: Int?

  @Option(name: .customLong("memory-gb"), help: "Installed memory, GB: its power is added in the package scope and read by the wall regression.")
  var memoryGB: Double?

  @Flag(name: .long, help: "Model the CPUs as a virtual machine's vCPUs (a share of a host package).")
  var vm = false

  @Option(name: .long, help: "package (what RAPL reads; the default) or wall (the server at the plug).")
  var scope: String?

  @Option(name: .long, help: "Comma-separated loads in [0, 1]. Default: 0,0.1,...,1.")
  var load: String?

  func validate() throws {
    if let scope, EnergyScope(rawValue: scope.lowercased()) == nil {
      throw ValidationError("--scope must be package or wall, got '\(scope)'")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    if let sockets, sockets < 1 { throw ValidationError("--sockets must be at least 1, got \(sockets)") }
    if let memoryGB, !(memoryGB >= 0 && memoryGB.isFinite) { throw ValidationError("--memory-gb must be 0 or more, got \(memoryGB)") }
    if sockets != nil && cpu == nil { throw ValidationError("--sockets needs --cpu (this machine's sockets are read from /proc/cpuinfo)") }
    _ = try loads()
  }

  /// The --load list, each item checked, with its position in the error.
  func loads() throws -> [Double] {
    guard let load else { return (0...10).map { Double($0) / 10 } }
    return try load.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { i, item in
      let text = item.trimmingCharacters(in: .whitespaces)
      guard let u = Double(text), u >= 0, u <= 1 else {
        throw ValidationError("--load item \(i + 1) ('\(text)') is not a number from 0 to 1")
      }
      return u
    }
  }

  func run() throws {
    var environment = ProcessInfo.processInfo.environment
    if let scope { environment["JOULE_ENERGY_SCOPE"] = scope.lowercased() }
    var machine = cpu.map { MachineProfile.named($0, threads: threads, sockets: sockets ?? 1, memoryGB: memoryGB ?? 0, vm: vm) }
      ?? MachineProfile.detect()
    if cpu == nil {
      if let memoryGB { machine.memoryGB = memoryGB }
      if let threads { machine.threads = threads }
      if vm && machine.vm == nil { machine.vm = VirtualMachine(provider: "given", evidence: "--vm") }
    }
    let (model, note) = CPUPowerModel.detect(environment: environment, machine: machine)
    let memoryWatts = model.scope == .package ? (memoryGB ?? 0) * model.ramWattsPerGB : 0
    var out = "# joule power-model: \(model.label), scope \(model.scope.rawValue)\n"
    out += "# machine: \(machine.cpu.modelName); vendor \(machine.cpu.vendor.isEmpty ? "?" : machine.cpu.vendor), "
      + "family \(machine.cpu.family.map(String.init) ?? "?"), model \(machine.cpu.model.map(String.init) ?? "?"); "
      + "\(machine.cpu.sockets) socket(s), \(machine.threads) thread(s)"
      + (machine.vm.map { "; VM: \($0.provider) (\($0.evidence))" } ?? "; bare metal") + "\n"
    for (name, value) in model.parameters { out += "# \(name): \(value)\n" }
    if memoryWatts > 0 { out += "# memory_w: \(memoryGB!) GB × \(model.ramWattsPerGB) W/GB, in every row\n" }
    if let note { out += "# note: \(note)\n" }
    out += "load,watts,low,high\n"
    for u in try loads() {
      let i = model.interval(utilisation: u)
      out += "\(u),\(model.watts(utilisation: u) + memoryWatts),\(i.low + memoryWatts),\(i.high + memoryWatts)\n"
    }
    FileHandle.standardOutput.write(Data(out.utf8))
  }
}
