import Foundation
import GRDB

/// The SQL schema of the study store and the mapping of trials to rows (docs/study-store.md).
///
///     try db.execute(sql: StoreSchema.v1)
enum StoreSchema {
  static let v1 = """
    CREATE TABLE studies (
      name          TEXT PRIMARY KEY,
      strategy      TEXT NOT NULL,
      direction     TEXT NOT NULL,
      metric        TEXT NOT NULL,
      seed          INTEGER NOT NULL,
      space_json    TEXT NOT NULL,
      settings_json TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    );
    CREATE TABLE trials (
      study            TEXT NOT NULL REFERENCES studies(name) ON DELETE CASCADE,
      number           INTEGER NOT NULL,
      suggestion       INTEGER NOT NULL,
      params_json      TEXT NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'diverged', 'interrupted')),
      value            REAL,
      metrics_json     TEXT NOT NULL DEFAULT '{}',
      energy_j         REAL,
      energy_source    TEXT,
      energy_estimated INTEGER,
      seconds          REAL,
      error            TEXT,
      worker           TEXT,
      started_at       TEXT NOT NULL,
      finished_at      TEXT,
      PRIMARY KEY (study, number)
    );
    CREATE INDEX trials_by_state ON trials(study, state);
    """

  static func timestamp(_ d: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: d)
  }

  static func date(_ s: String?) -> Date? {
    guard let s else { return nil }
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.date(from: s)
  }

  /// Params as a JSON object in dimension order: {"lr": 0.001, "batch": 64}.
  static func paramsJSON(_ params: [ParameterValue], space: SearchSpace) -> String {
    let enc = JSONEncoder()
    let parts = zip(space.names, params).map { name, v -> String in
      let key = String(decoding: (try? enc.encode(name)) ?? Data("\"?\"".utf8), as: UTF8.self)
      let val = String(decoding: (try? enc.encode(v)) ?? Data("null".utf8), as: UTF8.self)
      return "\(key): \(val)"
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func metricsJSON(_ m: [String: Double]) -> String {
    let finite = m.filter { $0.value.isFinite }
    let enc = JSONEncoder()
    enc.outputFormatting = .sortedKeys
    return String(decoding: (try? enc.encode(finite)) ?? Data("{}".utf8), as: UTF8.self)
  }

  static func arguments(_ t: Trial, study: String, space: SearchSpace) -> StatementArguments {
    let value: Double? = t.value.flatMap { $0.isFinite ? $0 : nil }
    let energy: Double? = t.energyJ.flatMap { $0.isFinite ? $0 : nil }
    let estimated: Int? = t.energyEstimated.map { $0 ? 1 : 0 }
    let finished: String? = t.finishedAt.map(timestamp)
    return [study, t.number, t.suggestion, paramsJSON(t.params, space: space), t.state.rawValue, value,
            metricsJSON(t.metrics), energy, t.energySource, estimated, t.seconds, t.error, t.worker,
            timestamp(t.startedAt), finished]
  }

  static func trial(from row: Row, space: SearchSpace) throws -> Trial {
    let paramsText: String = row["params_json"]
    let raw = try JSONDecoder().decode([String: ParameterValue].self, from: Data(paramsText.utf8))
    // JSON has one number type: give each value back the type its dimension produces.
    let params = try space.point(from: raw).enumerated().map { space.dimensions[$0.offset].coerce($0.element) }
    let metricsText: String = row["metrics_json"] ?? "{}"
    let metrics = (try? JSONDecoder().decode([String: Double].self, from: Data(metricsText.utf8))) ?? [:]
    let stateText: String = row["state"]
    guard let state = TrialState(rawValue: stateText) else { throw TuneError.store("unknown trial state '\(stateText)'") }
    let estimated: Int? = row["energy_estimated"]
    return Trial(number: row["number"], suggestion: row["suggestion"], params: params, state: state,
                 value: row["value"], metrics: metrics, energyJ: row["energy_j"], energySource: row["energy_source"],
                 energyEstimated: estimated.map { $0 != 0 }, seconds: row["seconds"], error: row["error"],
                 worker: row["worker"], startedAt: date(row["started_at"]) ?? Date(), finishedAt: date(row["finished_at"]))
  }
}
