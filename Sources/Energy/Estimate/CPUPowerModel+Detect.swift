import Foundation

extension CPUPowerModel {
  /// The model a machine gets: TDP from CodeCarbon's table (else the generation's
  /// representative part from cpuinfo's family and model, else CodeCarbon's 85 W default), sized
  /// to its packages (a VM: its vCPUs' share of a host package), shaped by its segment's fit.
  ///
  ///     CPUPowerModel.make(for: MachineProfile.detect(), scope: .package)
  public static func make(for machine: MachineProfile, scope: EnergyScope) -> CPUPowerModel {
    let name = machine.cpu.modelName
    let generation = CPUGeneration.classify(vendor: machine.cpu.vendor, family: machine.cpu.family,
                                            model: machine.cpu.model, name: name)
    let entry = CPUTDPTable.lookup(name)
    // A name that says nothing of its generation ("Intel Xeon 8480+") says it through the table
    // entry it matched ("Intel Xeon Platinum 8480+"), as power_model_common.wall_generation.
    let segment = CPUGeneration.Segment(cpuName: name) ?? entry.flatMap { CPUGeneration.Segment(cpuName: $0.name) }
      ?? generation?.segment ?? (machine.vm != nil ? .server2017 : .client)
    let fit = PowerModelFit.for(segment)
    let threads = Double(max(1, machine.threads))

    // The package's TDP and how many of them the machine's CPUs amount to.
    var tdp: Double
    var packages: Double
    var why: String
    let hostThreads: Double
    if let hit = entry {
      tdp = hit.tdpWatts
      why = "\(hit.name): TDP \(Self.watts(tdp)) W (CodeCarbon's table)"
      hostThreads = coresInName(name).map { Double($0 * 2) } ?? Double(generation?.representative.threads ?? 16)
    } else if let g = generation {
      let rep = g.representative
      tdp = rep.tdpWatts
      hostThreads = Double(rep.threads)
      why = "'\(name)' not in CodeCarbon's table; family \(machine.cpu.family!) model \(machine.cpu.model!) is "
        + "\(g.rawValue): as its \(rep.name), TDP \(Self.watts(tdp)) W over \(rep.threads) threads"
    } else {
      tdp = 85
      hostThreads = 16
      why = "'\(name)' not in CodeCarbon's table, generation unknown: CodeCarbon's default 85 W"
        + (machine.vm != nil ? " over 16 threads" : "")
    }
    if let vm = machine.vm {
      packages = threads / hostThreads
      why += "; VM (\(vm.provider): \(vm.evidence)): \(Int(threads)) vCPUs of a \(Int(hostThreads))-thread host package"
    } else if entry != nil {
      packages = Double(max(1, machine.cpu.sockets))
      why += " × \(Int(packages)) socket\(packages == 1 ? "" : "s")"
    } else if generation == nil {
      // CodeCarbon's default is per CPU package: a bare-metal machine of unknown CPU gets it per
      // socket (a 256-thread Ampere is two packages, not sixteen 16-thread desktops).
      packages = Double(max(1, machine.cpu.sockets))
      why += " × \(Int(packages)) socket\(packages == 1 ? "" : "s")"
    } else {
      packages = threads / hostThreads
      why += "; \(Int(threads)) threads"
    }
    why += "; shape: \(segment.rawValue) fit (\(fit.servers) SPECpower servers, \(PowerModelFit.provenance))"

    let idle: Double
    let max: Double
    switch scope {
    case .package:
      max = fit.maxFractionOfTDP * tdp * packages
      idle = fit.idleFraction * max
    case .wall:
      // A bare-metal server: its own regression. A VM: its share of a two-socket host's, whose
      // memory is the VM's scaled by the same share.
      let share = machine.vm != nil ? packages / 2 : 1
      let chips = machine.vm != nil ? 2 : packages
      let knownGB = machine.memoryGB > 0 ? machine.memoryGB / share : nil
      let server = WallRegression.Machine(tdpTimesChips: tdp * chips, memoryGB: knownGB ?? PowerModelFit.wallDefaultMemoryGB,
                                          threads: machine.vm != nil ? 2 * hostThreads : threads, chips: chips)
      let key = CPUGeneration.fitKey(cpuName: name) ?? entry.flatMap { CPUGeneration.fitKey(cpuName: $0.name) }
        ?? generation?.fitKey
      idle = share * PowerModelFit.wallIdle.watts(server, generation: key)
      max = Swift.max(idle, share * PowerModelFit.wallMax.watts(server, generation: key))
      why += "; wall: idle \(PowerModelFit.wallIdle.summary), 100 % \(PowerModelFit.wallMax.summary); "
        + "generation \(key ?? "unknown") (× \(Self.watts(PowerModelFit.wallIdle.factor(key))) idle, "
        + "× \(Self.watts(PowerModelFit.wallMax.factor(key))) full); memory "
        + (knownGB.map { "\(Self.watts($0)) GB" } ?? "unknown, taken as \(Self.watts(PowerModelFit.wallDefaultMemoryGB)) GB")
        + (share < 1 ? " on the host" : "") + "; PSU loss included"
    }
    var m = CPUPowerModel(cpuModel: name, logicalCPUs: Int(threads), idleWatts: idle, maxWatts: max, origin: why,
                          scope: scope, curve: fit.curve, ramWattsPerGB: scope == .wall ? 0 : PowerModelFit.memoryWattsPerGB,
                          interval: scope == .wall ? PowerModelFit.wallInterval : PowerModelFit.packageInterval,
                          label: "specpower-\(scope.rawValue)")
    m.idleFractionRange = scope == .package
      ? fit.idleFractionRange.low...fit.idleFractionRange.high
      : Swift.min(m.idleFraction, fit.idleFractionRange.low)...Swift.max(m.idleFraction, fit.idleFractionRange.high)
    m.curveLow = fit.curveLow
    m.curveHigh = fit.curveHigh
    return m
  }

