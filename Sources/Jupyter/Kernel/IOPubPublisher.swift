import Foundation

/// The iopub channel: broadcasts status, outputs and errors to every front end listening.
///
///     publisher.publish("status", ["execution_state": "busy"], parent: request)
///
/// The shell thread, the interpreter's thread and the control thread all publish, and a
/// ZeroMQ socket must not be used by two threads at once, hence the lock.
final class IOPubPublisher: @unchecked Sendable {
  private let socket: ZMQSocket
  private let signer: MessageSigner
  private let session: String
  private let lock = NSLock()

  init(socket: ZMQSocket, signer: MessageSigner, session: String) {
    self.socket = socket
    self.signer = signer
    self.session = session
  }

  func publish(_ type: String, _ content: JSONValue, parent: Message?) {
    // The topic frame: front ends subscribe to everything, so any prefix will do; the type
    // makes captures readable.
    let message = Message(type, content: content, parent: parent, session: session, identities: [Data(type.utf8)])
    lock.lock()
    defer { lock.unlock() }
    do {
      try socket.send(message.frames(signer: signer))
    } catch let error as ZMQError where error.isTerminated {
      // Shutting down: nobody is listening any more.
    } catch {
      FileHandle.standardError.write(Data("joule kernel: cannot publish \(type): \(error)\n".utf8))
    }
  }

  func close() {
    lock.lock()
    defer { lock.unlock() }
    socket.close()
  }

  func status(_ state: String, parent: Message?) {
    publish("status", ["execution_state": .string(state)], parent: parent)
  }
}
