/// Everything a program's run left: how it ended, its output's tails, what it reported, and
/// what it used.
///
///     let r = try CommandRunner().run(Command(["python3", "train.py"]))
///     r.state, r.exitCode          // .ok, 0
///     r.stdout.text                // the last 64 KiB at most; r.stdout.truncated says so
///     r.metricsJSON                // "{\"accuracy\": 0.87}": the last JSON object line
///     r.reports                    // every JOULE_REPORT, in order
///     r.energy.joules              // the tree's share of the machine's joules
public struct CommandResult: Sendable {
  public var state: CommandState
  /// The program's process id (reaped by now).
  public var pid: Int32
  /// The exit code, or 128 + signal when a signal ended it (as shells report it).
  public var exitCode: Int32
  /// The signal that ended the program, when one did.
  public var signal: Int32?
  public var stdout: OutputTail
  public var stderr: OutputTail
  /// The last stdout line that was a JSON object, as written; nil when none was.
  public var metricsJSON: String?
  /// Its numeric fields (booleans excluded).
  public var metrics: [String: Double]
  /// Why `metricsJSON` is nil.
  public var metricsMissing: String?
  public var reports: [ProgramReport]
  /// Wall-clock seconds from the start to the end of the tree (the program's exit when it
  /// left nothing running).
  public var seconds: Double
  public var energy: TreeEnergy
  /// The timeout that stopped it, in seconds, when one did.
  public var timeout: Double?
  /// The time series, when the runner was asked for one (`joule measure -o`).
  public var series: [TreeAccounting.Row]

  /// A sentence for a run that did not end well, nil for `.ok`:
  /// "timed out after 5 s", "exit code 2: ValueError: bad lr".
  public var failure: String? {
    switch state {
    case .ok: return nil
    case .timeout: return "timed out after \(Self.seconds(timeout ?? seconds)) s"
    case .interrupted: return "interrupted"
    case .pruned: return "pruned after \(reports.count) report\(reports.count == 1 ? "" : "s")"
    case .failed:
      let how = signal.map { "killed by signal \($0)" } ?? "exit code \(exitCode)"
      let last = stderr.text.split(separator: "\n").last.map { ": " + String($0).trimmingCharacters() } ?? ""
      return how + (last.count > 200 ? ": " + String(last.dropFirst(2).prefix(200)) + "…" : last)
    }
  }

  static func seconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
  }
}

import Foundation

extension String {
  fileprivate func trimmingCharacters() -> String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
