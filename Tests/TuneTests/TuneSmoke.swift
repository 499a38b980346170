import Testing
@Test func tuneTargetBuilds() { #expect(Bool(true)) }
