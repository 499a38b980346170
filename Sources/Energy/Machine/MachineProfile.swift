/// What the estimate needs to know of a machine: its CPU, topology, memory and whether it is a
/// virtual machine, read from /proc and /sys through `MachineFiles`.
///
///     let m = MachineProfile.detect()          // this machine
///     m.cpu.modelName, m.threads, m.vm         // "AMD EPYC", 2, VirtualMachine(provider: "Firecracker or ...")
///     MachineProfile.detect(files: MachineFiles(contents: fixture))
public struct MachineProfile: Equatable, Sendable {
  public var cpu: CPUInfo
  /// Online logical CPUs (/sys/devices/system/cpu/online, else cpuinfo's count): what
  /// /proc/stat's busy time is spread over.
  public var threads: Int
  /// Installed memory (MemTotal in /proc/meminfo), GB; 0 when unknown.
  public var memoryGB: Double
  /// nil on bare metal.
  public var vm: VirtualMachine?

  public init(cpu: CPUInfo, threads: Int, memoryGB: Double, vm: VirtualMachine?) {
    self.cpu = cpu
    self.threads = threads
    self.memoryGB = memoryGB
    self.vm = vm
  }

  public static func detect(files: MachineFiles = .system) -> MachineProfile {
    let cpu = CPUInfo(parsing: files.read("/proc/cpuinfo") ?? "")
    let online = files.read("/sys/devices/system/cpu/online").flatMap(countCPUList)
    return MachineProfile(cpu: cpu, threads: online ?? cpu.threads, memoryGB: memTotalGB(files.read("/proc/meminfo")),
                          vm: VirtualMachine.detect(cpuinfo: cpu, files: files))
  }

  /// "0-3,8-11" → 8. nil when malformed.
  static func countCPUList(_ text: String) -> Int? {
    var n = 0
    for part in text.trimmingWhitespace().split(separator: ",") {
      let ends = part.split(separator: "-").map { Int($0) }
      switch ends.count {
      case 1: guard ends[0] != nil else { return nil }; n += 1
      case 2: guard let a = ends[0], let b = ends[1], b >= a else { return nil }; n += b - a + 1
      default: return nil
      }
    }
    return n > 0 ? n : nil
  }

  /// "MemTotal:       8129536 kB" → 8.13 (GB, 10^9 bytes).
  static func memTotalGB(_ meminfo: String?) -> Double {
    guard let line = meminfo?.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }) else { return 0 }
    let kb = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
    return kb * 1024 / 1e9
  }
}
