/// The linear power model behind joule's estimate, with where each parameter came from.
///
///     let m = CPUPowerModel.detect()
///     m.cpuWatts(utilisation: 0.5)   // P_idle + (P_max − P_idle) · 0.5
///     m.description                  // "linear TDP model, 2 CPUs, P_idle 1.6 W, P_max 5.3 W (default: ...)"
///
/// P = P_idle + (P_max − P_idle)·u, where u in [0, 1] is the machine's busy CPU time over wall
/// time divided by its logical CPUs (online CPUs, the ones /proc/stat counts). P_max is those
/// CPUs' share of the package TDP (CodeCarbon's TDP approach, per thread); P_idle is
/// `idleFraction` of it. Memory adds `ramWattsPerGB` per GB resident.
public struct CPUPowerModel: Equatable {
  /// CodeCarbon's memory model: 3 W per 8 GB of RAM, i.e. 0.375 W/GB.
  public static let codeCarbonRAMWattsPerGB = 0.375
  /// CodeCarbon's TDP for CPUs missing from its table (85 W), spread over a 16-thread
  /// package (a typical 8-core desktop part): joule's assumption when the model is unknown.
  public static let defaultWattsPerThread = 85.0 / 16
  /// Idle power as a fraction of TDP: joule's assumption (servers idle at roughly a quarter to
  /// a third of full power, client parts lower). Set JOULE_CPU_WATTS="idle,max" to override.
  public static let idleFraction = 0.3

  /// /proc/cpuinfo "model name" (or "unknown CPU").
  public var cpuModel: String
  public var logicalCPUs: Int
  public var idleWatts: Double
  public var maxWatts: Double
  /// Where P_idle and P_max came from, for the description.
  public var origin: String
  public var ramWattsPerGB: Double = codeCarbonRAMWattsPerGB

  public init(cpuModel: String, logicalCPUs: Int, idleWatts: Double, maxWatts: Double, origin: String) {
    self.cpuModel = cpuModel
    self.logicalCPUs = logicalCPUs
    self.idleWatts = idleWatts
    self.maxWatts = maxWatts
    self.origin = origin
  }

  /// CPU power at utilisation `u` (clamped to [0, 1]).
  public func cpuWatts(utilisation u: Double) -> Double {
    idleWatts + (maxWatts - idleWatts) * min(1, max(0, u))
  }

  /// Memory power for a resident size in bytes.
  public func ramWatts(residentBytes: Double) -> Double {
    residentBytes / 1e9 * ramWattsPerGB
  }

  public var description: String {
    "linear TDP model, \(logicalCPUs) CPU\(logicalCPUs == 1 ? "" : "s"), P_idle \(Self.watts(idleWatts)) W, "
      + "P_max \(Self.watts(maxWatts)) W (\(origin)); RAM \(ramWattsPerGB) W/GB resident (CodeCarbon)"
  }

  /// The parameters as name/value pairs, for records and CSV.
  public var parameters: [(String, String)] {
    [("cpu_model", cpuModel), ("logical_cpus", String(logicalCPUs)), ("p_idle_w", Self.watts(idleWatts)),
     ("p_max_w", Self.watts(maxWatts)), ("ram_w_per_gb", String(ramWattsPerGB)), ("origin", origin)]
  }

  static func watts(_ w: Double) -> String {
    let r = (w * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  /// The model for this machine: JOULE_CPU_WATTS, else the TDP table, else the default.
  /// A malformed JOULE_CPU_WATTS is reported in `note` and ignored.
  public static func detect(environment: [String: String],
                            cpuinfo: String? = try? FileSystemPowercapReader().contents(of: "/proc/cpuinfo"),
                            logicalCPUs: Int = ProcStat.onlineCPUs()) -> (model: CPUPowerModel, note: String?) {
    let name = cpuinfo.flatMap(modelName) ?? "unknown CPU"
    var note: String?
    if let raw = environment["JOULE_CPU_WATTS"] {
      if let (idle, max) = parseWatts(raw) {
        return (CPUPowerModel(cpuModel: name, logicalCPUs: logicalCPUs, idleWatts: idle, maxWatts: max,
                              origin: "JOULE_CPU_WATTS=\(raw)"), nil)
      }
      note = "JOULE_CPU_WATTS='\(raw)' ignored: give max watts (\"45\") or idle and max (\"10,45\"), with 0 <= idle <= max"
    }
    let perThread: Double
    let origin: String
    if let e = CPUModelTable.lookup(name) {
      perThread = e.wattsPerThread
      origin = "\(e.key): TDP \(Self.watts(e.tdpWatts)) W over \(e.threads) threads, idle \(Int(idleFraction * 100))% of TDP"
    } else {
      perThread = defaultWattsPerThread
      origin = "'\(name)' not in joule's TDP table: default 85 W over 16 threads, idle \(Int(idleFraction * 100))%"
    }
    let max = perThread * Double(logicalCPUs)
    return (CPUPowerModel(cpuModel: name, logicalCPUs: logicalCPUs, idleWatts: max * idleFraction,
                          maxWatts: max, origin: origin), note)
  }

  /// "45" → (13.5, 45); "10,45" → (10, 45); nil when malformed.
  static func parseWatts(_ raw: String) -> (Double, Double)? {
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

  static func modelName(_ cpuinfo: String) -> String? {
    for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
      if let colon = line.firstIndex(of: ":") {
        return String(line[line.index(after: colon)...]).trimmingWhitespace()
      }
    }
    return nil
  }
}
