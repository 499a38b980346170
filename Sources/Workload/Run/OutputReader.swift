import Energy

/// What the runner does with the bytes it reads: tails, metrics, and reports as they arrive.
///
///     var reader = OutputReader(reportLimit: 10_000, started: t0, onReport: { _ in false })
///     reader.takeStdout(bytes)     // tail, metrics candidates, JOULE_REPORT lines
///     reader.takeChannel(bytes)    // the JOULE_REPORT_FD channel: every line a report
///     reader.finish()          // last lines without a newline
struct OutputReader {
  var stdout = OutputTail()
  var stderr = OutputTail()
  var metrics = MetricsScanner()
  var reports: [ProgramReport] = []
  /// Set when `onReport` asked for the program to stop.
  var stopRequested = false

  private var stdoutLines = LineSplitter()
  private var channelLines = LineSplitter()
  private let reportLimit: Int
  private let started: Double
  private let onReport: ((ProgramReport) -> Bool)?
  /// The tree's joules so far, stamped on each report (set once the accounting has started).
  var joulesSoFar: (() -> Double)?

  init(reportLimit: Int, started: Double, onReport: ((ProgramReport) -> Bool)?) {
    self.reportLimit = reportLimit
    self.started = started
    self.onReport = onReport
  }

  mutating func takeStdout(_ bytes: ArraySlice<UInt8>) {
    stdout.append(bytes)
    var lines = stdoutLines
    lines.feed(bytes) { stdoutLine($0) }
    stdoutLines = lines
  }

  mutating func takeStderr(_ bytes: ArraySlice<UInt8>) { stderr.append(bytes) }

  mutating func takeChannel(_ bytes: ArraySlice<UInt8>) {
    var lines = channelLines
    lines.feed(bytes) { line in
      if let r = ReportProtocol.channelReport(line, at: now()) { deliver(r) }
    }
    channelLines = lines
  }

  mutating func finish() {
    var lines = stdoutLines
    lines.finish { stdoutLine($0) }
    stdoutLines = lines
    var channel = channelLines
    channel.finish { line in
      if let r = ReportProtocol.channelReport(line, at: now()) { deliver(r) }
    }
    channelLines = channel
  }

  private mutating func stdoutLine(_ line: ArraySlice<UInt8>) {
    if ReportProtocol.isReportLine(line) {
      if let r = ReportProtocol.stdoutReport(line, at: now()) { deliver(r) }
    } else {
      metrics.consider(line)
    }
  }

  private mutating func deliver(_ report: ProgramReport) {
    var report = report
    report.joules = joulesSoFar?()
    if reports.count >= reportLimit { reports.removeFirst(reports.count - reportLimit + 1) }
    reports.append(report)
    if onReport?(report) == true { stopRequested = true }
  }

  private func now() -> Double { MonotonicClock.now() - started }
}
