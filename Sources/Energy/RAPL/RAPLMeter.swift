/// Energy from RAPL counters through powercap, unwrapped on every poll.
///
///     let found = RAPLDiscovery.discover(root: "/sys/class/powercap")
///     let meter = RAPLMeter(zones: found.zones)
///     meter.sample(at: t)   // [package-0: 12.5 J, core: 9.1 J (not counted), dram: 1.2 J]
///
/// Each poll adds the difference since the previous poll, correcting a wrap with
/// `max_energy_range_uj`. Because the shared poller reads every 50 ms, a window that spans
/// several wraps (hours on a busy server) still counts each one; a single begin/end
/// difference would miss all but one. A zone whose file vanishes or fills with garbage keeps
/// the energy counted so far, stops adding, and leaves a note; nothing ever goes negative.
public final class RAPLMeter: EnergyMeter {
  public let source = "rapl"
  public let isEstimate = false
  public let modelDescription: String? = nil
  public let zones: [RAPLZone]

  private let reader: PowercapReader
  private var last: [UInt64?]
  private var total: [UInt64]
  private var alive: [Bool]
  private var notes: [String] = []

  public init(zones: [RAPLZone], reader: PowercapReader = FileSystemPowercapReader()) {
    self.zones = zones
    self.reader = reader
    last = Array(repeating: nil, count: zones.count)
    total = Array(repeating: 0, count: zones.count)
    alive = Array(repeating: true, count: zones.count)
    _ = sample(at: MonotonicClock.now())
  }

  public func sample(at time: Double) -> [DomainEnergy] {
    for i in zones.indices where alive[i] {
      guard let value = read(i) else { continue }
      if let old = last[i] {
        if let d = RAPLCounter.delta(from: old, to: value, range: zones[i].maxRangeMicrojoules) {
          total[i] += d
        } else {
          notes.append("\(zones[i].domain): counter went from \(old) to \(value) µJ with no known range; that interval is not counted")
        }
      }
      last[i] = value
    }
    return zones.indices.map {
      DomainEnergy(name: zones[$0].domain, joules: Double(total[$0]) / 1e6,
                   category: zones[$0].category, counted: zones[$0].counted)
    }
  }

  public func drainNotes() -> [String] {
    defer { notes.removeAll() }
    return notes
  }

  private func read(_ i: Int) -> UInt64? {
    let zone = zones[i]
    do {
      let text = try reader.contents(of: zone.path + "/energy_uj")
      if let v = RAPLCounter.parse(text) { return v }
      notes.append("\(zone.domain): energy_uj holds \(RAPLCounter.quote(text)), not a number; domain dropped, its energy so far kept")
    } catch PowercapReadError.missing {
      notes.append("\(zone.domain): energy_uj vanished; domain dropped, its energy so far kept")
    } catch {
      notes.append("\(zone.domain): \(error); domain dropped, its energy so far kept")
    }
    alive[i] = false
    return nil
  }
}
