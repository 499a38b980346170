import Foundation
import Testing
import Energy

/// The one tree-share window: a busy process tree gets a positive share of the machine's
/// busy CPU time, never more than all of it, and the sampler thread ends with the window.
@Suite(.serialized) struct TreeShareWindowTests {
  static func threadNames() -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8) }
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  @Test func aBusyTreeGetsAShareAndTheSamplerEndsWithTheWindow() throws {
    let share = TreeShareWindow(root: getpid(), every: 0.05)
    // Busy for 0.4 s of CPU time on this thread.
    let end = Date().addingTimeInterval(0.4)
    var x = 0.0
    while Date() < end { x += sin(x) + 1 }
    #expect(x > 0)
    #expect(Self.threadNames().contains("joule treeshare"))
    let f = share.finish()
    #expect(f > 0 && f <= 1, "share \(f)")
    #expect(share.joules(ofMachine: 100) == 100 * f, "finishing twice gives the same share")
    let deadline = Date().addingTimeInterval(1)
    while Date() < deadline && Self.threadNames().contains("joule treeshare") { usleep(10_000) }
    #expect(!Self.threadNames().contains("joule treeshare"), "the sampler outlived its window")
  }

  @Test func stoppingWithoutAShareEndsTheSamplerToo() throws {
    let share = TreeShareWindow(root: getpid(), every: 0.05)
    usleep(100_000)
    share.stop()
    let deadline = Date().addingTimeInterval(1)
    while Date() < deadline && Self.threadNames().contains("joule treeshare") { usleep(10_000) }
    #expect(!Self.threadNames().contains("joule treeshare"))
  }
}
