import Energy
import Foundation

/// A powercap tree in a temporary folder, laid out as the kernel does it: zone folders under
/// devices/virtual/powercap/intel-rapl (subzones inside their package), and class/powercap
/// holding symlinks to every zone. `root` is what JOULE_POWERCAP_ROOT points at.
final class PowercapFixture {
  let base: String
  var root: String { base + "/class/powercap" }
  private var dirs: [String: String] = [:]

  init() {
    base = NSTemporaryDirectory() + "joule-powercap-" + UUID().uuidString
    let fm = FileManager.default
    try! fm.createDirectory(atPath: base + "/devices/virtual/powercap/intel-rapl", withIntermediateDirectories: true)
    try! fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    try! "1\n".write(toFile: base + "/devices/virtual/powercap/intel-rapl/enabled", atomically: true, encoding: .utf8)
    try! fm.createSymbolicLink(atPath: root + "/intel-rapl", withDestinationPath: "../../devices/virtual/powercap/intel-rapl")
  }

  deinit { try? FileManager.default.removeItem(atPath: base) }

  /// Adds zone `id` ("intel-rapl:0" or "intel-rapl:0:1") named `name` with a counter value.
  @discardableResult
  func zone(_ id: String, _ name: String, energy: UInt64, range: UInt64? = 262_143_328_850, link: Bool = true) -> Self {
    let parts = id.split(separator: ":")
    let relative: String
    if parts.count == 2 {
      relative = "intel-rapl/\(id)"
    } else {
      relative = "intel-rapl/\(parts[0]):\(parts[1])/\(id)"
    }
    let dir = base + "/devices/virtual/powercap/" + relative
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    dirs[id] = dir
    write(id, "name", name + "\n")
    write(id, "energy_uj", "\(energy)\n")
    if let range { write(id, "max_energy_range_uj", "\(range)\n") }
    write(id, "enabled", "1\n")
    if link {
      try! FileManager.default.createSymbolicLink(atPath: root + "/" + id, withDestinationPath: "../../devices/virtual/powercap/" + relative)
    }
    return self
  }

  func set(_ id: String, _ energy: UInt64) { write(id, "energy_uj", "\(energy)\n") }

  func write(_ id: String, _ file: String, _ text: String) {
    // Atomic (write and rename), as sysfs reads are: a poller must never see a half-written file.
    try! text.write(toFile: dirs[id]! + "/" + file, atomically: true, encoding: .utf8)
  }

  /// Removes the zone's whole folder, as when a package goes offline.
  func vanish(_ id: String) { try! FileManager.default.removeItem(atPath: dirs[id]!) }

  /// A monitor over this tree that polls only when told (no background thread, no NVML).
  func monitor(reader: PowercapReader = FileSystemPowercapReader()) -> EnergyMonitor {
    selection(reader: reader).monitor(interval: nil)
  }

  func selection(reader: PowercapReader = FileSystemPowercapReader()) -> MeterSelection {
    MeterSelection.detect(environment: ["JOULE_POWERCAP_ROOT": root, "JOULE_NVML_LIBRARY": "/nonexistent/libnvidia-ml.so.1"],
                          reader: reader, cpuinfo: "model name\t: Test CPU\n")
  }
}

/// A reader that refuses energy_uj as a kernel does for non-root users (tests run as root).
struct DenyingReader: PowercapReader {
  let inner = FileSystemPowercapReader()
  func contents(of path: String) throws -> String {
    if path.hasSuffix("energy_uj") { throw PowercapReadError.permissionDenied(path) }
    return try inner.contents(of: path)
  }
  func entries(in directory: String) throws -> [String] { try inner.entries(in: directory) }
}

extension EnergyReading {
  /// Joules of one domain of one source, for checks.
  func domain(_ source: String, _ name: String) -> Double? {
    byDomain.first { $0.source == source }?.domains.first { $0.name == name }?.joules
  }
}
