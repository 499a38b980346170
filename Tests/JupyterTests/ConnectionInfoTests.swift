import Foundation
import Jupyter
import Testing

/// Reading the connection file a front end writes.
@Suite struct ConnectionInfoTests {
  func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kernel-\(UUID().uuidString).json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func readsPortsKeyAndEndpoints() throws {
    let path = try write("""
      {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
       "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "joule"}
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let info = try ConnectionInfo(contentsOf: path)
    #expect(info.shellPort == 5001 && info.heartbeatPort == 5005)
    #expect(info.key == "k")
    #expect(info.endpoint(info.controlPort) == "tcp://127.0.0.1:5004")
  }

  @Test func ipcEndpointsNameAFilePerPort() throws {
    let path = try write("""
      {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,
       "ip": "/tmp/kernel-x", "key": "", "transport": "ipc"}
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try ConnectionInfo(contentsOf: path).endpoint(2) == "ipc:///tmp/kernel-x-2")
  }

  @Test func aMissingPortIsNamedInTheError() throws {
    let path = try write(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4}"#)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: KernelError.connectionFile(path, "no valid 'hb_port'")) { try ConnectionInfo(contentsOf: path) }
  }

  @Test func aMissingFileIsAnError() {
    #expect(throws: KernelError.connectionFile("/nonexistent/k.json", "cannot read it")) {
      try ConnectionInfo(contentsOf: "/nonexistent/k.json")
    }
  }
}
