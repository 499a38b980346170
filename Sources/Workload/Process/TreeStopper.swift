import Energy
import Foundation

/// Stops a program and everything it started: SIGTERM to its process group and to every
/// descendant seen outside it, then SIGKILL to whatever is left after the grace period.
///
///     let stopper = TreeStopper(root: child.pid, group: child.pid)
///     stopper.terminate(follow: { tree.sample().pids })   // SIGTERM
///     ... grace period, reading output ...
///     stopper.kill(follow: { tree.sample().pids })        // SIGKILL
///     stopper.survivors(followed: pids)                    // [] once the tree is gone
///
/// Descendants that left the group (`setsid`, a daemon's double fork) are found through the
/// pids the tree sampler has followed in /proc; the root itself is left unreaped until the end,
/// so its pid and group cannot be reused while they are signalled.
struct TreeStopper {
  let root: pid_t
  let group: pid_t?

  /// Living processes of the tree other than the (possibly ended) root: members of its group
  /// and followed descendants, zombies excluded.
  func survivors(followed: [Int32], procRoot: String = "/proc") -> [Int32] {
    let all = ProcStat.allProcesses(root: procRoot)
    let followedSet = Set(followed)
    return all.filter { p in
      p.pid != root && p.pid != getpid() && (followedSet.contains(p.pid) || (group != nil && p.processGroup == group))
        && !Self.isZombie(p.pid, procRoot: procRoot)
    }.map(\.pid)
  }

  /// SIGTERM to the whole tree. `follow` samples the tree and returns its pids.
  func terminate(follow: () -> [Int32]) { signal(SIGTERM, follow: follow) }

  /// SIGKILL to the whole tree.
  func kill(follow: () -> [Int32]) { signal(SIGKILL, follow: follow) }

  /// Freezes the tree first (SIGSTOP), so that nothing in it forks or leaves the group between
  /// the last look at /proc and the signal; then signals what a fresh look finds, and lets it
  /// run again (SIGCONT) so that it can act on a SIGTERM.
  private func signal(_ signal: Int32, follow: () -> [Int32]) {
    send(SIGSTOP, followed: follow())
    let pids = follow()
    send(SIGSTOP, followed: pids)
    send(signal, followed: pids)
    send(SIGCONT, followed: pids)
  }

  private func send(_ signal: Int32, followed: [Int32]) {
    if let group { Glibc.kill(-group, signal) } else { Glibc.kill(root, signal) }
    for pid in survivors(followed: followed) { Glibc.kill(pid, signal) }
  }

  /// True for a process that has ended and waits for its parent (state Z in /proc/PID/stat).
  static func isZombie(_ pid: Int32, procRoot: String = "/proc") -> Bool {
    guard let text = try? String(contentsOfFile: "\(procRoot)/\(pid)/stat", encoding: .utf8),
          let close = text.lastIndex(of: ")") else { return false }
    return text[text.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }
}
