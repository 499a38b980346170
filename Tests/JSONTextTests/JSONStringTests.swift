import Foundation
import JSONText
import Testing

@Test func quotedEscapesWhatJSONRequiresAndKeepsTheRest() {
  #expect(JSONString.quoted("plain") == "\"plain\"")
  #expect(JSONString.quoted("say \"hi\"\\") == #""say \"hi\"\\""#)
  #expect(JSONString.quoted("a\nb\tc\rd\u{08}e\u{0C}f") == #""a\nb\tc\rd\be\ff""#)
  #expect(JSONString.quoted("\u{01}\u{1F}") == #""\u0001\u001f""#)
  // Non-ASCII stays as it is, as Python writes with ensure_ascii=False.
  #expect(JSONString.quoted("µJ — 焦耳") == "\"µJ — 焦耳\"")
}

@Test func quotedStringsReadBackThroughFoundationsParser() throws {
  let samples = ["", "x", "quote \" and \\ slash", "lines\n\r\t", "\u{00}\u{07}\u{1B}", "emoji 🔋 ok"]
  for s in samples {
    let data = Data("[\(JSONString.quoted(s))]".utf8)
    let back = try JSONSerialization.jsonObject(with: data) as? [String]
    #expect(back == [s])
  }
}
