import ArgumentParser
import Script

/// `joule study NAME [--store URL]`: one study and its trials, as the prompt shows them.
///
///     joule study adam --store postgresql://joule@db.lab/studies
struct StudyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study", abstract: "Show one study's trials, as load_study(NAME).trials does at the prompt.")

  @Argument(help: "The study's name.")
  var name: String

  @Option(help: "The store: a SQLite file or postgresql://user[:password]@host[:port]/db (default JOULE_STORE, else studies.sqlite).")
  var store: String?

  func run() throws {
    let s = "load_study(query_name, store: query_store)"
    let status = StoreQuery.show(s, then: "\(s).trials", data: ["query_name": .string(name), "query_store": StoreQuery.store(store)])
    if status != ExitStatus.ok { throw ExitCode(status) }
  }
}
