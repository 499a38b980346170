/// What `meters()` shows for one source: found, readable, measured or estimated, and why.
///
///     MeterStatus(source: "rapl", found: false, readable: false, kind: .measured,
///                 why: "no /sys/class/powercap/intel-rapl:*")
public struct MeterStatus: Equatable {
  public enum Kind: String, Equatable {
    case measured, estimated
  }

  public var source: String
  public var found: Bool
  public var readable: Bool
  public var kind: Kind
  /// True when the monitor uses this source.
  public var inUse: Bool
  /// A sentence: what was found, or why not.
  public var why: String

  public init(source: String, found: Bool, readable: Bool, kind: Kind, inUse: Bool = false, why: String) {
    self.source = source
    self.found = found
    self.readable = readable
    self.kind = kind
    self.inUse = inUse
    self.why = why
  }
}
