import Foundation

/// Output, time, help and running other files.
extension CoreBuiltins {
  /// A path as the user wrote it, made absolute by the one rule (see `UserPath`).
  public static func resolve(_ path: String, _ context: any CallContext) -> String {
    UserPath.inProgram(path, context).absolute
  }

  static var session: [Builtin] {
    [
      Builtin("print", [Parameter("values", kind: .variadic, doc: "shown separated by sep"),
                        Parameter("sep", .string, default: .string(" "), doc: "text between values"),
                        Parameter("end", .string, default: .string("\n"), doc: "text after the last value")],
              doc: "Writes values as text: strings as they are, lists of records as tables.") { args, ctx in
        let text = args.rest.map(\.printString).joined(separator: try args.string("sep"))
        ctx.output.write(text + (try args.string("end")))
        return .none
      },
      Builtin("clock", [], doc: "Seconds on a monotonic clock, as a float: subtract two readings to time work.") { _, _ in
        .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
      },
      Builtin("env", [Parameter("name", .string, doc: "variable name"),
                      Parameter("default", .any, default: .some(.none), doc: "value when the variable is unset")],
              doc: "An environment variable's value as a string, or default when it is unset: env(\"JOULE_QUICK\", default: \"\").") { args, _ in
        if let v = ProcessInfo.processInfo.environment[try args.string("name")] { return .string(v) }
        return args["default"]
      },
      Builtin("sleep", [Parameter("seconds", .number)], doc: "Waits; Ctrl-C interrupts it.") { args, ctx in
        let seconds = try args.double("seconds")
        guard seconds >= 0, seconds.isFinite else { throw ScriptError.runtime("sleep: seconds must be 0 or more") }
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while true {
          try ctx.checkInterrupt()
          let now = DispatchTime.now().uptimeNanoseconds
          if now >= end { break }
          // Short naps keep Ctrl-C responsive.
          usleep(UInt32(min(end - now, 50_000_000) / 1000))
        }
        return .none
      },
      Builtin("help", [Parameter("x", default: .some(.none), doc: "a builtin's name, or a function")],
              doc: "Lists the builtins by family, or describes one: help(\"train\"), help(f).") { args, ctx in
        guard let it = ctx as? Interpreter else { return .none }
        ctx.output.write(try Help.text(for: args["x"], in: it) + "\n")
        return .none
      },
      Builtin("source", [Parameter("path", .string, doc: "a .joule file, relative to this script")],
              doc: "Runs a file in this session, so its functions and variables become available.") { args, ctx in
        guard let it = ctx as? Interpreter else { throw ScriptError.runtime("source: needs an interpreter") }
        let shown = try args.string("path"), path = resolve(shown, ctx)
        let text: String
        do {
          text = try SourceText.read(contentsOf: path, name: shown)
        } catch let e as ScriptError {
          throw ScriptError.runtime("source: \(e.message)")
        }
        let saved = it.scriptDirectory
        it.scriptDirectory = (path as NSString).deletingLastPathComponent
        defer { it.scriptDirectory = saved }
        return try it.runNested(text, file: shown)
      },
    ]
  }
}

/// The text `help` shows.
enum Help {
  static func text(for x: Value, in it: Interpreter) throws -> String {
    switch x {
    case .none:
      var families: [String] = []
      var byFamily: [String: [String]] = [:]
      for name in it.registry.names {
        guard let b = it.registry[name] else { continue }
        if byFamily[b.family] == nil { families.append(b.family) }
        byFamily[b.family, default: []].append(name)
      }
      var lines = ["Builtins by family; help(\"name\") describes one."]
      for f in families {
        lines.append("  \(f): " + byFamily[f]!.joined(separator: ", "))
      }
      return lines.joined(separator: "\n")
    case .string(let name):
      if let b = it.registry[name] { return describe(b) }
      if let v = it.global(name), v.function != nil { return try text(for: v, in: it) }
      let hint = Suggestion.closest(to: name, among: it.registry.names + it.globalNames).map { "; did you mean '\($0)'?" } ?? ""
      throw ScriptError.runtime("help: no builtin or function named '\(name)'\(hint)")
    case .builtin(let b):
      return describe(b)
    case .closure(let c):
      return c.signature + (c.doc.isEmpty ? "" : "\n  " + c.doc.replacingOccurrences(of: "\n", with: "\n  "))
    case let v:
      return "\(v.typeName): \(v.shortDescription)"
    }
  }

  static func describe(_ b: Builtin) -> String {
    var lines = [b.signature, "  " + b.doc]
    let width = b.parameters.map(\.name.count).max() ?? 0
    for p in b.parameters {
      let pad = String(repeating: " ", count: width - p.name.count)
      let type = p.type == .any ? "" : "(\(p.type)) "
      lines.append("    \(p.name)\(pad)  \(type)\(p.doc)")
    }
    return lines.joined(separator: "\n")
  }
}
