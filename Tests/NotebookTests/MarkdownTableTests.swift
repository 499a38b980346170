import Notebook
import Script
import Testing

@Test func aListOfRecordsBecomesAMarkdownTableWithNumbersRightAligned() throws {
  let rows: [Record] = [
    Record([("model", .string("small")), ("accuracy", .float(0.8123456789)), ("epochs", .int(2))]),
    Record([("model", .string("a|b\nc")), ("accuracy", .float(0.9)), ("note", .string("new"))]),
  ]
  let table = try #require(MarkdownTable(.table(rows)))
  #expect(table.markdown == """
    | model | accuracy | epochs | note |
    | --- | ---: | ---: | --- |
    | small | 0.8123 | 2 |   |
    | a\\|b\\\\nc | 0.9000 |   | new |
    """)
}

@Test func valuesThatAreNotTablesAreNotTables() {
  #expect(MarkdownTable(.list([.int(1)])) == nil)
  #expect(MarkdownTable(.list([])) == nil)
  #expect(MarkdownTable(.string("x")) == nil)
}

@Test func longTablesAreCut() throws {
  let rows = (0..<100).map { Record([("i", .int($0))]) }
  let md = try #require(MarkdownTable(.table(rows))).markdown
  #expect(md.contains("... 40 more rows"))
  #expect(md.split(separator: "\n", omittingEmptySubsequences: false).count == 2 + 60 + 2)
}
