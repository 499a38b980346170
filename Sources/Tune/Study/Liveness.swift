import Foundation

/// How workers show they are alive, and when a silent one's trial is handed on.
///
///     var l = Liveness()            // heartbeat every 5 s, stale after 60 s
///     l = Liveness(grace: 20)       // heartbeat every 5 s, stale after 20 s
///
/// A worker's heartbeat thread touches its running trial every `interval` seconds; a trial whose
/// last heartbeat is older than `grace` (on the database's clock) is marked `stale` by the next
/// worker that claims, and its suggestion goes to that worker. 60 s is Optuna's
/// `heartbeat_interval`/`grace_period` pairing scaled to joule's 5 s beat: a dozen missed beats.
public struct Liveness: Sendable {
  public static let defaultGrace: TimeInterval = 60
  public var interval: TimeInterval
  public var grace: TimeInterval

  /// `interval` defaults to 5 s, or a third of `grace` when that is shorter, so a slow beat
  /// never makes a live trial look stale.
  public init(grace: TimeInterval = Liveness.defaultGrace, interval: TimeInterval? = nil) {
    self.grace = grace
    self.interval = interval ?? min(5, grace / 3)
  }

  /// (host, pid) from a worker column: "host:pid" or "name@host:pid".
  static func hostAndPID(_ worker: String?) -> (String, pid_t)? {
    guard var w = worker else { return nil }
    if let at = w.lastIndex(of: "@") { w = String(w[w.index(after: at)...]) }
    guard let colon = w.lastIndex(of: ":"), let pid = Int32(w[w.index(after: colon)...]) else { return nil }
    return (String(w[..<colon]), pid)
  }

  /// True when `worker` names a process on this host that has ended (not this process).
  public static func processEnded(_ worker: String?) -> Bool {
    guard let (host, pid) = hostAndPID(worker), host == ProcessInfo.processInfo.hostName,
          pid != ProcessInfo.processInfo.processIdentifier else { return false }
    return kill(pid, 0) != 0 && errno == ESRCH
  }

  /// True when `worker` is another live process on this host.
  public static func isAliveHere(_ worker: String?) -> Bool {
    guard let (host, pid) = hostAndPID(worker), host == ProcessInfo.processInfo.hostName,
          pid != ProcessInfo.processInfo.processIdentifier else { return false }
    return kill(pid, 0) == 0 || errno == EPERM
  }
}
