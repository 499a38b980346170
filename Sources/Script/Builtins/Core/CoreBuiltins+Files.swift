import Foundation

/// CSV and JSON files. Relative paths resolve against the script's folder.
extension CoreBuiltins {
  static func readText(_ path: String, _ name: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ScriptError.runtime("\(name): cannot read \(path)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  static func writeText(_ text: String, _ path: String, _ name: String) throws {
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw ScriptError.runtime("\(name): cannot write \(path): \(error.localizedDescription)")
    }
  }

  static var files: [Builtin] {
    [
      Builtin("read_csv", [Parameter("path", .string)],
              doc: "A CSV file as a list of records keyed by its header; numbers are parsed.") { args, ctx in
        let path = resolve(try args.string("path"), ctx)
        return .table(try CSV.parse(try readText(path, "read_csv")))
      },
      Builtin("write_csv", [Parameter("rows", .list, doc: "a list of records"), Parameter("path", .string)],
              doc: "Writes records as CSV; columns are the union of their keys.") { args, ctx in
        let rows = try args.list("rows").map { v -> Record in
          guard case .record(let r) = v else { throw ScriptError.runtime("write_csv: rows must be records, got \(v.typeName)") }
          return r
        }
        let path = resolve(try args.string("path"), ctx)
        try writeText(try CSV.text(rows), path, "write_csv")
        return .string(path)
      },
      Builtin("read_json", [Parameter("path", .string)], doc: "A JSON file as values (objects become records).") { args, ctx in
        let path = resolve(try args.string("path"), ctx)
        do {
          return try JSON.parse(try readText(path, "read_json"))
        } catch let e as ScriptError {
          throw ScriptError.runtime("read_json: \(path): \(e.message)")
        }
      },
      Builtin("write_json", [Parameter("value"), Parameter("path", .string)],
              doc: "Writes a value as indented JSON.") { args, ctx in
        let path = resolve(try args.string("path"), ctx)
        try writeText(try JSON.text(args["value"], indent: 2) + "\n", path, "write_json")
        return .string(path)
      },
    ]
  }
}
