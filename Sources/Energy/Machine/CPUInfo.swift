/// What /proc/cpuinfo says of the processor: vendor, family and model numbers, name, topology
/// and whether it runs under a hypervisor.
///
///     let info = CPUInfo(parsing: try String(contentsOfFile: "/proc/cpuinfo"))
///     info.vendor, info.family, info.model   // "AuthenticAMD", 25, 17 (Zen 4)
///     info.sockets, info.cores, info.threads // 1, 2, 2
///     info.hypervisor                        // true: the "hypervisor" flag is set
public struct CPUInfo: Equatable, Sendable {
  /// "GenuineIntel", "AuthenticAMD", or "" when not given (ARM reports "CPU implementer").
  public var vendor: String
  /// "cpu family" and "model", in decimal as cpuinfo writes them.
  public var family: Int?
  public var model: Int?
  /// "model name" ("AMD EPYC" on many VMs), or "unknown CPU".
  public var modelName: String
  /// Distinct "physical id" values (1 where the field is missing, as on many VMs and ARM).
  public var sockets: Int
  /// Distinct (physical id, core id) pairs; the thread count where core ids are missing.
  public var cores: Int
  /// "processor" entries: logical CPUs.
  public var threads: Int
  /// The "hypervisor" CPU flag: set by every x86 hypervisor (KVM, Xen, Hyper-V, Firecracker).
  public var hypervisor: Bool

  public init(vendor: String = "", family: Int? = nil, model: Int? = nil, modelName: String = "unknown CPU",
              sockets: Int = 1, cores: Int = 1, threads: Int = 1, hypervisor: Bool = false) {
    self.vendor = vendor
    self.family = family
    self.model = model
    self.modelName = modelName
    self.sockets = sockets
    self.cores = cores
    self.threads = threads
    self.hypervisor = hypervisor
  }

  /// Parses the whole file: one "key\t: value" block per logical CPU.
  public init(parsing text: String) {
    self.init()
    var packages = Set<String>()
    var coreIDs = Set<String>()
    var package = "0"
    var sawCoreID = false
    var threads = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = String(line[..<colon]).trimmingWhitespace()
      let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
      switch key {
      case "processor": threads += 1
      case "vendor_id": vendor = value
      case "cpu family": family = Int(value)
      case "model": model = Int(value)
      case "model name": if !value.isEmpty { modelName = value }
      case "physical id": package = value; packages.insert(value)
      case "core id": sawCoreID = true; coreIDs.insert(package + "/" + value)
      case "flags": hypervisor = value.split(separator: " ").contains("hypervisor")
      default: break
      }
    }
    self.threads = max(1, threads)
    sockets = max(1, packages.count)
    cores = sawCoreID ? max(1, coreIDs.count) : self.threads
  }
}
