import Foundation
import Testing
import TestSupport
import Workload

/// The five-line Python example in docs/external-programs.md speaks the protocol, on the report
/// descriptor and, without one, on stdout.
@Suite struct ProtocolDocTests {
  static func example() throws -> String {
    let doc = try String(contentsOf: JouleBinary.repositoryRoot.appendingPathComponent("docs/external-programs.md"),
                         encoding: .utf8)
    guard let start = doc.range(of: "```python\n"), let end = doc.range(of: "```", range: start.upperBound..<doc.endIndex)
    else { return "" }
    return String(doc[start.upperBound..<end.lowerBound])
  }

  @Test func theDocumentedExampleReportsThroughBothChannels() throws {
    let program = try Self.example() + "report(step=1, accuracy=0.5)\nprint(json.dumps({'accuracy': 0.9}))\n"
    #expect(program.split(separator: "\n").count == 7)
    let viaDescriptor = try CommandRunner().run(Command(["python3", "-c", program]))
    #expect(viaDescriptor.reports.map(\.step) == [1])
    #expect(viaDescriptor.reports.first?.values == ["accuracy": 0.5])
    #expect(viaDescriptor.stdout.text == "{\"accuracy\": 0.9}\n")
    #expect(viaDescriptor.metrics == ["accuracy": 0.9])

    let viaStdout = try CommandRunner().run(Command(["env", "-u", "JOULE_REPORT_FD", "python3", "-c", program]))
    #expect(viaStdout.reports.first?.values == ["accuracy": 0.5])
    #expect(viaStdout.stdout.text.hasPrefix("JOULE_REPORT {\"step\": 1"))
    #expect(viaStdout.metrics == ["accuracy": 0.9])
  }
}
