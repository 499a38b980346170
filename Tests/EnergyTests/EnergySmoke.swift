import Testing
@Test func energyTargetBuilds() { #expect(Bool(true)) }
