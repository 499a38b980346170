/// How a machine's joules are shared among processes that ran at the same time: each gets the
/// part of the machine's busy CPU time that its process tree used (Scaphandre's and
/// PowerJoular's rule).
///
///     let a = tree.sample(); let wa = monitor.begin()
///     ... work ...
///     let b = tree.sample(); let machine = wa.finish().joules
///     let mine = CPUShare.joules(machine: machine, from: a, to: b)
///
/// Because the shares of trees that do not overlap add up to at most the machine's busy time,
/// concurrent trials never account for more than the machine's joules, and a tree alone on a
/// quiet machine gets nearly all of them. Idle power over a window with no busy time at all is
/// given to nobody (the fraction is 0).
public enum CPUShare {
  /// The label trial and command records carry in `energy_source` next to the meter's name.
  public static let method = "cpu-share"

  /// The tree's CPU seconds over the machine's busy CPU seconds between two samples, in 0...1.
  public static func fraction(from a: CPUSample, to b: CPUSample) -> Double {
    let busy = b.machineBusySeconds - a.machineBusySeconds
    let tree = b.treeSeconds - a.treeSeconds
    guard busy > 0, tree > 0 else { return 0 }
    return min(1, tree / busy)
  }

  /// The tree's joules: the machine's joules over the window times its fraction.
  public static func joules(machine: Double, from a: CPUSample, to b: CPUSample) -> Double {
    machine * fraction(from: a, to: b)
  }
}
