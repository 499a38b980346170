import Foundation

/// The bytes read so far from one pipe, cut into message lines.
///
///     var b = MessageBuffer(fd: fd)
///     while b.fill(), let m = b.next() { ... }
public struct MessageBuffer {
  public let fd: Int32
  private var pending = Data()
  /// True once the writer has closed its end (or died).
  public private(set) var ended = false

  public init(fd: Int32) { self.fd = fd }

  /// Reads what is there (blocking only if `fd` blocks); false at end of file.
  @discardableResult
  public mutating func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n > 0 { pending.append(contentsOf: chunk[0..<n]); return true }
      if n < 0 && errno == EINTR { continue }
      if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return true }
      ended = true
      return false
    }
  }

  /// The next whole message, if one has arrived.
  public mutating func next() -> WorkerMessage? {
    while let nl = pending.firstIndex(of: 0x0A) {
      let line = pending[pending.startIndex..<nl]
      pending.removeSubrange(pending.startIndex...nl)
      if let m = try? WorkerMessage.parse(Data(line)) { return m }
    }
    return nil
  }
}
