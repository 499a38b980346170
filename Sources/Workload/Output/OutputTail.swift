/// The last bytes a program wrote to one stream: all of it when small, the last `limit` bytes
/// otherwise, so a program that writes 100 MB costs joule at most twice the limit.
///
///     var tail = OutputTail(limit: 65_536)
///     tail.append(bytes)
///     tail.text          // valid UTF-8: bytes that are not become U+FFFD
///     tail.truncated     // true once more than `limit` bytes arrived
///     tail.totalBytes    // everything written, kept or not
public struct OutputTail: Sendable {
  /// 64 KiB, the figure: enough for a traceback or a training log's last screens.
  public static let defaultLimit = 65_536

  public let limit: Int
  public private(set) var totalBytes = 0
  private var buffer: [UInt8] = []

  public init(limit: Int = OutputTail.defaultLimit) {
    self.limit = max(1, limit)
  }

  /// Adds bytes; amortised O(count): the buffer is trimmed only when it reaches twice the limit.
  public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    totalBytes += bytes.count
    if bytes.count >= limit {
      buffer = Array(bytes.suffix(limit))
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 2 * limit { buffer.removeFirst(buffer.count - limit) }
  }

  public var truncated: Bool { totalBytes > limit }

  /// The kept bytes: at most `limit`.
  public var bytes: ArraySlice<UInt8> { buffer.suffix(limit) }

  /// The kept bytes as text. A cut through a multi-byte character at the start is skipped
  /// rather than shown as a replacement character; other invalid bytes become U+FFFD.
  public var text: String {
    var kept = bytes
    if truncated {
      var skipped = 0
      while skipped < 3, let b = kept.first, b & 0xC0 == 0x80 {
        kept = kept.dropFirst()
        skipped += 1
      }
    }
    return String(decoding: kept, as: UTF8.self)
  }
}
