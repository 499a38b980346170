import CZMQ
import Foundation

/// A failed ZeroMQ call: what joule tried, and libzmq's reason.
///
///     throw ZMQError(operation: "bind tcp://127.0.0.1:5555")
///     // "bind tcp://127.0.0.1:5555: Address already in use"
public struct ZMQError: Error, CustomStringConvertible {
  public let operation: String
  public let code: Int32
  public let reason: String

  /// Captures `zmq_errno()` now, right after the failed call.
  init(operation: String) {
    self.operation = operation
    code = zmq_errno()
    reason = String(cString: zmq_strerror(code))
  }

  /// True when the context was shut down: the end of a socket's loop, not a failure.
  public var isTerminated: Bool { code == ETERM }

  public var description: String { "\(operation): \(reason)" }
}
