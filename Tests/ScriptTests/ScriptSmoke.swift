import Testing
@Test func scriptTargetBuilds() { #expect(Bool(true)) }
