import Testing
@Test func joulekitTargetBuilds() { #expect(Bool(true)) }
