import Foundation
import Workload

/// Finds processes still running whose command line holds a marker, through /proc: the proof
/// that a stopped tree left nothing behind.
///
///     let marker = Leftovers.marker()          // "31459" and friends: a sleep nobody else uses
///     ... run `sleep <marker>` somewhere in a tree, stop it ...
///     #expect(Leftovers.processes(holding: marker).isEmpty)
enum Leftovers {
  /// A number of seconds unlikely to appear in any other command line on the machine.
  static func marker() -> String { String(Int.random(in: 100_000...999_999)) }

  /// Pids of living (non-zombie) processes whose arguments contain `marker`.
  static func processes(holding marker: String) -> [Int32] {
    let dirs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return dirs.compactMap(Int32.init).filter { pid in
      guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return false }
      let args = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
      guard args.contains(marker) else { return false }
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      guard let close = stat.lastIndex(of: ")") else { return false }
      return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
  }

  /// Waits up to a second for processes to vanish (init reaps orphans on its own schedule).
  static func settle(_ marker: String) -> [Int32] {
    for _ in 0..<20 {
      let left = processes(holding: marker)
      if left.isEmpty { return [] }
      usleep(50_000)
    }
    return processes(holding: marker)
  }
}
