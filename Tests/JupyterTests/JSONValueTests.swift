import Foundation
import Jupyter
import Testing

/// JSON as message frames carry it.
@Suite struct JSONValueTests {
  @Test func parsesEveryKindOfValue() throws {
    let v = try JSONValue(parsing: Data(#"{"a": [1, 2.5, true, null, "x\ny"], "b": {"c": -3}}"#.utf8))
    #expect(v["a"]?[0] == .int(1))
    #expect(v["a"]?[1] == .double(2.5))
    #expect(v["a"]?[2] == .bool(true))
    #expect(v["a"]?[3] == .null)
    #expect(v["a"]?[4]?.string == "x\ny")
    #expect(v["b"]?["c"]?.int == -3)
  }

  @Test func textReadsBackAsTheSameValue() throws {
    let v: JSONValue = ["s": "quote \" slash \\ tab \t bell \u{7} é", "n": 1e-5, "i": 42, "l": [true, nil], "e": [:]]
    #expect(try JSONValue(parsing: v.data) == v)
  }

  @Test func keysKeepInsertionOrderAndNonFiniteNumbersBecomeNull() {
    let v: JSONValue = ["z": 1, "a": .double(.infinity)]
    #expect(v.text == #"{"z":1,"a":null}"#)
  }

  @Test func invalidTextThrows() {
    #expect(throws: (any Error).self) { try JSONValue(parsing: Data("{nope".utf8)) }
  }
}