  /// The model for this machine: JOULE_CPU_WATTS (idle and max as given, joule 0.2's straight
  /// line), else `make(for:scope:)`, in the scope JOULE_ENERGY_SCOPE names (default package).
  /// A malformed setting is reported in `note` and ignored.
  public static func detect(environment: [String: String], files: MachineFiles = .system,
                            machine: MachineProfile? = nil) -> (model: CPUPowerModel, note: String?) {
    let machine = machine ?? MachineProfile.detect(files: files)
    var notes: [String] = []
    var scope = EnergyScope.package
    if let s = EnergyScope(environment: environment) {
      scope = s
    } else {
      notes.append("JOULE_ENERGY_SCOPE='\(environment["JOULE_ENERGY_SCOPE"] ?? "")' ignored: give package or wall")
    }
    let fitted = make(for: machine, scope: scope)
    if let raw = environment["JOULE_CPU_WATTS"], !raw.isEmpty {
      if let (idle, max) = parseWatts(raw, idleFraction: fitted.idleFraction) {
        let m = CPUPowerModel(cpuModel: machine.cpu.modelName, logicalCPUs: machine.threads, idleWatts: idle, maxWatts: max,
                              origin: "JOULE_CPU_WATTS=\(raw)", scope: scope,
                              ramWattsPerGB: fitted.ramWattsPerGB, interval: (fitted.intervalLow, fitted.intervalHigh))
        return (m, notes.isEmpty ? nil : notes.joined(separator: "; "))
      }
      notes.append("JOULE_CPU_WATTS='\(raw)' ignored: give max watts (\"45\") or idle and max (\"10,45\"), with 0 <= idle <= max")
    }
    return (fitted, notes.isEmpty ? nil : notes.joined(separator: "; "))
  }

  /// "45" → (45 × idleFraction, 45); "10,45" → (10, 45); nil when malformed.
  static func parseWatts(_ raw: String, idleFraction: Double) -> (Double, Double)? {
    let parts = raw.split(separator: ",").map { Double(String($0).trimmingWhitespace()) }
    switch parts.count {
    case 1:
      guard let m = parts[0], m > 0, m.isFinite else { return nil }
      return (m * idleFraction, m)
    case 2:
      guard let i = parts[0], let m = parts[1], i >= 0, m >= i, m > 0, m.isFinite else { return nil }
      return (i, m)
    default:
      return nil
    }
  }

  /// "AMD EPYC 7763 64-Core Processor" → 64.
  static func coresInName(_ name: String) -> Int? {
    guard let r = name.range(of: #"(\d+)-Core"#, options: [.regularExpression, .caseInsensitive]) else { return nil }
    return Int(name[r].prefix { $0.isNumber })
  }

  /// The "model name" line of /proc/cpuinfo (kept for MachineFacts).
  static func modelName(_ cpuinfo: String) -> String? {
    let info = CPUInfo(parsing: cpuinfo)
    return info.modelName == "unknown CPU" ? nil : info.modelName
  }
}
