import Foundation
import Workload

/// What `joule measure` prints and writes: the summary on stderr and the CSV time series.
///
///     joule measure: sleep 1
///       energy  3.42 J machine (3.19 W mean); the program's share 0.00 J (0.1% of busy CPU)
///       time    1.003 s, CPU 0.001 s, peak RSS 1.9 MB
///       source  estimate(specpower-package), estimated: whole machine's busy CPU time (/proc/stat) and ...
enum MeasureSummary {
  static func text(_ r: CommandResult, argv: [String]) -> String {
    let e = r.energy
    let how: String
    switch r.state {
    case .ok: how = ""
    default: how = " (\(r.failure ?? r.state.rawValue))"
    }
    var lines = ["joule measure: \(argv.joined(separator: " "))\(how)"]
    lines.append("  energy  \(fixed(e.machineJoules, 2)) J machine (\(fixed(e.machineWatts, 2)) W mean); "
      + "the program's share \(fixed(e.joules, 2)) J (\(fixed(e.share * 100, 1))% of busy CPU)")
    lines.append("  time    \(fixed(r.seconds, 3)) s, CPU \(fixed(e.cpuSeconds, 3)) s, peak RSS \(fixed(e.peakRSSBytes / 1e6, 1)) MB")
    let kind = e.estimated ? "estimated: " + (e.model ?? "estimate") : "measured"
    lines.append("  source  \(e.source), \(kind)")
    for note in e.notes { lines.append("  note    \(note)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// time_s, interval_s, then joules and watts per domain, then the tree's busy CPUs and its
  /// share of the machine's busy CPU. Full precision: this is a file, not a display.
  static func csv(_ rows: [TreeAccounting.Row]) -> String {
    let names = rows.first?.domains.map(\.name) ?? []
    let columns = ["time_s", "interval_s"] + names.flatMap { n -> [String] in
      let c = n.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "-", with: "_")
      return [c + "_j", c + "_w"]
    } + ["tree_cpus", "cpu_share"]
    var out = columns.joined(separator: ",") + "\n"
    for row in rows {
      var cells = [String(row.time), String(row.seconds)]
      for name in names {
        let j = row.domains.first { $0.name == name }?.joules ?? 0
        cells += [String(j), String(j / row.seconds)]
      }
      cells += [String(row.treeCPUs), String(row.share)]
      out += cells.joined(separator: ",") + "\n"
    }
    return out
  }

  static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
