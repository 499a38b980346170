import Foundation

/// The connection file a Jupyter front end writes before it starts a kernel: where each
/// channel listens and the key that signs messages.
///
///     let info = try ConnectionInfo(contentsOf: "/run/user/1000/jupyter/kernel-1.json")
///     info.endpoint(info.shellPort)   // "tcp://127.0.0.1:53794"
public struct ConnectionInfo: Equatable, Sendable {
  public var transport: String
  public var ip: String
  public var shellPort: Int
  public var iopubPort: Int
  public var stdinPort: Int
  public var controlPort: Int
  public var heartbeatPort: Int
  public var key: String
  public var signatureScheme: String

  /// Reads a connection file; the error names the file and the missing or bad field.
  public init(contentsOf path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KernelError.connectionFile(path, "cannot read it")
    }
    let json: JSONValue
    do {
      json = try JSONValue(parsing: data)
    } catch {
      throw KernelError.connectionFile(path, "not JSON")
    }
    func port(_ name: String) throws -> Int {
      guard let p = json[name]?.int, (0...65535).contains(p) else {
        throw KernelError.connectionFile(path, "no valid '\(name)'")
      }
      return p
    }
    transport = json["transport"]?.string ?? "tcp"
    ip = json["ip"]?.string ?? "127.0.0.1"
    shellPort = try port("shell_port")
    iopubPort = try port("iopub_port")
    stdinPort = try port("stdin_port")
    controlPort = try port("control_port")
    heartbeatPort = try port("hb_port")
    key = json["key"]?.string ?? ""
    signatureScheme = json["signature_scheme"]?.string ?? "hmac-sha256"
    guard ["tcp", "ipc"].contains(transport) else {
      throw KernelError.connectionFile(path, "transport '\(transport)' is neither tcp nor ipc")
    }
    guard signatureScheme == "hmac-sha256" || key.isEmpty else {
      throw KernelError.connectionFile(path, "signature scheme '\(signatureScheme)' is not hmac-sha256")
    }
  }

  /// The ZeroMQ address of a channel: `tcp://ip:port`, or `ipc://ip-port` (Jupyter's file naming).
  public func endpoint(_ port: Int) -> String {
    transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
  }
}
