import Foundation

/// One Jupyter message: routing identities, then header, parent header, metadata and content.
///
///     let reply = request.reply("kernel_info_reply", content: ["status": "ok"], session: session)
///     try shell.send(reply.frames(signer: signer))
///
/// On the wire (messaging protocol 5.3): identities…, `<IDS|MSG>`, HMAC, header, parent
/// header, metadata, content, then any raw buffers.
public struct Message: Sendable {
  public var identities: [Data]
  public var header: JSONValue
  public var parentHeader: JSONValue
  public var metadata: JSONValue
  public var content: JSONValue
  public var buffers: [Data]

  /// The protocol version joule speaks.
  public static let protocolVersion = "5.3"
  static let delimiter = Data("<IDS|MSG>".utf8)

  public init(identities: [Data] = [], header: JSONValue, parentHeader: JSONValue = .emptyObject,
              metadata: JSONValue = .emptyObject, content: JSONValue, buffers: [Data] = []) {
    self.identities = identities
    self.header = header
    self.parentHeader = parentHeader
    self.metadata = metadata
    self.content = content
    self.buffers = buffers
  }

  /// A new message of `type` in reply to (or caused by) `parent`.
  public init(_ type: String, content: JSONValue, parent: Message?, session: String,
              metadata: JSONValue = .emptyObject, identities: [Data] = []) {
    self.init(identities: identities, header: Message.header(type, session: session),
              parentHeader: parent?.header ?? .emptyObject, metadata: metadata, content: content)
  }

  public var type: String { header["msg_type"]?.string ?? "" }
  public var id: String { header["msg_id"]?.string ?? "" }

  /// The reply to this request, sent back to the same peer (its identities).
  public func reply(_ type: String, content: JSONValue, session: String, metadata: JSONValue = .emptyObject) -> Message {
    Message(type, content: content, parent: self, session: session, metadata: metadata, identities: identities)
  }

  /// Reads the frames of a received message, checking its signature.
  public init(frames: [Data], signer: MessageSigner) throws {
    guard let split = frames.firstIndex(of: Message.delimiter) else {
      throw KernelError.malformedMessage("no <IDS|MSG> delimiter")
    }
    let parts = Array(frames[(split + 1)...])
    guard parts.count >= 5 else { throw KernelError.malformedMessage("\(parts.count) frames after the delimiter, want 5") }
    let signature = String(decoding: parts[0], as: UTF8.self)
    guard signer.verify(signature, of: Array(parts[1...4])) else { throw KernelError.badSignature }
    func dict(_ i: Int, _ name: String) throws -> JSONValue {
      guard let v = try? JSONValue(parsing: parts[i]), case .object = v else {
        throw KernelError.malformedMessage("the \(name) is not a JSON object")
      }
      return v
    }
    self.init(identities: Array(frames[..<split]), header: try dict(1, "header"),
              parentHeader: try dict(2, "parent header"), metadata: try dict(3, "metadata"),
              content: try dict(4, "content"), buffers: Array(parts.dropFirst(5)))
  }

  /// The frames to send, signed.
  public func frames(signer: MessageSigner) -> [Data] {
    let body = [header.data, parentHeader.data, metadata.data, content.data]
    return identities + [Message.delimiter, Data(signer.signature(of: body).utf8)] + body + buffers
  }

  /// A header: a fresh id, the kernel's session, the time in ISO 8601 with microseconds.
  static func header(_ type: String, session: String) -> JSONValue {
    [
      "msg_id": .string(UUID().uuidString.lowercased()),
      "session": .string(session),
      "username": .string(ProcessInfo.processInfo.environment["USER"] ?? "joule"),
      "date": .string(Message.timestamp(Date())),
      "msg_type": .string(type),
      "version": .string(protocolVersion),
    ]
  }

  /// `2026-12-02T03:04:05.123456Z`, the form Jupyter's own kernels write.
  static func timestamp(_ date: Date) -> String {
    let seconds = date.timeIntervalSince1970
    let whole = Int(seconds.rounded(.down))
    let micro = Int((seconds - Double(whole)) * 1e6)
    var t = time_t(whole)
    var parts = tm()
    gmtime_r(&t, &parts)
    return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                  Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), micro)
  }
}
