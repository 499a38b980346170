import Crypto
import Foundation

/// Signs and checks messages with the connection key: HMAC-SHA256 over the header, parent
/// header, metadata and content frames, written as lowercase hex (Jupyter messaging, "The
/// Wire Protocol"). An empty key means the front end turned signing off.
///
///     let signer = MessageSigner(key: "a0436f6c-1916-498b-8eb9-e81ab9368e84")
///     let sig = signer.signature(of: [header, parent, metadata, content])
///     signer.verify(sig, of: [header, parent, metadata, content])   // true
public struct MessageSigner: @unchecked Sendable {  // the key is immutable
  private let key: SymmetricKey?

  public init(key: String) {
    self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
  }

  public func signature(of frames: [Data]) -> String {
    guard let key else { return "" }
    var hmac = HMAC<SHA256>(key: key)
    for frame in frames { hmac.update(data: frame) }
    return Data(hmac.finalize()).map { String(format: "%02x", $0) }.joined()
  }

  /// Compares in constant time, so the check leaks nothing about the expected signature.
  public func verify(_ signature: String, of frames: [Data]) -> Bool {
    guard key != nil else { return true }
    let expected = Array(self.signature(of: frames).utf8)
    let given = Array(signature.utf8)
    guard expected.count == given.count else { return false }
    return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
