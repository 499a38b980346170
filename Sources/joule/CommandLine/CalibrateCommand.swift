import ArgumentParser
import Energy
import Foundation
import Script

/// `joule calibrate [--seconds N] [-o FILE]`: measures this CPU's package power with RAPL
/// across a load sweep and saves the fitted curve, keyed by CPU model, for the estimate to use
/// on every machine with this CPU (docs/energy.md, "Calibration where a counter exists").
///
///     sudo joule calibrate --seconds 210
///     # joule calibrate: phase 1/21 idle: 0.3% busy, 14.2 W ...
///     # joule calibrate: wrote /root/.config/joule/calibration.json (Intel(R) Xeon(R) ...)
///
/// Exit codes: 0, 64 (bad options), 69 (no readable RAPL package counter), 70 (the fit or the
/// file failed), 130 (Ctrl-C: nothing written).
struct CalibrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "Fit the energy estimate to this CPU's RAPL counter and save it for every machine with this CPU.",
    discussion: """
      Runs a load sweep: idle, then 10%, 20%, ... 100% of every logical CPU (by duty cycle), once with \
      scalar and once with vector work, reading the RAPL package counter. Fits idle watts, full-load \
      watts and the load curve between them, and saves them keyed by the CPU model name in \
      JOULE_CALIBRATION, or else $XDG_CONFIG_HOME/joule/calibration.json (~/.config/joule/calibration.json). \
      Run it on an idle machine: other work counts as load.
      """)

  @Option(name: .long, help: "Seconds the whole sweep takes (21 phases; at least 21).")
  var seconds: Double = 105

  @Option(name: [.short, .customLong("output")], help: "The calibration file to write (default: JOULE_CALIBRATION or the per-user file).")
  var output: String?

  func validate() throws {
    let phases = Double(LoadSweep.phases.count)
    guard seconds.isFinite, seconds >= phases else {
      throw ValidationError("--seconds must be at least \(Int(phases)) (one second per phase), got \(seconds)")
    }
  }

  func run() throws {
    InterruptHandler.install()
    var calibrator = Calibrator(secondsPerPhase: seconds / Double(LoadSweep.phases.count))
    calibrator.shouldStop = { Interrupt.requested }
    calibrator.progress = { i, n, p in
      let what = p.work == .idle ? "idle" : "\(Int((p.load * 100).rounded()))% \(p.work.rawValue)"
      fputs(String(format: "joule calibrate: phase %d/%d %@: %.1f%% busy, %.1f W\n", i, n, what, p.utilisation * 100, p.watts), stderr)
    }
    let file = output ?? CalibrationFile.path()
    fputs("joule calibrate: \(calibrator.cpuModel), \(calibrator.logicalCPUs) logical CPUs, "
      + "\(Int(seconds)) s; writing \(file)\n", stderr)
    do {
      let saved = try CalibrationFile.save(try calibrator.run(), to: file)
      print("load,watts")
      for u in CPUCalibration.loads { print("\(u),\(saved.watts(utilisation: u))") }
      fputs("joule calibrate: wrote \(file) (\(saved.cpuModel): idle \(String(format: "%.1f", saved.idleWatts)) W, "
        + "full load \(String(format: "%.1f", saved.maxWatts)) W)\n", stderr)
    } catch let error as CalibrationError {
      fputs("joule calibrate: \(error)\n", stderr)
      switch error {
      case .noCounter: throw ExitCode(69)  // EX_UNAVAILABLE
      case .interrupted: throw ExitCode(ExitStatus.interrupted)
      default: throw ExitCode(ExitStatus.runtimeError)
      }
    }
  }
}
