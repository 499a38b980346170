import Script
import Testing

@Suite struct DisplayTests {
  @Test func numbersReadWithFourSignificantDigits() {
    let f = NumberFormat()
    #expect(f.text(16.731196963541606) == "16.73")
    #expect(f.text(0.9123456) == "0.9123")
    #expect(f.text(2.0) == "2.0")
    #expect(f.text(0) == "0.0")
    #expect(f.text(-0.00012346) == "-0.0001235")
    #expect(f.text(0.000012345) == "1.234e-05")
    #expect(f.text(123456.7) == "123457")
    #expect(f.text(2.5e20) == "2.5e+20")
    #expect(f.text(.nan) == "nan")
    #expect(NumberFormat(digits: 2).text(16.73) == "17.0")
  }

  @Test func aColumnSharesItsDecimalsSoPointsLineUp() {
    let f = NumberFormat()
    #expect(f.column([2.5, 0.9123, 16.73, nil]) == ["2.5000", "0.9123", "16.7300", nil])
    #expect(f.column([0.5, 0.25]) == ["0.50", "0.25"])
    #expect(f.column([1e-7, 3e-6]) == ["1e-07", "3e-06"])
    #expect(f.column([0.663, 9.15e-6]) == ["0.663", "0.000"])
  }

  @Test func aWideTableLosesColumnsOnTheRightWithAMarkerInsteadOfWrapping() {
    var r = Record()
    for i in 0..<20 { r["column_\(i)"] = .float(Double(i) + 0.123456) }
    let text = Table(rows: [r, r]).text(width: 100)
    let lines = text.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 100 })
    #expect(lines[0].hasSuffix("..."))
    #expect(lines.last!.hasPrefix("("))
    #expect(lines.last!.contains("more columns: "))
    // Without a width every column is there.
    #expect(Table(rows: [r]).text().contains("column_19"))
  }

  @Test func longTextCellsAreCutSoATableStaysNarrow() {
    let long = String(repeating: "why ", count: 30)
    let text = Table(rows: [Record([("source", .string("estimate")), ("why", .string(long))])]).text()
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 })
    #expect(text.hasSuffix("…"))
  }

  @Test func tableViewPicksColumnsAndPrecisionButKeepsTheRows() {
    let rows = [Record([("lr", .float(0.01)), ("acc", .float(0.91234567)), ("note", .string("a"))])]
    let t = TableView(rows: rows, columns: ["acc", "lr"], digits: 3)
    #expect(t.displayText == "  acc    lr\n0.912  0.01")
    guard case .list(let back)? = t.field("rows"), case .record(let r) = back[0] else { Issue.record("no rows"); return }
    #expect(r["acc"]!.isEqual(to: .float(0.91234567)))
  }
}
