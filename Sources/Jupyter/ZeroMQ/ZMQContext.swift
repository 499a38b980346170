import CZMQ

/// A ZeroMQ context: owns the I/O thread every socket of the kernel shares.
///
///     let context = try ZMQContext()
///     let shell = try context.socket(.router)
public final class ZMQContext: @unchecked Sendable {
  let handle: UnsafeMutableRawPointer

  public init() throws {
    guard let h = zmq_ctx_new() else { throw ZMQError(operation: "create a ZeroMQ context") }
    handle = h
  }

  public func socket(_ kind: ZMQSocket.Kind) throws -> ZMQSocket {
    try ZMQSocket(context: self, kind: kind)
  }

  /// Makes every blocking call on this context's sockets return `ETERM`; the loops then end.
  public func shutdown() { zmq_ctx_shutdown(handle) }

  private var terminated = false

  /// Waits for the sockets (closed first) to send what they still hold, then frees the context.
  public func terminate() {
    guard !terminated else { return }
    terminated = true
    zmq_ctx_term(handle)
  }

  deinit { terminate() }
}
