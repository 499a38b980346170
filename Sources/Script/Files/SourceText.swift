import Foundation

/// Text read from a file: UTF-8 only. A file in another encoding, or a binary one, is refused
/// with the first offending byte and where it is, instead of being read as replacement
/// characters that fail somewhere else.
///
///     try SourceText.decode(bytes, name: "train.joule")
///     // train.joule is not UTF-8 text (invalid byte 0xFF at line 3, column 7)
public enum SourceText {
  /// The text of `bytes`; throws a syntax-kind `ScriptError` naming `name` when they are not
  /// UTF-8 text. A NUL byte counts as invalid: text files do not hold one, binary files do.
  public static func decode<Bytes: Collection>(_ bytes: Bytes, name: String) throws -> String
  where Bytes.Element == UInt8 {
    if let bad = firstInvalidByte(bytes) {
      throw ScriptError(.syntax, "\(name) is not UTF-8 text (invalid byte \(hex(bad.byte)) at line \(bad.line), column \(bad.column))")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The file at `path` as text; throws the reason when it cannot be read (see `FileProblem`)
  /// or is not UTF-8 text.
  public static func read(contentsOf path: String, name: String? = nil) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ScriptError.runtime(FileProblem.reading(path, shown: name ?? path))
    }
    return try decode(data, name: name ?? path)
  }

  /// The file a user named, as text; a relative path's errors say which folder it was
  /// looked for in (see `UserPath`).
  public static func read(_ path: UserPath) throws -> String {
    guard let data = FileManager.default.contents(atPath: path.absolute) else {
      throw ScriptError.runtime(FileProblem.reading(path))
    }
    return try decode(data, name: path.written)
  }

  static func hex(_ b: UInt8) -> String {
    let digits = String(b, radix: 16, uppercase: true)
    return "0x" + (digits.count == 1 ? "0" : "") + digits
  }

  /// The first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlong forms,
  /// no surrogates, nothing above U+10FFFF), with its 1-based line and character column.
  static func firstInvalidByte<Bytes: Collection>(_ bytes: Bytes) -> (byte: UInt8, line: Int, column: Int)?
  where Bytes.Element == UInt8 {
    let b = Array(bytes)
    var i = 0, line = 1, column = 1
    while i < b.count {
      let c = b[i]
      var length = 0
      var low: UInt8 = 0x80, high: UInt8 = 0xBF
      switch c {
      case 0x00: return (c, line, column)
      case 0x01...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return (c, line, column)
      }
      for k in 1..<max(length, 1) {
        guard i + k < b.count else { return (c, line, column) }
        let lo: UInt8 = k == 1 ? low : 0x80, hi: UInt8 = k == 1 ? high : 0xBF
        // Report the lead byte: in Latin-1 text (`caf\xE9`) that is the character at fault.
        guard (lo...hi).contains(b[i + k]) else { return (c, line, column) }
      }
      if c == 0x0A { line += 1; column = 1 } else { column += 1 }
      i += length
    }
    return nil
  }
}
