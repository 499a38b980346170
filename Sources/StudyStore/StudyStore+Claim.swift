import Tune
import Foundation

extension StudyStore {
  /// Decides the next trial of a study and stores it as `running`, atomically: no other worker
  /// on any machine sees the study between `decide` reading it and the new row landing.
  ///
  ///     let trial = try store.claim("adam", worker: Trial.currentWorker) { study in
  ///       (Trial(number: study.nextNumber, suggestion: 4, params: p), ())
  ///     }
  ///
  /// First the study's vanished workers are reaped (`stale`), then `decide` sees every trial and
  /// returns the trial to start (nil: none now) and what the caller wants back. The trial's number
  /// must be unused: the primary key (study, number) refuses a second one.
  public func claim<R>(_ study: String, grace: TimeInterval = Liveness.defaultGrace,
                       decide: (Study) throws -> (Trial?, R)) throws -> R {
    try wrap {
      try db.transaction(exclusive: true) { s in
        try lock(study, in: s)
        try reap(study, grace: grace, in: s)
        guard let current = try load(study, in: s) else { throw TuneError.store("no study '\(study)' in \(path)") }
        let (trial, result) = try decide(current)
        if let trial { try insert(trial, study: study, space: current.settings.space, in: s, replace: false) }
        return result
      }
    }
  }

  /// Marks the worker's running trial alive. False when it is no longer this worker's running
  /// trial (another worker found it stale and handed its suggestion on).
  @discardableResult
  public func heartbeat(_ study: String, number: Int, worker: String) throws -> Bool {
    try wrap {
      try db.transaction(exclusive: false) { s in
        try s.execute("UPDATE trials SET heartbeat_at = \(db.dialect.now) WHERE study = ? AND number = ? AND state = 'running' AND worker = ?",
                      [.text(study), .integer(number), .text(worker)]) == 1
      }
    }
  }

  /// Records a finished (or interrupted) trial, but only while it is still this worker's running
  /// trial: a result that arrives after the trial was found stale is not counted twice.
  @discardableResult
  public func finish(_ t: Trial, in study: String) throws -> Bool {
    try wrap {
      try db.transaction(exclusive: true) { s in
        let changed = try s.execute("""
          UPDATE trials SET state = ?, value = ?, metrics_json = ?, energy_j = ?, machine_energy_j = ?, energy_source = ?,
            energy_estimated = ?, seconds = ?, error = ?, finished_at = ?, heartbeat_at = \(db.dialect.now)
          WHERE study = ? AND number = ? AND state = 'running' AND worker = ?
          """, [.text(t.state.rawValue), SQLValue(t.value), .text(StoreSchema.metricsJSON(t.metrics)), SQLValue(t.energyJ),
                SQLValue(t.machineEnergyJ), SQLValue(t.energySource), SQLValue(t.energyEstimated.map { $0 ? 1 : 0 }),
                SQLValue(t.seconds), SQLValue(t.error), SQLValue(t.finishedAt.map(StoreSchema.timestamp)),
                .text(study), .integer(t.number), SQLValue(t.worker)])
        try s.execute("UPDATE studies SET updated_at = ? WHERE name = ?", [.text(StoreSchema.timestamp(Date())), .text(study)])
        return changed == 1
      }
    }
  }

  /// Running trials whose worker is gone become `stale`: a heartbeat older than `grace` seconds
  /// on the database's clock, a worker process on this host that no longer exists, or (rows of a
  /// joule without heartbeats) a worker that is not a live process here.
  func reap(_ study: String, grace: TimeInterval, in s: any SQLSession) throws {
    let running = try s.rows("SELECT number, worker, started_at, heartbeat_at, \(db.dialect.now) AS now FROM trials WHERE study = ? AND state = 'running'",
                             [.text(study)])
    for r in running {
      let worker = r.string("worker")
      let why: String
      if let beat = r.double("heartbeat_at"), let now = r.double("now") {
        if Liveness.processEnded(worker) {
          why = "worker process ended while the trial was running"
        } else if now - beat > grace {
          why = "no heartbeat for \(Int(now - beat)) s (grace \(Int(grace)) s)"
        } else {
          continue
        }
      } else {
        guard !Liveness.isAliveHere(worker) else { continue }
        why = "process ended while the trial was running"
      }
      try s.execute("UPDATE trials SET state = 'stale', error = ?, finished_at = ? WHERE study = ? AND number = ? AND state = 'running'",
                    [.text(why), .text(StoreSchema.timestamp(Date())), .text(study), .integer(r.int("number") ?? 0)])
    }
  }
}
