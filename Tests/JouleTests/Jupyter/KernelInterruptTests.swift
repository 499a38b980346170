import Foundation
import Testing
import TestSupport

/// Jupyter's interrupt button (SIGINT, the kernelspec's interrupt_mode "signal") during a
/// cell that never ends: the cell stops, the session and its variables stay. One kernel
/// session (kernel_probe.py `interrupt`) serves both tests.
@Suite struct KernelInterruptTests {
  static let transcript: Result<[String: Any], Error> = Result {
    let out = try JupyterEnvironment.shared().python([JupyterEnvironment.probe, "interrupt"])
    guard let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any] else {
      throw JupyterEnvironment.Failure("kernel_probe.py printed no JSON object: \(out.prefix(500))")
    }
    return json
  }

  @Test func interruptStopsAnEndlessLoopAndKeepsVariables() throws {
    let json = try Self.transcript.get()
    let reply = try #require(json["reply"] as? [String: Any])
    #expect(reply["status"] as? String == "error")
    #expect(reply["ename"] as? String == "Interrupted")
    #expect((reply["traceback"] as? [String])?.first == "In[1]:3:1: interrupted")
    #expect(try #require(json["seconds_to_stop"] as? Double) < 5)
    let after = try #require(json["after"] as? [String: Any])
    let iopub = try #require(after["iopub"] as? [[Any]])
    let result = iopub.first { $0.first as? String == "execute_result" }?.last as? [String: Any]
    #expect((result?["data"] as? [String: Any])?["text/plain"] as? String == "7")
    #expect(json["alive"] as? Bool == true)
  }

  @Test func anInterruptRequestOnControlStopsTheCellToo() throws {
    let json = try Self.transcript.get()
    #expect((json["control_reply"] as? [String: Any])?["status"] as? String == "ok")
    #expect((json["message_reply"] as? [String: Any])?["ename"] as? String == "Interrupted")
    let iopub = try #require((json["after_message"] as? [String: Any])?["iopub"] as? [[Any]])
    let result = iopub.first { $0.first as? String == "execute_result" }?.last as? [String: Any]
    #expect((result?["data"] as? [String: Any])?["text/plain"] as? String == "10")
  }
}
