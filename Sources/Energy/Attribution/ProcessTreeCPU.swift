#if canImport(Glibc)
import Glibc
#endif

/// One reading of a process tree against the whole machine.
public struct CPUSample: Equatable, Sendable {
  /// CPU seconds the tree has used since the first sample: every living member's threads, the
  /// children they waited for, and the last reading of members that have left.
  public var treeSeconds: Double
  /// Non-idle CPU seconds of the whole machine since boot (/proc/stat).
  public var machineBusySeconds: Double
  /// The largest resident memory of the whole tree seen by any sample so far.
  public var peakRSSBytes: Double
  /// The tree's processes now: the root first.
  public var pids: [Int32]
}

/// Follows a process and all its descendants through /proc, as Scaphandre and PowerJoular do,
/// so that a share of the machine's energy can be given to it.
///
///     let tree = ProcessTreeCPU(root: child)     // or getpid() for this process
///     let a = tree.sample()
///     ... the tree works ...
///     let b = tree.sample()
///     let share = CPUShare.fraction(from: a, to: b)   // 0.48: its part of all busy CPU time
///
/// Sample it regularly (the energy poller's rate is plenty): a member that starts and ends
/// between two samples is still counted when its parent in the tree waits for it (the kernel
/// adds it to the parent's cutime), but one reaped outside the tree between samples is not.
/// A member whose parent leaves the tree (a daemon that double-forks) stays followed as long as
/// it is seen once while still attached.
public final class ProcessTreeCPU {
  public let root: Int32
  private let procRoot: String
  /// Tree members seen so far, with their last (own + waited-for children) ticks and parent.
  private var members: [Int32: (ticks: Int64, ppid: Int32)] = [:]
  /// Ticks of members that left and whose parent in the tree cannot have collected them.
  private var departedTicks: Int64 = 0
  private var baseTicks: Int64?
  private var lastTree: Int64 = 0
  private var peakPages: Int64 = 0

  public init(root: Int32, procRoot: String = "/proc") {
    self.root = root
    self.procRoot = procRoot
  }

  /// Reads /proc now. Cost: one small read per process on the machine (about a millisecond
  /// for a few hundred processes).
  public func sample() -> CPUSample {
    let all = ProcStat.allProcesses(root: procRoot)
    var children: [Int32: [Int32]] = [:]
    var byPid: [Int32: ProcStat.Process] = [:]
    for p in all {
      byPid[p.pid] = p
      children[p.ppid, default: []].append(p.pid)
    }
    // The tree: the root's descendants now, plus members already known that were reparented.
    var tree: [Int32] = []
    var stack: [Int32] = byPid[root] == nil ? [] : [root]
    stack += members.keys.filter { $0 != root && byPid[$0] != nil }
    var seen = Set<Int32>()
    while let pid = stack.popLast() {
      guard seen.insert(pid).inserted, byPid[pid] != nil else { continue }
      tree.append(pid)
      stack += children[pid] ?? []
    }
    // Members that left: their parent collected their ticks if that parent is a living member
    // (it waited for them); otherwise keep their last reading.
    let living = Set(tree)
    for (pid, m) in members where !living.contains(pid) {
      if !(living.contains(m.ppid) && m.ppid != pid) { departedTicks += m.ticks }
      members[pid] = nil
    }
    var total = departedTicks
    var pages: Int64 = 0
    for pid in tree {
      let p = byPid[pid]!
      let ticks = p.ownTicks + p.childTicks
      members[pid] = (ticks, p.ppid)
      total += ticks
      pages += p.residentPages
    }
    if baseTicks == nil { baseTicks = total }
    // A member's exit can briefly hide ticks before its parent waits: never go backwards.
    lastTree = max(lastTree, total - (baseTicks ?? 0))
    peakPages = max(peakPages, pages)
    let busy = ProcStat.machineBusyTicks(root: procRoot) ?? 0
    let head = living.contains(root) ? [root] : []
    return CPUSample(treeSeconds: Double(lastTree) / ProcStat.ticksPerSecond,
                     machineBusySeconds: Double(busy) / ProcStat.ticksPerSecond,
                     peakRSSBytes: Double(peakPages) * ProcStat.pageBytes,
                     pids: head + tree.filter { $0 != root })
  }
}
