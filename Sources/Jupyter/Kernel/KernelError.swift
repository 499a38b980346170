/// Why a kernel could not start or a message could not be read.
///
///     KernelError.connectionFile("k.json", "no valid 'shell_port'").description
///     // "connection file k.json: no valid 'shell_port'"
public enum KernelError: Error, CustomStringConvertible, Equatable {
  case connectionFile(String, String)
  /// A message whose frames are not `<IDS|MSG>`, signature, four JSON dicts.
  case malformedMessage(String)
  /// A message whose HMAC does not match: not from the front end that holds the key.
  case badSignature

  public var description: String {
    switch self {
    case .connectionFile(let path, let why): return "connection file \(path): \(why)"
    case .malformedMessage(let why): return "malformed message: \(why)"
    case .badSignature: return "message signature does not match the connection key"
    }
  }
}
