import Foundation
import GRDB
import Testing
import StudyStore
import Tune

/// What joule 0.1 wrote: its schema verbatim, recorded as GRDB migration "v1".
private let joule01Schema = """
  CREATE TABLE studies (
    name TEXT PRIMARY KEY, strategy TEXT NOT NULL, direction TEXT NOT NULL, metric TEXT NOT NULL,
    seed INTEGER NOT NULL, space_json TEXT NOT NULL, settings_json TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE TABLE trials (
    study TEXT NOT NULL REFERENCES studies(name) ON DELETE CASCADE, number INTEGER NOT NULL,
    suggestion INTEGER NOT NULL, params_json TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'diverged', 'interrupted')),
    value REAL, metrics_json TEXT NOT NULL DEFAULT '{}', energy_j REAL, energy_source TEXT,
    energy_estimated INTEGER, seconds REAL, error TEXT, worker TEXT, started_at TEXT NOT NULL,
    finished_at TEXT, PRIMARY KEY (study, number));
  CREATE INDEX trials_by_state ON trials(study, state);
  """

@Test func aStoreWrittenByJoule01IsMigratedAndResumed() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-v1-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let path = dir.appendingPathComponent("studies.sqlite").path

  var settings = try StoreContract.settings(.random, trials: 3, name: "old")
  settings.trials = 2
  let json = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
  let space = String(decoding: try JSONEncoder().encode(settings.space), as: UTF8.self)
  let old = try DatabaseQueue(path: path)
  var v1 = DatabaseMigrator()
  v1.registerMigration("v1") { db in try db.execute(sql: joule01Schema) }
  try v1.migrate(old)
  try old.write { db in
    try db.execute(sql: "INSERT INTO studies VALUES ('old', 'random', 'maximize', 'accuracy', 3, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                   arguments: [space, json])
    try db.execute(sql: """
      INSERT INTO trials VALUES ('old', 1, 0, '{"lr": 0.01, "beta1": 0.6, "batch": 64}', 'complete', 0.5, '{"accuracy": 0.5}',
        12.5, 'rapl', 0, 1.5, NULL, 'oldhost:1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z')
      """)
    // Left running by joule 0.1, which wrote no heartbeats.
    try db.execute(sql: """
      INSERT INTO trials VALUES ('old', 2, 1, '{"lr": 0.02, "beta1": 0.7, "batch": 32}', 'running', NULL, '{}',
        NULL, NULL, NULL, NULL, NULL, 'oldhost:2', '2026-01-01T00:00:02.000Z', NULL)
      """)
  }
  try old.close()

  settings.trials = 3
  let study = try StudyRunner(settings: settings, store: try StudyStore(path: path)).run(objective: StoreContract.objective, shouldStop: { false })
  #expect(study.trials.map(\.state) == [.complete, .stale, .complete, .complete])
  #expect(study.trials[0].energyJ == 12.5 && study.trials[0].energySource == "rapl" && study.trials[0].value == 0.5)
  #expect(study.trials[2].suggestion == 1, "the old running trial's suggestion is run again")
  #expect(study.trials[2].machineEnergyJ == 5)
  // New states are stored now that the CHECK is gone, and the migration is recorded once.
  let after = try DatabaseQueue(path: path)
  let migrations = try after.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
  #expect(migrations == ["v1", "v2"])
}
