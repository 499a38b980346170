import Testing
@Test func notebookTargetBuilds() { #expect(Bool(true)) }
