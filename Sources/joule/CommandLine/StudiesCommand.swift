import ArgumentParser
import Foundation

/// `joule studies [--store URL]`: the studies of a store, one row each.
///
///     joule studies --store postgresql://joule@db.lab/studies
///     JOULE_STORE=sweeps.sqlite joule studies
///
/// The table is `studies(store:)` at the prompt: name, strategy, trials wanted, complete,
/// running, failed, stale, best and joules spent. Exit 70 when the store cannot be read.
struct StudiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "studies", abstract: "List the studies of a store (SQLite file or postgresql:// URL).")

  @Option(help: "The store: a SQLite file or postgresql://user[:password]@host[:port]/db (default JOULE_STORE, else studies.sqlite).")
  var store: String?

  func run() throws {
    let status = StoreQuery.show("studies(store: query_store)", data: ["query_store": StoreQuery.store(store)])
    if status != ExitStatus.ok { throw ExitCode(status) }
  }
}
