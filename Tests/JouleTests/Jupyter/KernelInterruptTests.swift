import Foundation
import Testing
import TestSupport

/// Jupyter's interrupt button (SIGINT, the kernelspec's interrupt_mode "signal") during a
/// cell that never ends: the cell stops, the session and its variables stay.
@Suite struct KernelInterruptTests {
  @Test func interruptStopsAnEndlessLoopAndKeepsVariables() throws {
    let out = try JupyterEnvironment.shared().python([JupyterEnvironment.probe, "interrupt"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let reply = try #require(json["reply"] as? [String: Any])
    #expect(reply["status"] as? String == "error")
    #expect(reply["ename"] as? String == "Interrupted")
    #expect((reply["traceback"] as? [String])?.first == "In[1]:2:1: interrupted")
    #expect(try #require(json["seconds_to_stop"] as? Double) < 5)
    let after = try #require(json["after"] as? [String: Any])
    let iopub = try #require(after["iopub"] as? [[Any]])
    let result = iopub.first { $0.first as? String == "execute_result" }?.last as? [String: Any]
    #expect((result?["data"] as? [String: Any])?["text/plain"] as? String == "7")
    #expect(json["alive"] as? Bool == true)
  }
}
