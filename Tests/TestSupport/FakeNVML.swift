import Foundation

/// Builds a fake libnvidia-ml with `cc -shared`: two GPUs drawing a constant `watts`, with or
/// without the total-energy counter (NVML_ERROR_NOT_SUPPORTED, as before Volta). Shared by the
/// Energy tests and the Workload tests (a program's GPU share).
public enum FakeNVML {
  public static let source = #"""
  #include <stdio.h>
  #include <time.h>
  typedef void *nvmlDevice_t;
  static int devices[2];
  static double now(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec + ts.tv_nsec * 1e-9; }
  int nvmlInit_v2(void) { return 0; }
  int nvmlShutdown(void) { return 0; }
  int nvmlDeviceGetCount_v2(unsigned *n) { *n = 2; return 0; }
  int nvmlDeviceGetHandleByIndex_v2(unsigned i, nvmlDevice_t *d) { if (i >= 2) return 2; *d = &devices[i]; return 0; }
  int nvmlDeviceGetName(nvmlDevice_t d, char *name, unsigned len) { snprintf(name, len, "Fake GPU %d", (int)((int *)d - devices)); return 0; }
  int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t d, unsigned long long *mj) {
  #ifdef NO_COUNTER
    return 3;
  #else
    *mj = (unsigned long long)(now() * WATTS * 1000.0); return 0;
  #endif
  }
  int nvmlDeviceGetPowerUsage(nvmlDevice_t d, unsigned *mw) { *mw = WATTS * 1000; return 0; }
  """#

  /// The path of a freshly compiled library.
  public static func build(watts: Int, counter: Bool, omit: String? = nil) throws -> String {
    let dir = NSTemporaryDirectory() + "joule-fake-nvml-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var text = source
    if let omit { text = text.replacingOccurrences(of: "int \(omit)(", with: "int renamed_\(omit)(") }
    try text.write(toFile: dir + "/fake.c", atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
    p.arguments = ["-shared", "-fPIC", "-DWATTS=\(watts)"] + (counter ? [] : ["-DNO_COUNTER"])
      + ["-o", dir + "/libfake-nvml.so", dir + "/fake.c"]
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    return dir + "/libfake-nvml.so"
  }
}
