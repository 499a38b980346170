import Foundation

/// Processes as /proc lists them: a program's children and its threads' names, to check that
/// nothing it started outlives the work.
///
///     ProcessTable.children(of: pid)          // [4712, 4713]
///     ProcessTable.threadNames(of: pid)       // ["joule", "joule energy po"]
enum ProcessTable {
  /// The live processes whose parent is `pid` (zombies not yet reaped included).
  static func children(of pid: pid_t) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { Int32($0) }.filter { parent(of: $0) == pid }
  }

  static func parent(of pid: pid_t) -> pid_t? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    // Fields after the command's closing parenthesis: state, ppid, ...
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? Int32(fields[1]) : nil
  }

  /// The names of `pid`'s threads (15 characters at most, as the kernel keeps them).
  static func threadNames(of pid: pid_t) -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.compactMap { try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/comm", encoding: .utf8) }
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  /// Waits up to `timeout` seconds for `condition`; true when it held.
  static func wait(_ timeout: TimeInterval, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition() { return true }
      usleep(20_000)
    }
    return condition()
  }
}
