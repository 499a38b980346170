/// Finds the RAPL zones under a powercap root, laid out as the kernel does it:
///
///     /sys/class/powercap/intel-rapl:0      -> .../intel-rapl/intel-rapl:0         (package-0)
///     /sys/class/powercap/intel-rapl:0:0    -> .../intel-rapl:0/intel-rapl:0:0     (core)
///     /sys/class/powercap/intel-rapl:1      -> .../intel-rapl/intel-rapl:1         (psys, laptops)
///
///     let found = RAPLDiscovery.discover(root: "/sys/class/powercap")
///     found.zones.map(\.domain)   // ["package-0", "core", "dram"]
///
/// Which zones add to the total. The planes nest: psys (the platform) contains the packages,
/// and a package contains its core (PP0) and uncore (PP1) planes. DRAM is a separate plane
/// outside the package. So, as Zeus does (it reports package and DRAM and adds them) and
/// unlike early CodeCarbon (which summed every zone it found, counting psys over package):
/// - every `package-N` is counted, and every `dram` zone beside them;
/// - `core` and `uncore` are shown in `by_domain` but never added;
/// - `psys` is counted only when no package zone exists, else only shown;
/// - `intel-rapl-mmio:*` zones are ignored: they are a second interface to the same package.
public struct RAPLDiscovery {
  /// Zones whose counters read as numbers, in id order.
  public var zones: [RAPLZone]
  public var status: MeterStatus
  /// Zones dropped and why (garbage in energy_uj, no `name`).
  public var notes: [String]

  public static func discover(root: String, reader: PowercapReader = FileSystemPowercapReader()) -> RAPLDiscovery {
    let absent = "no \(root)/intel-rapl:*"
    guard let top = try? reader.entries(in: root) else {
      return RAPLDiscovery(zones: [], status: status(found: false, readable: false, why: absent), notes: [])
    }
    var ids = Set(top.filter(isZoneID))
    var paths: [String: String] = [:]
    for id in ids { paths[id] = root + "/" + id }
    // Some trees (containers bind-mounting one package) lack the top-level subzone links:
    // look inside each package too.
    for id in ids.sorted() where id.split(separator: ":").count == 2 {
      for sub in (try? reader.entries(in: root + "/" + id)) ?? [] where isZoneID(sub) && sub.hasPrefix(id + ":") {
        if ids.insert(sub).inserted { paths[sub] = root + "/" + id + "/" + sub }
      }
    }
    if ids.isEmpty {
      return RAPLDiscovery(zones: [], status: status(found: false, readable: false, why: absent), notes: [])
    }

    var zones: [RAPLZone] = []
    var notes: [String] = []
    var denied = 0
    for id in ids.sorted(by: zoneOrder) {
      let path = paths[id]!
      guard let rawName = try? reader.contents(of: path + "/name") else {
        notes.append("\(id): no readable 'name' file; zone skipped")
        continue
      }
      let name = rawName.trimmingWhitespace()
      do {
        let text = try reader.contents(of: path + "/energy_uj")
        guard RAPLCounter.parse(text) != nil else {
          notes.append("\(id) (\(name)): energy_uj holds \(RAPLCounter.quote(text)), not a number of microjoules; zone dropped")
          continue
        }
      } catch PowercapReadError.permissionDenied {
        denied += 1
        continue
      } catch {
        notes.append("\(id) (\(name)): \(error); zone dropped")
        continue
      }
      let range = (try? reader.contents(of: path + "/max_energy_range_uj")).flatMap(RAPLCounter.parse)
      if range == nil { notes.append("\(id) (\(name)): no max_energy_range_uj; a wrap of this counter cannot be corrected") }
      zones.append(RAPLZone(id: id, path: path, kernelName: name, domain: name, maxRangeMicrojoules: range,
                            counted: false, category: category(of: name)))
    }
    applyCountingRule(&zones)

    if zones.isEmpty {
      let why = denied > 0 ? UnreadableCounter.message(root: root) : "RAPL zones found but none readable: " + notes.joined(separator: "; ")
      return RAPLDiscovery(zones: [], status: status(found: true, readable: false, why: why), notes: notes)
    }
    let shown = zones.map { $0.domain + ($0.counted ? "" : " (inside another, not added)") }
    var why = "reading " + shown.joined(separator: ", ")
    if denied > 0 { why += "; " + UnreadableCounter.partial(denied: denied, root: root) }
    return RAPLDiscovery(zones: zones, status: status(found: true, readable: true, why: why), notes: notes)
  }

  private static func status(found: Bool, readable: Bool, why: String) -> MeterStatus {
    MeterStatus(source: "rapl", found: found, readable: readable, kind: .measured, why: why)
  }

  /// `intel-rapl:0`, `intel-rapl:0:1`; not `intel-rapl` (the control type) or `intel-rapl-mmio:0`.
  static func isZoneID(_ s: String) -> Bool {
    guard s.hasPrefix("intel-rapl:") else { return false }
    let parts = s.dropFirst("intel-rapl:".count).split(separator: ":", omittingEmptySubsequences: false)
    return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }

  private static func zoneOrder(_ a: String, _ b: String) -> Bool {
    let x = a.split(separator: ":").dropFirst().map { Int($0) ?? 0 }
    let y = b.split(separator: ":").dropFirst().map { Int($0) ?? 0 }
    return x.lexicographicallyPrecedes(y)
  }

  private static func category(of name: String) -> DomainEnergy.Category {
    if name == "dram" { return .ram }
    if name == "psys" { return .platform }
    return .cpu
  }

  private static func applyCountingRule(_ zones: inout [RAPLZone]) {
    let hasPackage = zones.contains { $0.kernelName.hasPrefix("package") }
    let packages = Set(zones.filter { $0.kernelName.hasPrefix("package") }.compactMap { $0.indices.first })
    for i in zones.indices {
      let name = zones[i].kernelName
      if name.hasPrefix("package") || name == "dram" {
        zones[i].counted = true
      } else if name == "psys" {
        zones[i].counted = !hasPackage
      }
      // Subzone names repeat across packages ("core" twice): name them by their package then.
      if zones[i].indices.count > 1 && packages.count > 1, let p = zones[i].indices.first {
        zones[i].domain = "\(name)-\(p)"
      }
    }
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s = s.dropFirst() }
    while let c = s.last, c.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
