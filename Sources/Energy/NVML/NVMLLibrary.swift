#if canImport(Glibc)
import Glibc
#endif

/// The few NVML functions joule uses, resolved with dlopen at run time so joule builds and
/// runs on machines without an NVIDIA driver.
///
///     let nvml = try NVMLLibrary.load()            // libnvidia-ml.so.1, or $JOULE_NVML_LIBRARY
///     let count = try nvml.deviceCount()
///     let mj = try nvml.totalEnergy(try nvml.device(at: 0))
public final class NVMLLibrary {
  /// The library's name as the driver installs it.
  public static let defaultPath = "libnvidia-ml.so.1"

  public enum Failure: Error, CustomStringConvertible {
    case notFound(String, String)
    case missingSymbol(String)
    case call(String, Int32)

    public var description: String {
      switch self {
      case .notFound(let path, let why): return "\(path) not found (\(why))"
      case .missingSymbol(let s): return "NVML has no \(s)"
      case .call(let f, let code): return "\(f) failed with NVML error \(code)"
      }
    }
  }

  /// NVML_ERROR_NOT_SUPPORTED: the device cannot report this (energy before Volta).
  public static let notSupported: Int32 = 3

  private typealias Plain = @convention(c) () -> Int32
  private typealias Count = @convention(c) (UnsafeMutablePointer<UInt32>) -> Int32
  private typealias Handle = @convention(c) (UInt32, UnsafeMutablePointer<OpaquePointer?>) -> Int32
  private typealias Energy = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UInt64>) -> Int32
  private typealias Power = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UInt32>) -> Int32
  private typealias Name = @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>, UInt32) -> Int32
  private typealias ProcessUtilization = @convention(c) (
    OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt32>, UInt64) -> Int32

  public let path: String
  private let handle: UnsafeMutableRawPointer
  private let shutdownFn: Plain
  private let countFn: Count
  private let handleFn: Handle
  private let energyFn: Energy
  private let powerFn: Power
  private let nameFn: Name
  /// Optional: older drivers and some GPUs lack per-process utilisation.
  private let processUtilizationFn: ProcessUtilization?

  /// Opens the library and calls `nvmlInit_v2`.
  public static func load(path: String = defaultPath) throws -> NVMLLibrary {
    guard let h = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
      let why = dlerror().map { String(cString: $0) } ?? "dlopen failed"
      throw Failure.notFound(path, why)
    }
    do {
      return try NVMLLibrary(path: path, handle: h)
    } catch {
      dlclose(h)
      throw error
    }
  }

  private init(path: String, handle: UnsafeMutableRawPointer) throws {
    self.path = path
    self.handle = handle
    func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
      guard let s = dlsym(handle, name) else { throw Failure.missingSymbol(name) }
      return unsafeBitCast(s, to: type)
    }
    let initFn = try symbol("nvmlInit_v2", Plain.self)
    shutdownFn = try symbol("nvmlShutdown", Plain.self)
    countFn = try symbol("nvmlDeviceGetCount_v2", Count.self)
    handleFn = try symbol("nvmlDeviceGetHandleByIndex_v2", Handle.self)
    energyFn = try symbol("nvmlDeviceGetTotalEnergyConsumption", Energy.self)
    powerFn = try symbol("nvmlDeviceGetPowerUsage", Power.self)
    nameFn = try symbol("nvmlDeviceGetName", Name.self)
    processUtilizationFn = dlsym(handle, "nvmlDeviceGetProcessUtilization").map { unsafeBitCast($0, to: ProcessUtilization.self) }
    let rc = initFn()
    if rc != 0 { throw Failure.call("nvmlInit_v2", rc) }
  }

  deinit {
    _ = shutdownFn()
    dlclose(handle)
  }

  public func deviceCount() throws -> Int {
    var n: UInt32 = 0
    let rc = countFn(&n)
    if rc != 0 { throw Failure.call("nvmlDeviceGetCount_v2", rc) }
    return Int(n)
  }

  public func device(at index: Int) throws -> OpaquePointer? {
    var h: OpaquePointer?
    let rc = handleFn(UInt32(index), &h)
    if rc != 0 { throw Failure.call("nvmlDeviceGetHandleByIndex_v2", rc) }
    return h
  }

  public func name(_ device: OpaquePointer?) -> String {
    // NVML_DEVICE_NAME_V2_BUFFER_SIZE is 96.
    var buf = [CChar](repeating: 0, count: 96)
    guard nameFn(device, &buf, 96) == 0 else { return "unknown GPU" }
    return String(cString: buf)
  }

  /// Energy since the driver loaded, in millijoules; throws `.call(_, notSupported)` before Volta.
  public func totalEnergy(_ device: OpaquePointer?) throws -> UInt64 {
    var mj: UInt64 = 0
    let rc = energyFn(device, &mj)
    if rc != 0 { throw Failure.call("nvmlDeviceGetTotalEnergyConsumption", rc) }
    return mj
  }

  /// Current board power in milliwatts.
  public func power(_ device: OpaquePointer?) throws -> UInt32 {
    var mw: UInt32 = 0
    let rc = powerFn(device, &mw)
    if rc != 0 { throw Failure.call("nvmlDeviceGetPowerUsage", rc) }
    return mw
  }

  /// Per-process GPU utilisation samples newer than `since` (microseconds), or nil when the
  /// driver or the GPU cannot say (no symbol, NVML_ERROR_NOT_SUPPORTED or another error).
  /// NVML_ERROR_NOT_FOUND (6) means no process used the GPU since then: an empty list.
  public func processUtilization(_ device: OpaquePointer?, since: UInt64) -> [NVMLProcessSample]? {
    guard let fn = processUtilizationFn else { return nil }
    var count: UInt32 = 0
    // NVML_ERROR_INSUFFICIENT_SIZE (7) with the count needed, or success with none.
    let first = fn(device, nil, &count, since)
    if first == 6 || (first == 0 && count == 0) { return [] }
    guard first == 7 || first == 0 else { return nil }
    let layout = NVMLProcessSampleLayout.self
    var size = count + 8
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: Int(size) * layout.size, alignment: 8)
    defer { buffer.deallocate() }
    buffer.initializeMemory(as: UInt8.self, repeating: 0, count: Int(size) * layout.size)
    let rc = fn(device, buffer, &size, since)
    if rc == 6 { return [] }
    guard rc == 0 else { return nil }
    return (0..<Int(size)).map { i in
      let base = buffer + i * layout.size
      return NVMLProcessSample(pid: Int32(bitPattern: base.load(as: UInt32.self)),
                               timestamp: base.load(fromByteOffset: layout.timestampOffset, as: UInt64.self),
                               smUtil: base.load(fromByteOffset: layout.smUtilOffset, as: UInt32.self))
    }
  }
}
