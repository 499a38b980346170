import Foundation
import Testing
import TestSupport
import StudyStore
import Tune

@Test func anSQLiteStoreKeepsTheStoreContract() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-contract-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let path = dir.appendingPathComponent("studies.sqlite").path
  try StoreContract(open: { try StudyStore(path: path) }).checkAll()
}

@Test func aPostgreSQLStoreKeepsTheStoreContractAndMasksItsPassword() throws {
  try PostgresServer.with { pg in
    try StoreContract(open: { try StudyStore(path: pg.url) }).checkAll()

    // Bad URLs: one error naming the URL, the password masked.
    let wrong = "postgresql://joule:hunter2@127.0.0.1:\(pg.port)/postgres"
    let missing = "postgresql://joule:\(pg.password)@127.0.0.1:\(pg.port)/nosuchdb"
    let closed = "postgresql://joule:hunter2@127.0.0.1:\(PostgresServer.freePort())/postgres"
    for (url, why) in [(wrong, "password"), (missing, "nosuchdb"), (closed, "127.0.0.1")] {
      do {
        _ = try StudyStore(path: url)
        Issue.record("\(url) opened")
      } catch let e as TuneError {
        let text = "\(e)"
        #expect(text.contains("postgresql://joule:***@127.0.0.1"), "\(text)")
        #expect(!text.contains("hunter2") && !text.contains(":\(pg.password)@"), "\(text)")
        #expect(text.contains(why), "\(text)")
      }
    }
  }
}

@Test func storeLocationsTellFilesFromURLsAndMaskPasswords() {
  #expect(StoreLocation("studies.sqlite") == .sqlite(path: "studies.sqlite"))
  #expect(StoreLocation("postgres://u@h/db").isShared)
  #expect(StoreLocation("postgresql://u:pw@h:5432/db").display == "postgresql://u:***@h:5432/db")
  #expect(StoreLocation.masked("postgresql://u@h/db?password=pw&sslmode=require") == "postgresql://u@h/db?password=***&sslmode=require")
  #expect(StoreLocation.masked("postgresql://u:p@ss@h/db") == "postgresql://u:***@h/db")
}

/// Workers started together on a store that does not exist yet all open it: the losers of the
/// race to switch the new file to WAL and to migrate it wait and open again instead of failing
/// (two `joule run` workers lost one of them this way, about one start in three).
@Test func workersOpeningANewSQLiteStoreTogetherAllOpenIt() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-race-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let workers = 6
  for round in 0..<8 {
    let path = dir.appendingPathComponent("studies-\(round).sqlite").path
    let failures = FailureList()
    let start = DispatchSemaphore(value: 0), group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      Thread.detachNewThread {
        start.wait()
        do { _ = try StudyStore(path: path) } catch { failures.add("\(error)") }
        group.leave()
      }
    }
    for _ in 0..<workers { start.signal() }
    group.wait()
    #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
  }
}

/// Errors gathered from several threads.
private final class FailureList: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
  func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
}
