import Foundation

/// A line at the prompt that starts with `:` and talks to the REPL, not the language.
///
///     :help train     :vars     :load prep.joule     :save session.jnb
///     :time fib(20)   :reset    :quit     :pwd      :cd results
enum MetaCommand {
  case help(String?)
  case vars
  case load(String)
  case save(String)
  case time(String)
  case reset
  case quit
  /// IPython's `%pwd`: the folder relative paths start at, at the prompt.
  case pwd
  /// IPython's `%cd`: moves the working directory (home when no folder is given).
  case cd(String?)

  static let names = ["help", "vars", "load", "save", "time", "reset", "quit", "pwd", "cd"]

  static let summary = """
    :help [name]   this list, or the doc of a builtin (help() lists them all)
    :vars          the session's variables
    :load FILE     run a script in this session
    :save FILE     save the session's accepted inputs as a notebook (.jnb)
    :time EXPR     evaluate and show how long it took
    :reset         forget every variable
    :pwd           the working directory: where relative paths start at the prompt
    :cd [DIR]      move to DIR (home when none), as IPython's %cd
    :quit          leave (Ctrl-D does too)
    """

  /// Parses `:name argument`; unique prefixes work (`:q`). Throws a message for the user.
  static func parse(_ line: String) throws -> MetaCommand {
    let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
    let name = String(body.prefix { !$0.isWhitespace })
    let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
    // The exact name, or the one command the prefix starts.
    let matches = names.filter { $0.hasPrefix(name) }
    let full: String
    if names.contains(name) {
      full = name
    } else if !name.isEmpty && matches.count == 1 {
      full = matches[0]
    } else {
      throw MetaCommandError("unknown command ':\(name)'; :help lists them")
    }
    func needArgument() throws -> String {
      if argument.isEmpty { throw MetaCommandError(":\(full) needs an argument; :help shows how") }
      return argument
    }
    switch full {
    case "help": return .help(argument.isEmpty ? nil : argument)
    case "vars": return .vars
    case "load": return .load(try needArgument())
    case "save": return .save(try needArgument())
    case "time": return .time(try needArgument())
    case "reset": return .reset
    case "pwd": return .pwd
    case "cd": return .cd(argument.isEmpty ? nil : argument)
    default: return .quit
    }
  }
}

/// A mistake in a meta command, shown as `error: ...`.
struct MetaCommandError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
