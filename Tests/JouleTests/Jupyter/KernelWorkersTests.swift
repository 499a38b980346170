import Foundation
import Testing
import TestSupport

/// `tune(..., workers: 4)` in the Jupyter kernel, driven through jupyter_client
/// (kernel_probe.py `workers`): the trials run in workers forked from the kernel, what they
/// print reaches the cell, and the interrupt button stops them all and leaves no process.
@Suite struct KernelWorkersTests {
  static let folder = Result { try TemporaryFolder() }
  static let transcript: Result<[String: Any], Error> = Result {
    let store = try folder.get().path("stop.sqlite")
    let out = try JupyterEnvironment.shared().python([JupyterEnvironment.probe, "workers", store])
    guard let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any] else {
      throw JupyterEnvironment.Failure("kernel_probe.py printed no JSON object: \(out.prefix(500))")
    }
    return json
  }

  static func stdout(_ cell: Any?) -> String {
    let iopub = ((cell as? [String: Any])?["iopub"] as? [[Any]]) ?? []
    return iopub.filter { $0.first as? String == "stream" }
      .compactMap { (($0.last as? [String: Any])?["text"] as? String) }.joined()
  }

  @Test func sixteenHalfSecondTrialsOnFourWorkersTakeUnderThreeSecondsEachOnce() throws {
    let json = try Self.transcript.get()
    let sweep = try #require(json["sweep"] as? [String: Any])
    #expect((sweep["reply"] as? [String: Any])?["status"] as? String == "ok")
    let text = Self.stdout(sweep)
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("row ") }.map { $0.split(separator: " ") }
    #expect(rows.count == 16, "\(text)")
    #expect(Set(rows.map { $0[2] }).count == 16, "every suggestion once")
    #expect(rows.allSatisfy { $0[3] == "complete" })
    #expect(text.components(separatedBy: "trial ").count - 1 == 16, "each trial's print reaches the cell once")
    let seconds = try #require(json["sweep_seconds"] as? Double)
    #expect(seconds < 3, "16 × 0.5 s on 4 workers took \(seconds) s")
    #expect((json["children_after_sweep"] as? [Int])?.isEmpty == true, "workers left behind")
    #expect(Self.stdout(json["before"]) == "once\n")
  }

  @Test func theInterruptStopsEveryWorkersTrialAndKeepsTheSession() throws {
    let json = try Self.transcript.get()
    #expect(json["children_while_running"] as? Int == 4)
    let reply = try #require(json["interrupt_reply"] as? [String: Any])
    #expect(reply["ename"] as? String == "Interrupted")
    #expect(try #require(json["seconds_to_stop"] as? Double) < 5)
    #expect((json["children_after_interrupt"] as? [Int])?.isEmpty == true, "no worker left: \(json["children_after_interrupt"] ?? "")")
    let after = try #require(json["after"] as? [String: Any])
    let rows = Self.stdout(after).split(separator: "\n")
    #expect(rows.count == 4 && rows.allSatisfy { $0.hasSuffix(" interrupted") }, "\(rows)")
    let iopub = try #require(after["iopub"] as? [[Any]])
    let result = iopub.first { $0.first as? String == "execute_result" }?.last as? [String: Any]
    #expect((result?["data"] as? [String: Any])?["text/plain"] as? String == "5", "the session's variables stay")
    #expect(json["alive"] as? Bool == true)
  }
}
