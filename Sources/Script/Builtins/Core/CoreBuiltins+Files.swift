import Foundation

/// CSV and JSON files. Relative paths resolve against the script's folder.
extension CoreBuiltins {
  /// The UTF-8 text of the file at `path` (`shown` as the user wrote it); errors say why not.
  static func readText(_ path: String, shown: String, _ name: String) throws -> String {
    do {
      return try SourceText.read(contentsOf: path, name: shown)
    } catch let e as ScriptError {
      throw ScriptError.runtime("\(name): \(e.message)")
    }
  }

  static func writeText(_ text: String, _ path: String, shown: String, _ name: String) throws {
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw ScriptError.runtime("\(name): \(FileProblem.writing(path, shown: shown))")
    }
  }

  static var files: [Builtin] {
    [
      Builtin("read_csv", [Parameter("path", .string)],
              doc: "A CSV file as a list of records keyed by its header; numbers are parsed.") { args, ctx in
        let shown = try args.string("path")
        return .table(try CSV.parse(try readText(resolve(shown, ctx), shown: shown, "read_csv")))
      },
      Builtin("write_csv", [Parameter("rows", .list, doc: "a list of records"), Parameter("path", .string)],
              doc: "Writes records as CSV; columns are the union of their keys.") { args, ctx in
        let rows = try args.list("rows").map { v -> Record in
          guard case .record(let r) = v else { throw ScriptError.runtime("write_csv: rows must be records, got \(v.typeName)") }
          return r
        }
        let shown = try args.string("path"), path = resolve(shown, ctx)
        try writeText(try CSV.text(rows), path, shown: shown, "write_csv")
        return .string(path)
      },
      Builtin("read_json", [Parameter("path", .string)], doc: "A JSON file as values (objects become records).") { args, ctx in
        let shown = try args.string("path"), path = resolve(shown, ctx)
        let text = try readText(path, shown: shown, "read_json")
        do {
          return try JSON.parse(text)
        } catch let e as ScriptError {
          throw ScriptError.runtime("read_json: \(path): \(e.message)")
        }
      },
      Builtin("write_json", [Parameter("value"), Parameter("path", .string)],
              doc: "Writes a value as indented JSON.") { args, ctx in
        let shown = try args.string("path"), path = resolve(shown, ctx)
        try writeText(try JSON.text(args["value"], indent: 2) + "\n", path, shown: shown, "write_json")
        return .string(path)
      },
    ]
  }
}
