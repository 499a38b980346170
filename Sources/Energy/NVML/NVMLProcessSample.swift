/// One process's use of a GPU as NVML samples it (`nvmlProcessUtilizationSample_t`).
///
///     meter.processUtilization(gpu: 0, since: last)   // [NVMLProcessSample(pid: 4242, timestamp: ..., smUtil: 63)]
///
/// `smUtil` is the percent of the sample period during which the process had kernels running
/// on the GPU's streaming multiprocessors.
public struct NVMLProcessSample: Equatable, Sendable {
  public var pid: Int32
  /// Microseconds, the driver's clock; pass the largest seen as `since` next time.
  public var timestamp: UInt64
  public var smUtil: UInt32

  public init(pid: Int32, timestamp: UInt64, smUtil: UInt32) {
    self.pid = pid
    self.timestamp = timestamp
    self.smUtil = smUtil
  }
}

/// The C layout of nvmlProcessUtilizationSample_t (nvml.h): unsigned pid; unsigned long long
/// timeStamp; unsigned smUtil, memUtil, encUtil, decUtil: 32 bytes, timeStamp at 8, smUtil at 16.
enum NVMLProcessSampleLayout {
  static let size = 32
  static let timestampOffset = 8
  static let smUtilOffset = 16
}
