import Foundation
import Script

/// The rendered notebook: prose, each cell's code and outputs, figures linked, and a run
/// manifest at the end. What `joule run notebooks/x.jnb` writes to `notebooks/x.md`.
///
///     let report = MarkdownReport(run: run, manifest: manifest)
///     try report.write()        // to run.paths.report
///
/// A failed cell shows its error; the cells after it say they did not run.
public struct MarkdownReport {
  public var run: NotebookRunner.Run
  public var manifest: RunManifest

  public init(run: NotebookRunner.Run, manifest: RunManifest) {
    self.run = run
    self.manifest = manifest
  }

  public var markdown: String {
    let source = (run.paths.notebook as NSString).lastPathComponent
    var out: [String] = ["<!-- Written by `joule run` from \(source); edit the notebook, not this file. -->", ""]
    for result in run.results {
      out += section(result)
    }
    out += manifestSection()
    return out.joined(separator: "\n") + "\n"
  }

  public func write() throws {
    do {
      try markdown.write(toFile: run.paths.report, atomically: true, encoding: .utf8)
    } catch {
      // Say why (a folder in the way, no permission), not the platform's generic sentence.
      let path = UserPath(run.paths.report, relativeTo: nil)
      throw NotebookError.cannotWrite(run.paths.report, reason: FileProblem.writing(path).replacingOccurrences(of: "\(path.written): ", with: ""))
    }
  }

  private func section(_ r: CellResult) -> [String] {
    if r.cell.kind == .markdown { return [r.cell.source, ""] }
    var out = ["```joule", "# %% \(r.cell.label)", r.cell.source, "```", ""]
    switch r.status {
    case .notRun:
      out += ["*Not run: an earlier cell failed.*", ""]
      return out
    case .ok, .failed:
      break
    }
    for o in r.outputs {
      switch o {
      case .text(let t):
        out += fenced(t.hasSuffix("\n") ? String(t.dropLast()) : t, info: "text")
      case .value(let v):
        out += fenced(v, info: "text")
      case .table(let headers, let rows):
        out += [MarkdownTable(headers: headers, rows: rows).markdown, ""]
      case .figure(let name, let png, let svg):
        out += ["![\(name)](\(png))", "", "[\(name).svg](\(svg))", ""]
      case .error(let e):
        out += ["**Error:**", ""] + fenced(e, info: "text")
      }
    }
    return out
  }

  private func fenced(_ text: String, info: String) -> [String] {
    // A fence longer than any backtick run inside, so output cannot close it early.
    var longest = 0, run_ = 0
    for c in text { run_ = c == "`" ? run_ + 1 : 0; longest = max(longest, run_) }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return [fence + info, text, fence, ""]
  }

  private func manifestSection() -> [String] {
    var out = ["---", "", "## Run manifest", "", "| | |", "| --- | --- |"]
    for (k, v) in manifest.entries { out.append("| \(k) | \(v.replacingOccurrences(of: "|", with: "\\|")) |") }
    let seeds = RunManifest.seeds(in: run.results.map(\.cell))
    out.append("| seeds | \(seeds.isEmpty ? "none written in the code" : seeds.joined(separator: ", ") + " (as written in the code)") |")
    let code = run.results.filter { $0.cell.kind == .code }
    let ran = code.filter { $0.status == .ok }.count
    let outcome: String
    switch run.failure {
    case nil: outcome = "all \(code.count) code cells ran"
    case let kind?:
      let failed = code.first { if case .failed = $0.status { return true } else { return false } }
      let what = kind == .syntax ? "a syntax error" : kind == .interrupted ? "an interrupt (Ctrl-C)" : "an error"
      outcome = "stopped at cell '\(failed?.cell.label ?? "?")' by \(what); \(ran) of \(code.count) code cells ran"
    }
    out.append("| result | \(outcome) (exit code \(run.exitCode)) |")
    out.append("")
    let joulesHeader = run.estimatedJoules ? "joules (estimated)" : "joules"
    // An estimate's 80% interval gets a column of its own; measured runs have none.
    let intervals: [(low: Double, high: Double)?] = code.map { Self.interval(of: $0) }
    let withInterval = intervals.contains { $0 != nil }
    out += ["| cell | status | seconds | \(joulesHeader) |" + (withInterval ? " 80% interval |" : ""),
            "| --- | --- | ---: | ---: |" + (withInterval ? " ---: |" : "")]
    var totalS = 0.0, totalJ = 0.0, anyJ = false, totalLow = 0.0, totalHigh = 0.0
    for (r, interval) in zip(code, intervals) {
      let status: String
      switch r.status {
      case .ok: status = "ok"
      case .failed: status = "failed"
      case .notRun: status = "not run"
      }
      let s = r.status == .notRun ? "" : String(format: "%.2f", r.seconds)
      let joules = r.joules
      let j = joules.map { Self.oneDecimal($0) } ?? ""
      totalS += r.seconds
      if let jj = joules { totalJ += jj; anyJ = true }
      var shown = ""
      if let interval {
        shown = Self.oneDecimal(interval.low) + "–" + Self.oneDecimal(interval.high)
        totalLow += interval.low
        totalHigh += interval.high
      } else if let jj = joules {
        totalLow += jj
        totalHigh += jj
      }
      out.append("| \(r.cell.label) | \(status) | \(s) | \(j) |" + (withInterval ? " \(shown) |" : ""))
    }
    out.append("| **total** | | \(String(format: "%.2f", totalS)) | \(anyJ ? Self.oneDecimal(totalJ) : "") |"
      + (withInterval ? " " + Self.oneDecimal(totalLow) + "–" + Self.oneDecimal(totalHigh) + " |" : ""))
    return out
  }

  /// A cell's 80% interval in joules, when its energy was estimated with one.
  private static func interval(of r: CellResult) -> (low: Double, high: Double)? {
    guard let e = r.energy, let low = e.lowJ, let high = e.highJ else { return nil }
    return (low, high)
  }

  private static func oneDecimal(_ x: Double) -> String { String(format: "%.1f", x) }
}
