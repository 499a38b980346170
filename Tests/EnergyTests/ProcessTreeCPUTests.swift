import Energy
import Foundation
import Testing

/// A /proc laid out as Linux does it: one folder per pid with a `stat` line, and /proc/stat.
private final class ProcFixture {
  let root = NSTemporaryDirectory() + "joule-proc-" + UUID().uuidString
  init() { try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
  deinit { try? FileManager.default.removeItem(atPath: root) }

  func process(_ pid: Int32, parent: Int32, comm: String = "python3", own: Int64, children: Int64 = 0, rss: Int64 = 100) {
    let dir = "\(root)/\(pid)"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    // Fields 3... of a real line; utime 14, stime 15, cutime 16, cstime 17, rss 24.
    let line = "\(pid) (\(comm)) S \(parent) \(pid) \(pid) 0 -1 4194304 100 0 0 0 \(own) 0 \(children) 0 20 0 1 0 12345 1000000 \(rss) 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
    try! line.write(toFile: dir + "/stat", atomically: true, encoding: .utf8)
  }

  /// Linux's `task/TID/children` list of one thread (CONFIG_PROC_CHILDREN).
  func children(_ pid: Int32, thread: Int32? = nil, _ kids: [Int32]) {
    let dir = "\(root)/\(pid)/task/\(thread ?? pid)"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try! (kids.map(String.init).joined(separator: " ") + (kids.isEmpty ? "" : " ")).write(toFile: dir + "/children", atomically: true, encoding: .utf8)
  }

  func exit(_ pid: Int32) { try? FileManager.default.removeItem(atPath: "\(root)/\(pid)") }

  func machine(busy: Int64) {
    // user nice system idle iowait irq softirq steal guest guest_nice
    let line = "cpu  \(busy - 10) 0 10 999999 5 0 0 7 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n"
    try! line.write(toFile: root + "/stat", atomically: true, encoding: .utf8)
  }
}

private let hz = ProcStat.ticksPerSecond

@Test func statLineWithParenthesesInTheNameParses() {
  let line = "4242 (my (odd) prog) R 17 4242 4242 0 -1 0 0 0 0 0 310 20 5 1 20 0 3 0 9 9 77 0 0\n"
  let p = ProcStat.parse(line)
  #expect(p == ProcStat.Process(pid: 4242, ppid: 17, processGroup: 4242, ownTicks: 330, childTicks: 6, residentPages: 77))
  #expect(ProcStat.parse("garbage") == nil)
}

@Test func treeCountsDescendantsAndNotStrangers() {
  let fx = ProcFixture()
  fx.machine(busy: 1000)
  fx.process(100, parent: 1, own: 50)
  fx.process(101, parent: 100, own: 20)
  fx.process(102, parent: 101, own: 5)
  fx.process(200, parent: 1, own: 900)
  let tree = ProcessTreeCPU(root: 100, procRoot: fx.root)
  let a = tree.sample()
  #expect(a.treeSeconds == 0)
  #expect(Set(a.pids) == [100, 101, 102] && a.pids.first == 100)
  fx.process(100, parent: 1, own: 60)
  fx.process(101, parent: 100, own: 40)
  fx.process(200, parent: 1, own: 1900)
  fx.machine(busy: 2030)
  let b = tree.sample()
  #expect(abs(b.treeSeconds - 30 / hz) < 1e-12)
  #expect(abs(b.machineBusySeconds - a.machineBusySeconds - 1030 / hz) < 1e-12)
}

@Test func childCollectedByItsParentIsCountedOnce() {
  let fx = ProcFixture()
  fx.machine(busy: 0)
  fx.process(100, parent: 1, own: 10)
  fx.process(101, parent: 100, own: 10)
  let tree = ProcessTreeCPU(root: 100, procRoot: fx.root)
  _ = tree.sample()
  fx.process(101, parent: 100, own: 30)
  #expect(abs(tree.sample().treeSeconds - 20 / hz) < 1e-12)
  // 101 exits and 100 waits for it: its 30 ticks move into 100's cutime.
  fx.exit(101)
  fx.process(100, parent: 1, own: 10, children: 30)
  #expect(abs(tree.sample().treeSeconds - 20 / hz) < 1e-12)
  // The root itself leaves (its caller reaps it): its last reading stays counted.
  fx.exit(100)
  #expect(abs(tree.sample().treeSeconds - 20 / hz) < 1e-12)
}

@Test func concurrentTreesNeverShareOutMoreThanTheMachine() {
  let fx = ProcFixture()
  fx.machine(busy: 0)
  fx.process(100, parent: 1, own: 0)
  fx.process(200, parent: 1, own: 0)
  fx.process(300, parent: 1, own: 0)
  let t1 = ProcessTreeCPU(root: 100, procRoot: fx.root), t2 = ProcessTreeCPU(root: 200, procRoot: fx.root)
  let a1 = t1.sample(), a2 = t2.sample()
  fx.process(100, parent: 1, own: 70)
  fx.process(200, parent: 1, own: 50)
  fx.process(300, parent: 1, own: 30)  // a stranger's work: neither trial's
  fx.machine(busy: 150)
  let b1 = t1.sample(), b2 = t2.sample()
  let machineJ = 120.0
  let j1 = CPUShare.joules(machine: machineJ, from: a1, to: b1)
  let j2 = CPUShare.joules(machine: machineJ, from: a2, to: b2)
  #expect(abs(j1 - 120 * 70 / 150) < 1e-9)
  #expect(abs(j2 - 120 * 50 / 150) < 1e-9)
  #expect(j1 + j2 <= machineJ)
  #expect(CPUShare.fraction(from: a1, to: a1) == 0)
}

@Test func realChildTreeUsesCPUAndIsFollowed() throws {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/bin/sh")
  // A shell that starts a busy child shell: two levels of the tree do work.
  p.arguments = ["-c", "sh -c 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'; true"]
  try p.run()
  let tree = ProcessTreeCPU(root: p.processIdentifier)
  let a = tree.sample()
  var sawChild = false
  while p.isRunning {
    if tree.sample().pids.count >= 2 { sawChild = true }
    usleep(20_000)
  }
  let b = tree.sample()
  #expect(sawChild)
  #expect(b.treeSeconds - a.treeSeconds > 0.05)
  #expect(b.peakRSSBytes > 0)
  #expect(CPUShare.fraction(from: a, to: b) > 0)
}

@Test func theTreeIsWalkedThroughEveryThreadsChildrenList() {
  let fx = ProcFixture()
  fx.machine(busy: 1000)
  fx.process(100, parent: 1, own: 50)
  fx.process(101, parent: 100, own: 20)
  fx.process(102, parent: 101, own: 5)
  // 103 was started by a second thread of 100; 104 claims 100 as parent but is in no list, so
  // it is not read at all: a sample reads the tree, not the machine.
  fx.process(103, parent: 100, own: 7)
  fx.process(104, parent: 100, own: 900)
  fx.children(100, [101])
  fx.children(100, thread: 150, [103])
  fx.children(101, [102])
  fx.children(102, [])
  fx.children(103, [])
  // A program just started by this process: all its ticks are inside the window.
  let tree = ProcessTreeCPU(root: 100, procRoot: fx.root, countsFromStart: true)
  let a = tree.sample()
  #expect(Set(a.pids) == [100, 101, 102, 103] && a.pids.first == 100)
  #expect(abs(a.treeSeconds - 82 / hz) < 1e-12)
}
