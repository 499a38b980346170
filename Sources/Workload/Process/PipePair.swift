import CSpawn
import Foundation

/// A pipe whose parent end is non-blocking and closed on exec; the child's end is handed to
/// the spawn and then closed here.
///
///     let out = try PipePair.make()      // out.read: joule's end, out.write: the program's
struct PipePair {
  var read: Int32
  var write: Int32

  static func make() throws -> PipePair {
    var fds: [Int32] = [-1, -1]
    guard joule_pipe(&fds) == 0 else { throw CommandError.pipeFailed(errno: errno) }
    return PipePair(read: fds[0], write: fds[1])
  }

  static func setNonBlocking(_ fd: Int32) {
    let flags = fcntl(fd, F_GETFL)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
  }
}
