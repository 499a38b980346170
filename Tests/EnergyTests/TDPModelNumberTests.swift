import Energy
import Foundation
import Testing

// The TDP table's fallback when no entry matches a name whole: the entry with its model number.

@Test func aNameWithoutItsSeriesWordFindsTheEntryOfItsModelNumber() throws {
  // SPECpower's spellings of CPUs that CodeCarbon lists under their full names.
  let platinum = try #require(CPUTDPTable.lookup("Intel Xeon 8480+"))
  #expect(platinum.name == "Intel Xeon Platinum 8480+" && platinum.tdpWatts == 350)
  #expect(CPUTDPTable.lookup("Intel(R) Xeon(R) 8480+,")?.name == "Intel Xeon Platinum 8480+")
  #expect(CPUTDPTable.lookup("Intel Xeon-D 2776NT")?.name == "Intel Xeon D-2776NT")
  #expect(CPUTDPTable.lookup("Intel Xeon E3-1265LV2")?.name == "Intel Xeon E3-1265L v2")
  #expect(CPUTDPTable.lookup("Intel Xeon 5675")?.name == "Intel Xeon X5675")
  // A whole match still wins, and a name with no model number, or one nobody lists, finds nothing.
  #expect(CPUTDPTable.lookup("Intel Xeon Gold 6252")?.name == "Intel Xeon Gold 6252")
  #expect(CPUTDPTable.lookup("Grace CPU Superchip") == nil)
  #expect(CPUTDPTable.lookup("Intel Core Ultra 7 255H") == nil)
  // Another vendor's part with the same number is not this one.
  #expect(CPUTDPTable.lookup("AMD Opteron 2356") == nil)  // Intel's Xeon E-2356G is "2356g" anyway
  #expect(CPUTDPTable.lookup("AMD Xeon 8480") == nil)
}

@Test func aModelNumberIsItsDigitTokensWithoutTheSeriesLetters() {
  #expect(CPUTDPTable.modelNumber(of: "Intel Xeon X5675") == "5675")
  #expect(CPUTDPTable.modelNumber(of: "Intel Xeon D-2776NT") == "2776nt")
  #expect(CPUTDPTable.modelNumber(of: "Intel Xeon E3-1265L v2") == "31265lv2")
  #expect(CPUTDPTable.modelNumber(of: "Intel Xeon E3-1265LV2") == "31265lv2")
  #expect(CPUTDPTable.modelNumber(of: "AMD Opteron 4164 EE") == "4164ee")
  #expect(CPUTDPTable.modelNumber(of: "AMD EPYC") == "")
}

@Test func joulesModelNumbersAgreeWithTheFitScriptsOnEveryTableName() throws {
  // The fit (scripts/power_model_common.py) and joule must find the same entry for a name.
  let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts")
  let names = CPUTDPTable.entries.map(\.name)
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
  p.arguments = ["-c", "import sys\nfrom power_model_common import model_number, tokens\n"
    + "for line in sys.stdin.read().split('\\n'):\n    print(model_number(tokens(line)))"]
  p.environment = ["PYTHONPATH": scripts.path]
  let input = Pipe(), output = Pipe()
  p.standardInput = input
  p.standardOutput = output
  try p.run()
  // Written from another thread: 4,900 lines fill the pipe before Python's output is read.
  let writer = Thread {
    input.fileHandleForWriting.write(Data(names.joined(separator: "\n").utf8))
    try? input.fileHandleForWriting.close()
  }
  writer.start()
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  #expect(p.terminationStatus == 0)
  let python = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  #expect(python.count >= names.count)
  let disagree = zip(names, python).filter { CPUTDPTable.modelNumber(of: $0.0) != $0.1 }
  #expect(disagree.isEmpty, "\(disagree.prefix(5))")
}

@Test func theWallScopeTakesTheGenerationOfTheEntryANameMatched() {
  // "Intel Xeon 8480+" says no generation itself; its entry, Xeon Platinum 8480+, is Sapphire Rapids.
  let m = CPUPowerModel.make(for: .named("Intel Xeon 8480+", threads: 224, sockets: 2, memoryGB: 512), scope: .wall)
  #expect(m.origin.contains("generation sapphire-rapids"), "\(m.origin)")
  #expect(m.origin.contains("Intel Xeon Platinum 8480+: TDP 350 W"), "\(m.origin)")
  #expect(m.origin.contains("shape: server2017 fit"), "\(m.origin)")
}
