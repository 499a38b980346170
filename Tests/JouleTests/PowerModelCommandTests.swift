import Foundation
import TestSupport
import Testing

@Test func powerModelPrintsTheModelItsOriginAndCSVRows() throws {
  let r = try JouleBinary.run(["power-model", "--cpu", "Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", "--sockets", "2",
                               "--threads", "24", "--load", "0,0.5,1"], environment: ["JOULE_CPU_WATTS": "", "JOULE_ENERGY_SCOPE": "package"])
  #expect(r.status == 0, "\(r.stderr)")
  let lines = r.stdout.split(separator: "\n").map(String.init)
  #expect(lines.contains("# scope: package"))
  #expect(lines.contains { $0.hasPrefix("# origin: Intel Xeon E5-2620 v3: TDP 85 W (CodeCarbon's table) × 2 sockets") })
  let csv = Array(lines.drop { $0 != "load,watts,low,high" })
  #expect(csv.count == 4)
  let rows = csv.dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
  #expect(rows.map { $0[0] } == [0, 0.5, 1])
  // Power rises with load, and every row's interval brackets its figure.
  #expect(rows[0][1] < rows[1][1] && rows[1][1] < rows[2][1])
  #expect(rows.allSatisfy { $0[2] < $0[1] && $0[1] < $0[3] })
}

@Test func powerModelDescribesThisMachineAndTheWallScope() throws {
  let r = try JouleBinary.run(["power-model", "--scope", "wall", "--load", "1"], environment: ["JOULE_CPU_WATTS": ""])
  #expect(r.status == 0, "\(r.stderr)")
  #expect(r.stdout.contains("# joule power-model: specpower-wall, scope wall"))
  #expect(r.stdout.contains("# machine: "))
}

@Test func powerModelRejectsABadLoadWithItsPosition() throws {
  let r = try JouleBinary.run(["power-model", "--load", "0,0.5,x"])
  #expect(r.status == 64)
  #expect(r.stderr.contains("--load item 3 ('x') is not a number from 0 to 1"))
}
