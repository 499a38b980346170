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

  public init(treeSeconds: Double, machineBusySeconds: Double, peakRSSBytes: Double, pids: [Int32]) {
    self.treeSeconds = treeSeconds
    self.machineBusySeconds = machineBusySeconds
    self.peakRSSBytes = peakRSSBytes
    self.pids = pids
  }
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
///
/// A sample walks down from the root through each thread's `task/TID/children` list, so it
/// costs a few reads per member of the tree, not one per process on the machine: sampling must
/// not add to the busy CPU time it divides. Where the kernel has no such lists
/// (CONFIG_PROC_CHILDREN off), it reads every process's `stat` instead.
public final class ProcessTreeCPU {
  public let root: Int32
  private let procRoot: String
  /// True when /proc has the children lists to walk.
  private let walks: Bool
  /// Tree members seen so far, with their last (own + waited-for children) ticks and parent.
  private var members: [Int32: (ticks: Int64, ppid: Int32)] = [:]
  /// Ticks of members that left and whose parent in the tree cannot have collected them.
  private var departedTicks: Int64 = 0
  private var baseTicks: Int64?
  private var lastTree: Int64 = 0
  private var peakPages: Int64 = 0

  /// `countsFromStart`: the root was just started (by this process), so every tick it has is
  /// inside the window and the first sample counts from zero rather than from what it has.
  public init(root: Int32, procRoot: String = "/proc", countsFromStart: Bool = false) {
    self.root = root
    self.procRoot = procRoot
    walks = access("\(procRoot)/\(root)/task/\(root)/children", R_OK) == 0
    if countsFromStart { baseTicks = 0 }
  }

  /// Reads /proc now: a few small reads per member of the tree (without children lists, one
  /// per process on the machine: about a millisecond for a few hundred processes).
  public func sample() -> CPUSample {
    // The tree: the root's descendants now, plus members already known that were reparented.
    let tree = walks ? walk() : scan()
    // Members that left: their parent collected their ticks if that parent is a living member
    // (it waited for them); otherwise keep their last reading.
    let living = Set(tree.map(\.pid))
    for (pid, m) in members where !living.contains(pid) {
      if !(living.contains(m.ppid) && m.ppid != pid) { departedTicks += m.ticks }
      members[pid] = nil
    }
    var total = departedTicks
    var pages: Int64 = 0
    for p in tree {
      let ticks = p.ownTicks + p.childTicks
      members[p.pid] = (ticks, p.ppid)
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
                     pids: head + tree.map(\.pid).filter { $0 != root })
  }

  /// The tree by its children lists: the root, known members, and everything below them.
  private func walk() -> [ProcStat.Process] {
    var tree: [ProcStat.Process] = []
    var stack: [Int32] = members.keys.filter { $0 != root } + [root]
    var seen = Set<Int32>()
    while let pid = stack.popLast() {
      guard seen.insert(pid).inserted, let p = ProcStat.process(pid, root: procRoot) else { continue }
      tree.append(p)
      stack += ProcStat.children(of: pid, root: procRoot)
    }
    return tree
  }

  /// The tree from every process's parent, for kernels without children lists.
  private func scan() -> [ProcStat.Process] {
    let all = ProcStat.allProcesses(root: procRoot)
    var children: [Int32: [Int32]] = [:]
    var byPid: [Int32: ProcStat.Process] = [:]
    for p in all {
      byPid[p.pid] = p
      children[p.ppid, default: []].append(p.pid)
    }
    var tree: [ProcStat.Process] = []
    var stack: [Int32] = byPid[root] == nil ? [] : [root]
    stack += members.keys.filter { $0 != root && byPid[$0] != nil }
    var seen = Set<Int32>()
    while let pid = stack.popLast() {
      guard seen.insert(pid).inserted, let p = byPid[pid] else { continue }
      tree.append(p)
      stack += children[pid] ?? []
    }
    return tree
  }
}
