/// What joule says when RAPL's files exist but the kernel refuses to let this user read them:
/// that it is so, why, and the one line that fixes it.
///
///     UnreadableCounter.message(root: "/sys/class/powercap")
///     // "RAPL present but unreadable: energy_uj is readable by root only since Linux 5.10
///     //  (CVE-2020-8694); using the labelled estimate. Fix: sudo chmod a+r ..."
///
/// Since the Platypus side channel (CVE-2020-8694, November 2020: Linux 5.10 and the stable
/// kernels it was backported to) `energy_uj` is mode 0400, root's. Every non-root user on a
/// cluster therefore has the counter and cannot read it; joule falls back to its estimate and
/// says how an administrator restores the counter (docs/energy.md, "A counter you cannot read").
public enum UnreadableCounter {
  /// Why the read failed, in one clause.
  public static let why = "energy_uj is readable by root only since Linux 5.10 (CVE-2020-8694)"

  /// The one-line fix for this powercap root; it lasts until reboot (docs/energy.md gives the
  /// udev rule that makes it permanent, and a group-restricted variant).
  public static func fix(root: String) -> String {
    "sudo chmod a+r \(root)/intel-rapl:*/energy_uj (until reboot; docs/energy.md has a udev rule that lasts)"
  }

  /// The sentence `meters()` and run manifests show when no zone could be read.
  public static func message(root: String) -> String {
    "RAPL present but unreadable: \(why); using the labelled estimate. Fix: \(fix(root: root))"
  }

  /// The clause added when some zones read and others were refused.
  public static func partial(denied: Int, root: String) -> String {
    "\(denied) zone(s) unreadable (\(why); fix: \(fix(root: root)))"
  }
}
