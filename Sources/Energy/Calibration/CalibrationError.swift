/// Why a calibration could not be made, read or written.
///
///     CalibrationError.noCounter("no /sys/class/powercap/intel-rapl:*").description
///     // "calibrate needs a readable RAPL package counter: no /sys/class/powercap/intel-rapl:*"
public enum CalibrationError: Error, Equatable, CustomStringConvertible {
  /// No readable RAPL package counter here: calibration needs one. Carries `meters()`'s sentence.
  case noCounter(String)
  case fit(String)
  /// A calibration file that cannot be used: its path, and what is wrong where.
  case file(String, String)
  case interrupted

  public var description: String {
    switch self {
    case .noCounter(let why): return "calibrate needs a readable RAPL package counter: \(why)"
    case .fit(let why): return "cannot fit the calibration: \(why)"
    case .file(let path, let why): return "\(path): \(why)"
    case .interrupted: return "calibration interrupted; nothing written"
    }
  }
}
