import Testing
@Test func plotTargetBuilds() { #expect(Bool(true)) }
