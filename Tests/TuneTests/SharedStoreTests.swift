import Foundation
import Testing
import TestSupport
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
