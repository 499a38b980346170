import LearnKernels

/// Which build of the training engine's SIMD kernels runs: chosen once per process from the
/// CPU's features (cpuid), overridable with `JOULE_KERNELS=avx512f|avx2|portable`.
///
///     SIMDKernels.active        // "avx2+fma" on a Zen 2, "avx512f" on a Zen 4, "portable" on aarch64
///     SIMDKernels.available     // ["avx2", "portable"] here
///     SIMDKernels.lanes         // 8 floats per vector
public enum SIMDKernels {
  /// Every build's name, best first.
  public static let all = ["avx512f", "avx2", "portable"]

  /// The builds this CPU can run, best first.
  public static var available: [String] { all.filter { lk_supported($0) != 0 } }

  /// The build in use: "avx512f", "avx2+fma" or "portable".
  public static var active: String { String(cString: lk_active_name()) }

  /// Float lanes per vector of the build in use.
  public static var lanes: Int { Int(lk_active_lanes()) }

  /// Runs `body` with the named build on this thread only (other threads keep theirs), e.g.
  /// to check every build against a reference.
  public static func with<T>(_ name: String, _ body: () throws -> T) throws -> T {
    guard lk_select_for_thread(name) == 0 else {
      throw LearnError.invalidOption("kernels: this CPU cannot run \"\(name)\" (it can run \(available.joined(separator: ", ")))")
    }
    defer { lk_select_for_thread(nil) }
    return try body()
  }
}
