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
  #include <stdlib.h>
  #include <sys/time.h>
  typedef struct { unsigned pid; unsigned long long ts; unsigned sm, mem, enc, dec; } sample_t;
  /* Per-process utilisation: with PROCESSES, each call reports every "pid sm" line of the file
     named by $FAKE_NVML_PROCESSES, stamped now; without, NVML_ERROR_NOT_SUPPORTED. */
  int nvmlDeviceGetProcessUtilization(nvmlDevice_t d, sample_t *out, unsigned *count, unsigned long long since) {
  #ifndef PROCESSES
    return 3;
  #else
    unsigned pids[16], sms[16], n = 0;
    const char *path = getenv("FAKE_NVML_PROCESSES");
    FILE *f = path ? fopen(path, "r") : NULL;
    while (f && n < 16 && fscanf(f, "%u %u", &pids[n], &sms[n]) == 2) n++;
    if (f) fclose(f);
    if (n == 0) return 6;
    if (out == NULL || *count < n) { *count = n; return 7; }
    struct timeval tv; gettimeofday(&tv, NULL);
    for (unsigned i = 0; i < n; i++) {
      out[i].pid = pids[i]; out[i].ts = (unsigned long long)tv.tv_sec * 1000000 + tv.tv_usec; out[i].sm = sms[i];
      out[i].mem = out[i].enc = out[i].dec = 0;
    }
    *count = n;
    return 0;
  #endif
  }
  """#

  /// The path of a freshly compiled library.
  /// `processes`: per-process utilisation from the file named by $FAKE_NVML_PROCESSES.
  public static func build(watts: Int, counter: Bool, omit: String? = nil, processes: Bool = false) throws -> String {
    let dir = NSTemporaryDirectory() + "joule-fake-nvml-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var text = source
    if let omit { text = text.replacingOccurrences(of: "int \(omit)(", with: "int renamed_\(omit)(") }
    try text.write(toFile: dir + "/fake.c", atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
    p.arguments = ["-shared", "-fPIC", "-DWATTS=\(watts)"] + (counter ? [] : ["-DNO_COUNTER"]) + (processes ? ["-DPROCESSES"] : [])
      + ["-o", dir + "/libfake-nvml.so", dir + "/fake.c"]
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    return dir + "/libfake-nvml.so"
  }
}
