import Energy
import Foundation

/// Runs a program to its end, reading its output as it comes and following its process tree.
///
///     let runner = CommandRunner()
///     let r = try runner.run(Command(["python3", "train.py"]), shouldStop: { interrupted },
///                            onReport: { report in pruner.shouldPrune(report) })
///
/// The program runs in its own process group with stdout, stderr and a report channel
/// (descriptor 3, named in `JOULE_REPORT_FD`) read concurrently through `poll`, so none can
/// fill up and block it. Reports reach `onReport` while the program runs; returning true stops
/// it. A timeout, `shouldStop` or that request stops the whole tree (`TreeStopper`); when the
/// program ends by itself, whatever it left running is stopped the same way, so no process of
/// the tree outlives the call and the program itself is always reaped.
public final class CommandRunner {
  public let monitor: EnergyMonitor
  /// Seconds between rows of `CommandResult.series`; nil records none.
  public var seriesInterval: Double?
  /// Longest nap between checks of the clock, Ctrl-C and the child (50 ms, as the energy poller).
  public var pollInterval = 0.05
  /// At most this many reports are kept (the last ones); all of them still reach `onReport`.
  public var reportLimit = 10_000

  public init(monitor: EnergyMonitor = .shared, seriesInterval: Double? = nil) {
    self.monitor = monitor
    self.seriesInterval = seriesInterval
  }

  /// Runs `command`. Throws `CommandError` when it cannot start; every other ending is a result.
  /// `shouldStop` is asked at every turn while the program runs (true: stop it, state
  /// `.interrupted`), and again during the grace period (true again: SIGKILL at once).
  /// `progress` is called at every turn of the loop (at most every `pollInterval`).
  public func run(_ command: Command, shouldStop: () -> Bool = { false },
                  onReport: ((ProgramReport) -> Bool)? = nil,
                  progress: ((_ seconds: Double, _ joules: Double) -> Void)? = nil) throws -> CommandResult {
    guard let program = command.arguments.first else { throw CommandError.emptyArguments }
    if let dir = command.workingDirectory {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
        throw CommandError.badWorkingDirectory(dir)
      }
    }
    var environment = ProcessInfo.processInfo.environment.merging(command.environment) { $1 }
    if command.capturesOutput { environment[ReportProtocol.descriptorVariable] = String(ReportProtocol.descriptor) }
    let path = try ProgramLookup.resolve(program, path: environment["PATH"], in: command.workingDirectory)

    let session = try Session(command)
    // The window opens as the program starts, inside the spawn; a failed spawn abandons it.
    let start = TreeAccounting.Start(monitor: monitor)
    let child: ChildProcess
    do {
      child = try ChildProcess.spawn(
        path: path, arguments: command.arguments, environment: environment, directory: command.workingDirectory,
        stdin: session.childStdin, stdout: session.out?.write ?? -1, stderr: session.err?.write ?? -1,
        report: session.report?.write ?? -1, ownGroup: command.ownProcessGroup)
    } catch {
      session.closeAll()
      throw error
    }
    session.closeChildEnds()
    session.exitDescriptor = child.exitDescriptor
    let accounting = TreeAccounting(root: child.pid, start: start, seriesInterval: seriesInterval)
    let started = start.time
    var reader = OutputReader(reportLimit: reportLimit, started: started, onReport: onReport)
    reader.joulesSoFar = { accounting.joulesSoFar }
    let stopper = TreeStopper(root: child.pid, group: child.group)
    let follow: () -> [Int32] = {
      accounting.sample()
      return accounting.followed
    }

    var stopReason: CommandState?
    var terminatedAt: Double?
    var killedAt: Double?
    var rootEndedAt: Double?
    var treeEndedAt: Double?
    var lastSurvivorCheck = 0.0
    // Nothing to read and the exit signalled on a descriptor (`joule measure`): one turn per
    // tree sample is enough, and each wake-up saved is CPU time kept out of the machine's busy
    // time being measured.
    var turn = pollInterval
    if !command.capturesOutput, child.exitDescriptor >= 0, !command.input.isBytes {
      turn = max(pollInterval, min(accounting.sampleInterval, seriesInterval ?? accounting.sampleInterval))
    }
    while true {
      let now = MonotonicClock.now()
      var wait = turn
      if let t = command.timeout, stopReason == nil { wait = min(wait, max(0, started + t - now)) }
      session.pump(timeout: wait, into: &reader)
      accounting.tick()
      progress?(MonotonicClock.now() - started, accounting.joulesSoFar)

      let now2 = MonotonicClock.now()
      if rootEndedAt == nil && child.hasExited {
        rootEndedAt = now2
        accounting.sample()   // its final CPU time, read from the unreaped zombie
        // Nothing of the tree runs on: the window ends with the program, before joule's own
        // checks and reading of what is left in the pipes.
        if accounting.followed.allSatisfy({ $0 == child.pid }) {
          accounting.finish()
          treeEndedAt = now2
        }
      }
      if stopReason == nil && rootEndedAt == nil {
        if let t = command.timeout, now2 - started >= t { stopReason = .timeout }
        else if shouldStop() { stopReason = .interrupted }
        else if reader.stopRequested { stopReason = .pruned }
      }
      if stopReason != nil && terminatedAt == nil {
        stopper.terminate(follow: follow)
        terminatedAt = now2
      }
      // Asked again while the tree is given its grace period (a second Ctrl-C): no more grace.
      let hurry = stopReason == .interrupted && terminatedAt != nil && killedAt == nil && shouldStop()
      if let t = terminatedAt, killedAt == nil, hurry || now2 - t >= command.gracePeriod {
        stopper.kill(follow: follow)
        killedAt = now2
      }
      if let ended = rootEndedAt, now2 - lastSurvivorCheck >= 0.1 || session.allClosed {
        lastSurvivorCheck = now2
        // The tree ends with its root: what it left behind is stopped too.
        if !stopper.survivors(followed: accounting.followed).isEmpty {
          if terminatedAt == nil {
            stopper.terminate(follow: follow)
            terminatedAt = now2
          }
        } else if session.allClosed || now2 - ended >= max(1, command.gracePeriod) {
          // Every writer is gone, or what still holds a pipe is no longer part of the tree.
          break
        }
      }
      // A process stuck in the kernel can outlast SIGKILL for a while; do not wait forever.
      if let k = killedAt, now2 - k > 10 { break }
    }
    session.pump(timeout: 0, into: &reader)
    session.closeAll()
    reader.finish()
    let energy = accounting.finish()
    let termination = child.reap()
    let seconds = (treeEndedAt ?? MonotonicClock.now()) - started

    let state: CommandState = stopReason ?? (termination == .exited(0) ? .ok : .failed)
    var signal: Int32?
    if case .signalled(let s) = termination { signal = s }
    return CommandResult(
      state: state, pid: child.pid, exitCode: termination.code, signal: signal, stdout: reader.stdout, stderr: reader.stderr,
      metricsJSON: reader.metrics.json, metrics: reader.metrics.values,
      metricsMissing: command.capturesOutput ? reader.metrics.why : nil,
      reports: reader.reports, seconds: seconds, energy: energy,
      timeout: stopReason == .timeout ? command.timeout : nil, series: accounting.rows)
  }
}
