import Foundation
import Script
import Workload

/// `command(argv, timeout:, env:, cwd:, stdin:)`: runs an external program and returns what it
/// did and used. The rules (stopping, protocol, attribution) live in the Workload module.
///
///     r = command(["python3", "train.py", "--lr", p.lr], timeout: 600)
///     r.metrics.accuracy;  r.energy_j;  r.reports
enum CommandBuiltin {
  static let builtin = Builtin(
    "command",
    [Parameter("argv", .list, doc: "the program and its arguments; no shell unless you write [\"sh\", \"-c\", ...]"),
     Parameter("timeout", .optional(.number), default: .some(.none), doc: "seconds before the whole tree is stopped"),
     Parameter("env", .optional(.record), default: .some(.none), doc: "variables added to joule's environment"),
     Parameter("cwd", .optional(.string), default: .some(.none), doc: "folder to run in (default: the script's folder)"),
     Parameter("stdin", .optional(.string), default: .some(.none), doc: "text given as standard input (default: none)")],
    family: "workload",
    doc: """
      Runs an external program (no shell) and returns {exit_code, state, stdout, stderr, metrics, reports, seconds, \
      cpu_seconds, peak_rss_mb, energy_j, machine_energy_j, energy_source, estimated}. metrics is the last stdout line \
      that is a JSON object; JOULE_REPORT {json} lines (on stdout or the descriptor in $JOULE_REPORT_FD) arrive as \
      reports while it runs. energy_j is the machine's joules times the tree's share of busy CPU time.
      """
  ) { args, ctx in try run(args, ctx) }

  static func run(_ a: BoundArguments, _ ctx: any CallContext) throws -> Value {
    let argv = try a.list("argv").enumerated().map { i, v in try text(v, "argv[\(i)]") }
    guard !argv.isEmpty else { throw ScriptError.runtime("command: argv is empty; give at least the program") }
    var c = Command(argv)
    if let t = try a.optionalDouble("timeout") {
      guard t > 0, t.isFinite else { throw ScriptError.runtime("command: timeout must be a positive number of seconds, got \(t)") }
      c.timeout = t
    }
    if a.has("env") {
      for (k, v) in try a.record("env").pairs { c.environment[k] = try text(v, "env.\(k)") }
    }
    c.workingDirectory = TuneCall.resolve(try a.optionalString("cwd") ?? ".", ctx)
    if let input = try a.optionalString("stdin") { c.input = .bytes(Array(input.utf8)) }

    let name = (argv[0] as NSString).lastPathComponent
    let line = ProgressLine(label: name)
    var last = ""
    let hook = TrialReportHook.current
    var interrupted = false
    let result: CommandResult
    do {
      // Each Ctrl-C is taken off the flag as it is seen, so that a second one during the grace
      // period hurries the stop instead of killing joule (and orphaning the tree).
      result = try CommandRunner().run(c, shouldStop: {
        guard Interrupt.requested else { return false }
        Interrupt.clear()
        interrupted = true
        return true
      }, onReport: { r in
        last = progressText(r)
        return hook?(r.step, r.values) ?? false
      }, progress: { seconds, joules in
        line.update(String(format: "%.1f s  %.1f J", seconds, joules) + (last.isEmpty ? "" : "  " + last))
      })
    } catch let e as CommandError {
      line.clear()
      throw ScriptError.runtime("command: \(e)")
    }
    line.clear()
    var record = CommandRecord.record(result, arguments: argv)
    // Ctrl-C: the tree is gone and the record (state "interrupted", the joules spent so far)
    // comes back as `train`'s partial run does. The Ctrl-C was taken off the flag above but
    // still counted, so the interpreter stops the whole input here, quoting `stopped`, and
    // the REPL keeps the record in `_`.
    if interrupted {
      record["stopped"] = .string(String(format: "after %.1f s", result.seconds))
    }
    return .record(record)
  }

  /// An argument as text: strings as they are, numbers in full precision (so `p.lr` passes
  /// through unchanged), booleans as true/false.
  static func text(_ v: Value, _ what: String) throws -> String {
    switch v {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .float(let d): return String(d)
    case .bool(let b): return b ? "true" : "false"
    default: throw ScriptError.runtime("command: \(what) must be a string or a number, got \(v.typeName)")
    }
  }

  /// "step 3  accuracy 0.812  loss 0.41"
  static func progressText(_ r: ProgramReport) -> String {
    let step = r.step.map { "step \($0)" }
    let values = r.values.sorted { $0.key < $1.key }.prefix(3).map { "\($0.key) \(String(format: "%.4g", $0.value))" }
    return ([step].compactMap { $0 } + values).joined(separator: "  ")
  }
}
