import Foundation
import Script

/// Tab completion at the prompt: builtins, variables and keywords; fields after `.`;
/// keyword parameters inside a call; file paths inside strings; meta commands after `:`.
///
///     completer.complete("train(m, d, ep")   // insertion "ochs:"
///     completer.complete("pri")              // insertion "nt"
final class Completer {
  /// What Tab does: insert text at the cursor, or (when `insertion` is empty) list `choices`.
  struct Completion {
    var insertion: String
    var choices: [String]
  }

  static let languageKeywords = [
    "if", "else", "for", "in", "while", "fn", "return", "break", "continue",
    "and", "or", "not", "true", "false", "nil",
  ]

  private let registry: BuiltinRegistry
  private let session: () -> Interpreter

  init(registry: BuiltinRegistry, session: @escaping () -> Interpreter) {
    self.registry = registry
    self.session = session
  }

  func complete(_ before: String) -> Completion {
    let (word, choices) = candidates(before)
    let matches = Array(Set(choices.filter { $0.hasPrefix(word) })).sorted()
    guard let first = matches.first else { return Completion(insertion: "", choices: []) }
    if matches.count == 1 { return Completion(insertion: String(first.dropFirst(word.count)), choices: matches) }
    let common = matches.dropFirst().reduce(first) { $0.commonPrefix(with: $1) }
    return Completion(insertion: String(common.dropFirst(word.count)), choices: matches)
  }

  /// The partial word before the cursor and everything it could become.
  func candidates(_ before: String) -> (word: String, choices: [String]) {
    if before.hasPrefix(":") { return metaCandidates(before) }
    if let stringStart = LineScan(before).openStringStart {
      return pathCandidates(String(before[stringStart...]))
    }
    let word = String(before.reversed().prefix { $0.isIdentifierCharacter }.reversed())
    let head = before.dropLast(word.count)
    if head.hasSuffix(".") {
      return (word, fieldCandidates(path: String(head.dropLast())))
    }
    let interp = session()
    var choices = registry.names + interp.globalNames + Completer.languageKeywords
    if let function = LineScan(before).enclosingCall, argumentStarts(head) {
      if let builtin = registry[function] {
        choices += builtin.parameters.filter { $0.kind == .normal }.map { $0.name + ":" }
      }
    }
    return (word, choices)
  }

  /// True when the text before the word ends an argument list's opening or a comma.
  private func argumentStarts(_ head: Substring) -> Bool {
    guard let last = head.last(where: { !$0.isWhitespace }) else { return false }
    return last == "(" || last == ","
  }

  /// Fields of `a.b.c` looked up without running code: globals, record keys, host fields.
  private func fieldCandidates(path: String) -> [String] {
    let chain = path.reversed().prefix { $0.isIdentifierCharacter || $0 == "." }.reversed()
    let names = String(chain).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let root = names.first, !root.isEmpty, var value = session().global(root) else { return [] }
    for name in names.dropFirst() {
      guard let next = Completer.field(of: value, name) else { return [] }
      value = next
    }
    switch value {
    case .record(let r): return r.keys
    case .host(let h): return h.fieldNames
    default: return []
    }
  }

  private static func field(of value: Value, _ name: String) -> Value? {
    switch value {
    case .record(let r): return r[name]
    case .host(let h): return h.field(name)
    default: return nil
    }
  }

  private func metaCandidates(_ before: String) -> (word: String, choices: [String]) {
    if let space = before.firstIndex(of: " ") {
      let command = before[..<space]
      let rest = String(before[before.index(after: space)...])
      switch command {
      case ":load", ":save", ":cd": return pathCandidates(rest)
      case ":help": return (rest, registry.names)
      default: return (rest, [])
      }
    }
    return (before, MetaCommand.names.map { ":" + $0 })
  }

  /// Entries of the folder named by `typed` (relative to the working directory; `~/` is home).
  private func pathCandidates(_ typed: String) -> (word: String, choices: [String]) {
    let slash = typed.lastIndex(of: "/")
    let folderPart = slash.map { String(typed[...$0]) } ?? ""
    let word = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    var folder = folderPart.isEmpty ? "." : folderPart
    if folder.hasPrefix("~/") { folder = NSHomeDirectory() + folder.dropFirst() }
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return (word, []) }
    let choices = entries.filter { !$0.hasPrefix(".") || word.hasPrefix(".") }.map { name -> String in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
      return isDirectory.boolValue ? name + "/" : name
    }
    return (word, choices)
  }

  /// Choices laid out in columns for a terminal `width` characters wide.
  static func columns(_ choices: [String], width: Int) -> String {
    let cell = (choices.map(\.count).max() ?? 0) + 2
    let perRow = max(1, width / max(cell, 1))
    var out = ""
    for (i, c) in choices.enumerated() {
      let last = i % perRow == perRow - 1 || i == choices.count - 1
      out += last ? c + "\n" : c.padding(toLength: cell, withPad: " ", startingAt: 0)
    }
    return out
  }
}

extension Character {
  var isIdentifierCharacter: Bool { self == "_" || isLetter || isNumber }
}
