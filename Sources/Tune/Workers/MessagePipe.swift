import CSpawn
import Foundation

/// One direction of a lead/worker pipe: writes whole `WorkerMessage` lines, and reads them back
/// from whatever bytes have arrived.
///
///     let p = try MessagePipe.make()            // (read end, write end)
///     try MessagePipe.send(.output(text: "hi\n"), to: p.write)
///     var buffer = MessageBuffer(fd: p.read)
///     buffer.fill(); buffer.next()              // .output(text: "hi\n")
///
/// The lead reads without blocking (it watches k workers with poll(2)); a worker blocks on its
/// request pipe, and end of file there means the lead has gone.
public enum MessagePipe {
  /// A new pipe, (read end, write end), closed on exec: a program a trial spawns inherits neither.
  public static func make() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    guard joule_pipe(&fds) == 0 else { throw TuneError.invalidSettings("workers: cannot make a pipe: \(String(cString: strerror(errno)))") }
    return (fds[0], fds[1])
  }

  /// Writes the whole message; false when the other end has gone.
  @discardableResult
  public static func send(_ message: WorkerMessage, to fd: Int32) -> Bool {
    guard let data = try? message.line() else { return false }
    return data.withUnsafeBytes { raw -> Bool in
      var off = 0
      while off < raw.count {
        let n = write(fd, raw.baseAddress! + off, raw.count - off)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        off += n
      }
      return true
    }
  }
}
