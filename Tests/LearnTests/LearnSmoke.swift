import Testing
@Test func learnTargetBuilds() { #expect(Bool(true)) }
