import CZMQ
import Foundation

/// One ZeroMQ socket, sending and receiving multipart messages of raw frames.
///
///     let hb = try context.socket(.rep)
///     try hb.bind("tcp://127.0.0.1:5555")
///     let frames = try hb.receive()      // blocks
///     try hb.send(frames)
///
/// A socket is used by one thread at a time; the kernel gives each channel its own thread,
/// and guards the one socket several threads publish on (iopub) with a lock.
public final class ZMQSocket: @unchecked Sendable {
  public enum Kind {
    case router, pub, rep

    var raw: Int32 {
      switch self {
      case .router: return ZMQ_ROUTER
      case .pub: return ZMQ_PUB
      case .rep: return ZMQ_REP
      }
    }
  }

  let handle: UnsafeMutableRawPointer
  /// Held so the context outlives its sockets: terminating it waits for them to close.
  private let context: ZMQContext

  init(context: ZMQContext, kind: Kind) throws {
    self.context = context
    guard let h = zmq_socket(context.handle, kind.raw) else { throw ZMQError(operation: "create a socket") }
    handle = h
    // A second is enough for the last replies to leave at shutdown, and bounds the wait.
    var linger: Int32 = 1000
    zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
  }

  public func bind(_ endpoint: String) throws {
    guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError(operation: "bind \(endpoint)") }
  }

  /// Receives one multipart message; waits for it. Signals (Ctrl-C) do not end the wait.
  public func receive() throws -> [Data] {
    var frames: [Data] = []
    while true {
      var message = zmq_msg_t()
      zmq_msg_init(&message)
      defer { zmq_msg_close(&message) }
      while zmq_msg_recv(&message, handle, 0) < 0 {
        if zmq_errno() == EINTR { continue }
        throw ZMQError(operation: "receive")
      }
      let size = zmq_msg_size(&message)
      frames.append(size == 0 ? Data() : Data(bytes: zmq_msg_data(&message), count: size))
      if zmq_msg_more(&message) == 0 { return frames }
    }
  }

  /// Sends the frames as one multipart message.
  public func send(_ frames: [Data]) throws {
    for (i, frame) in frames.enumerated() {
      let flags = i < frames.count - 1 ? ZMQ_SNDMORE : 0
      while true {
        let sent = frame.withUnsafeBytes { raw in zmq_send(handle, raw.baseAddress, raw.count, flags) }
        if sent >= 0 { break }
        if zmq_errno() == EINTR { continue }
        throw ZMQError(operation: "send")
      }
    }
  }

  private var closed = false

  /// Closes the socket; messages already queued still leave, for up to the linger time.
  public func close() {
    guard !closed else { return }
    closed = true
    zmq_close(handle)
  }

  deinit { close() }
}

extension ZMQSocket {
  /// True when a message is waiting, after waiting at most `milliseconds` (0: just look).
  public func hasMessage(within milliseconds: Int) -> Bool {
    var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
    while true {
      let n = zmq_poll(&item, 1, milliseconds)
      if n < 0 && zmq_errno() == EINTR { continue }
      return n > 0 && (item.revents & Int16(ZMQ_POLLIN)) != 0
    }
  }
}
