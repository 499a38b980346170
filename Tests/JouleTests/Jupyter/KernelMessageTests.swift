import Foundation
import Testing
import TestSupport

/// The joule kernel answering jupyter_client's KernelManager and BlockingKernelClient, as
/// JupyterLab and nbclient do: one kernel session (kernel_probe.py `messages`) whose
/// transcript each test reads.
@Suite(.serialized) struct KernelMessageTests {
  /// The transcript, recorded once for the suite.
  static let transcript: Result<[String: Any], Error> = Result {
    let out = try JupyterEnvironment.shared().python([JupyterEnvironment.probe, "messages"])
    guard let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any] else {
      throw JupyterEnvironment.Failure("kernel_probe.py printed no JSON object: \(out.prefix(500))")
    }
    return json
  }

  func step(_ name: String) throws -> [String: Any] {
    try #require(try Self.transcript.get()[name] as? [String: Any])
  }

  /// The iopub messages of an execute step, other than its status and execute_input.
  func outputs(_ name: String) throws -> [(type: String, content: [String: Any])] {
    let iopub = try #require(try step(name)["iopub"] as? [[Any]])
    return iopub.compactMap { pair in
      guard let type = pair.first as? String, let content = pair.last as? [String: Any] else { return nil }
      return ["status", "execute_input"].contains(type) ? nil : (type, content)
    }
  }

  func reply(_ name: String) throws -> [String: Any] { try #require(try step(name)["reply"] as? [String: Any]) }

  @Test func kernelInfoNamesTheLanguageAndProtocol() throws {
    let info = try step("kernel_info")
    #expect(info["protocol_version"] as? String == "5.3")
    let language = try #require(info["language_info"] as? [String: Any])
    #expect(language["name"] as? String == "joule")
    #expect(language["file_extension"] as? String == ".jnb")
    let version = try JouleBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(language["version"] as? String == version)
  }

  @Test func printStreamsAndTheLastValueIsTheNumberedResult() throws {
    let out = try outputs("print")
    #expect(out.count == 2)
    #expect(out.first?.type == "stream")
    #expect(out.first?.content["text"] as? String == "hello\n")
    #expect(out.last?.type == "execute_result")
    #expect((out.last?.content["data"] as? [String: Any])?["text/plain"] as? String == "42")
    #expect(out.last?.content["execution_count"] as? Int == 1)
    #expect(try reply("print")["status"] as? String == "ok")
  }

  @Test func statusGoesBusyThenIdleAroundEachRequest() throws {
    let iopub = try #require(try step("print")["iopub"] as? [[Any]])
    let states = iopub.filter { $0.first as? String == "status" }.map { ($0.last as? [String: Any])?["execution_state"] as? String }
    #expect(states == ["busy", "idle"])
    #expect((iopub.first?.first as? String) == "status")
    #expect((iopub.last?.first as? String) == "status")
  }

  @Test func variablesStayFromCellToCellAndCountsGoUp() throws {
    let out = try outputs("kept")
    #expect((out.first?.content["data"] as? [String: Any])?["text/plain"] as? String == "41")
    #expect(try reply("kept")["execution_count"] as? Int == 2)
  }

  @Test func replyMetadataCarriesSecondsAndLabelledJoules() throws {
    let metadata = try #require(try step("print")["metadata"] as? [String: Any])
    let seconds = try #require(metadata["seconds"] as? Double)
    let joules = try #require(metadata["energy_j"] as? Double)
    #expect(seconds > 0 && seconds < 30)
    #expect(joules >= 0)
    let estimated = try #require(metadata["estimated"] as? Bool)
    #expect(metadata["energy_source"] as? String != nil)
    // An estimate always names its model.
    if estimated { #expect((metadata["energy_model"] as? String)?.isEmpty == false) }
  }

  @Test func aTableIsPlainTextAndMarkdown() throws {
    let data = try #require(try outputs("table").first?.content["data"] as? [String: Any])
    #expect((data["text/markdown"] as? String)?.hasPrefix("| model | accuracy |\n| --- | ---: |") == true)
    #expect((data["text/plain"] as? String)?.contains("0.75") == true)
  }

  @Test func aFigureIsDisplayDataWithPNGAndSVG() throws {
    let out = try outputs("figure")
    #expect(out.map(\.type) == ["display_data"])
    let data = try #require(out.first?.content["data"] as? [String: Any])
    let png = try #require(Data(base64Encoded: data["image/png"] as? String ?? ""))
    #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    #expect((data["image/svg+xml"] as? String)?.contains("<svg") == true)
    #expect(data["text/plain"] as? String != nil)
  }

  @Test func everyFigureACellMakesIsDisplayedInOrderWithTheValueLast() throws {
    let out = try outputs("two_figures")
    // Two plots, a dropped describe() (silent, as in Jupyter), then the cell's value.
    #expect(out.map(\.type) == ["display_data", "display_data", "execute_result"])
    let first = try #require(out.first?.content["data"] as? [String: Any])
    #expect((first["image/svg+xml"] as? String)?.contains("<svg") == true)
    let result = try #require(out.last?.content["data"] as? [String: Any])
    #expect(result["text/plain"] as? String == "2")
  }

  @Test func aRuntimeErrorShowsMessagePositionAndCaret() throws {
    let out = try outputs("error")
    #expect(out.map(\.type) == ["error"])
    let traceback = try #require(out.first?.content["traceback"] as? [String])
    #expect(traceback == ["In[5]:2:1: error: undefined variable 'undefined_name'", "  undefined_name + 1", "  ^"])
    let r = try reply("error")
    #expect(r["status"] as? String == "error")
    #expect(r["ename"] as? String == "RuntimeError")
    #expect(r["evalue"] as? String == "undefined variable 'undefined_name'")
  }

  @Test func aSyntaxErrorIsReportedAndTheKernelGoesOn() throws {
    let r = try reply("syntax")
    #expect(r["ename"] as? String == "SyntaxError")
    #expect((r["traceback"] as? [String])?.first?.hasPrefix("In[6]:1:") == true)
    #expect(try reply("silent")["status"] as? String == "ok")
  }

  @Test func aSilentCellPublishesNothingAndKeepsTheCount() throws {
    #expect(try outputs("silent").isEmpty)
    #expect(try reply("silent")["execution_count"] as? Int == 6)
  }

  @Test func aCellQueuedBehindAFailingOneIsAborted() throws {
    #expect(try Self.transcript.get()["abort"] as? [String] == ["error", "aborted"])
  }

  @Test func completionOffersNamesFieldsAndKeywords() throws {
    let names = try step("complete")
    #expect((names["matches"] as? [String])?.contains("train") == true)
    #expect(names["cursor_start"] as? Int == 0 && names["cursor_end"] as? Int == 3)
    let fields = try step("complete_field")
    #expect(fields["matches"] as? [String] == ["alpha"])
    #expect(fields["cursor_start"] as? Int == 2)
    // The keyword first; a builtin whose name starts alike (epochs_to) may follow.
    #expect((try step("complete_keyword")["matches"] as? [String])?.first == "epochs:")
  }

  @Test func inspectShowsHelpForBuiltinsAndValuesForVariables() throws {
    let help = try step("inspect")
    #expect(help["found"] as? Bool == true)
    #expect(((help["data"] as? [String: Any])?["text/plain"] as? String)?.hasPrefix("train(model, data") == true)
    let variable = try step("inspect_variable")
    #expect((variable["data"] as? [String: Any])?["text/plain"] as? String == "x: int\n41")
  }

  @Test func isCompleteFollowsTheParser() throws {
    let answers = try #require(try Self.transcript.get()["is_complete"] as? [[String: Any]])
    #expect(answers.map { $0["status"] as? String } == ["complete", "incomplete", "invalid"])
  }

  @Test func theHeartbeatEchoes() throws {
    #expect(try Self.transcript.get()["heartbeat"] as? Bool == true)
  }

  @Test func shutdownEndsTheKernelPromptly() throws {
    // jupyter_client waits up to 5 s before it kills a kernel that did not exit by itself.
    let seconds = try #require(try Self.transcript.get()["shutdown_seconds"] as? Double)
    #expect(seconds < 4)
  }
}
