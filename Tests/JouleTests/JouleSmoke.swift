import Testing
@Test func jouleTargetBuilds() { #expect(Bool(true)) }
