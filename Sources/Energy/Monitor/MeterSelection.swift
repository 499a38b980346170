import Foundation

/// Decides which meters this process uses, and records why for `meters()`.
///
///     let sel = MeterSelection.detect()    // reads JOULE_POWERCAP_ROOT, JOULE_NVML_LIBRARY, ...
///     sel.statuses                         // rapl: not found (no /sys/class/powercap/intel-rapl:*), ...
///     let monitor = sel.monitor()
///
/// Rule: RAPL measures the CPU (and DRAM) when readable; NVML measures visible GPUs when the
/// library loads; the estimate stands in for the CPU and memory whenever RAPL cannot, and its
/// figures are then labelled estimated.
public struct MeterSelection {
  public var meters: [EnergyMeter]
  public var statuses: [MeterStatus]
  /// Discovery notes (zones dropped, CUDA_VISIBLE_DEVICES oddities, a bad JOULE_CPU_WATTS).
  public var notes: [String]

  public func monitor(interval: Double? = 0.05) -> EnergyMonitor {
    // With nothing to sample there is nothing to poll: no thread at all.
    EnergyMonitor(meters: meters, statuses: statuses, interval: meters.isEmpty ? nil : interval)
  }

  /// Environment: JOULE_POWERCAP_ROOT (default /sys/class/powercap), JOULE_NVML_LIBRARY
  /// (default libnvidia-ml.so.1), CUDA_VISIBLE_DEVICES, JOULE_CPU_WATTS ("max" or "idle,max"),
  /// JOULE_ENERGY_SCOPE (package, the default, or wall: the estimate's scope),
  /// and JOULE_METERS=off, which measures nothing (for overhead benchmarks; readings then say
  /// source "none").
  public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment,
                            reader: PowercapReader = FileSystemPowercapReader(),
                            cpuinfo: String? = try? FileSystemPowercapReader().contents(of: "/proc/cpuinfo")) -> MeterSelection {
    var meters: [EnergyMeter] = []
    var statuses: [MeterStatus] = []
    var notes: [String] = []
    if environment["JOULE_METERS"] == "off" {
      for (source, kind) in [("rapl", MeterStatus.Kind.measured), ("nvml", .measured), ("estimate", .estimated)] {
        statuses.append(MeterStatus(source: source, found: false, readable: false, kind: kind, why: "disabled by JOULE_METERS=off"))
      }
      return MeterSelection(meters: [], statuses: statuses, notes: [])
    }

    let root = environment["JOULE_POWERCAP_ROOT"] ?? "/sys/class/powercap"
    let rapl = RAPLDiscovery.discover(root: root, reader: reader)
    notes += rapl.notes
    var raplStatus = rapl.status
    if !rapl.notes.isEmpty && rapl.status.readable { raplStatus.why += "; " + rapl.notes.joined(separator: "; ") }
    if !rapl.zones.isEmpty {
      meters.append(RAPLMeter(zones: rapl.zones, reader: reader))
      raplStatus.inUse = true
    }
    statuses.append(raplStatus)

    let (nvml, nvmlStatus, nvmlNotes) = detectNVML(environment: environment)
    if let nvml { meters.append(nvml) }
    var nvmlShown = nvmlStatus
    if !nvmlNotes.isEmpty { nvmlShown.why += "; " + nvmlNotes.joined(separator: "; ") }
    statuses.append(nvmlShown)
    notes += nvmlNotes

    let files = MachineFiles { $0 == "/proc/cpuinfo" ? cpuinfo : MachineFiles.system.read($0) }
    var (model, modelNote) = CPUPowerModel.detect(environment: environment, files: files)
    let useEstimate = rapl.zones.isEmpty
    // A calibration of this CPU model (`joule calibrate`, JOULE_CALIBRATION) replaces the fitted
    // table in the package scope; the wall scope keeps the fit (a calibration reads the package).
    let (calibration, calibrationNote) = CalibrationFile.lookup(cpuModel: model.cpuModel, environment: environment)
    if let calibrationNote { notes.append(calibrationNote) }
    if let calibration {
      if model.scope == .package {
        model = model.calibrated(by: calibration)
      } else {
        let why = "calibration \(calibration.label) not applied: it measured the package, and JOULE_ENERGY_SCOPE=wall"
        modelNote = modelNote.map { $0 + "; " + why } ?? why
      }
    }
    if !useEstimate && model.scope == .wall {
      // A counter reads the package; the wall is the estimate's alone. Measured beats modelled.
      let why = "JOULE_ENERGY_SCOPE=wall not applied: RAPL measures the package, so readings stay package scope"
      modelNote = modelNote.map { $0 + "; " + why } ?? why
    }
    if let modelNote { notes.append(modelNote) }
    if useEstimate { meters.append(EstimateMeter(model: model)) }
    // A counter that refused us is named, so `meters()` says the estimate stands in for it.
    let standIn = useEstimate && rapl.status.found && !rapl.status.readable ? "standing in for the unreadable RAPL counter: " : ""
    let estimateWhy = standIn + (useEstimate ? "" : "not needed (RAPL measures the CPU); would use ") + EstimateMeter.coverage
      + model.description
      + (modelNote.map { "; " + $0 } ?? "") + (calibrationNote.map { "; " + $0 } ?? "")
    statuses.append(MeterStatus(source: "estimate", found: true, readable: true, kind: .estimated,
                                inUse: useEstimate, why: estimateWhy))
    return MeterSelection(meters: meters, statuses: statuses, notes: notes)
  }

  static func detectNVML(environment: [String: String]) -> (NVMLMeter?, MeterStatus, [String]) {
    let path = environment["JOULE_NVML_LIBRARY"] ?? NVMLLibrary.defaultPath
    func status(found: Bool, readable: Bool, inUse: Bool = false, _ why: String) -> MeterStatus {
      MeterStatus(source: "nvml", found: found, readable: readable, kind: .measured, inUse: inUse, why: why)
    }
    let library: NVMLLibrary
    do {
      library = try NVMLLibrary.load(path: path)
    } catch NVMLLibrary.Failure.notFound(let p, _) {
      return (nil, status(found: false, readable: false, "\(p) not found (no NVIDIA driver)"), [])
    } catch {
      return (nil, status(found: true, readable: false, "\(error)"), [])
    }
    do {
      let count = try library.deviceCount()
      let (visible, note) = VisibleDevices.parse(environment["CUDA_VISIBLE_DEVICES"], count: count)
      if visible.isEmpty {
        let why = count == 0 ? "NVML loaded, no GPU" : "NVML loaded, \(count) GPU(s), none visible (CUDA_VISIBLE_DEVICES)"
        return (nil, status(found: true, readable: true, why), note.map { [$0] } ?? [])
      }
      let meter = try NVMLMeter(library: library, visible: visible)
      let gpus = meter.gpus.map { "gpu-\($0.index) \($0.name) (\($0.hasEnergyCounter ? "energy counter" : "power sampled"))" }
      return (meter, status(found: true, readable: true, inUse: true, "reading " + gpus.joined(separator: ", ")),
              note.map { [$0] } ?? [])
    } catch {
      return (nil, status(found: true, readable: false, "\(error)"), [])
    }
  }
}
