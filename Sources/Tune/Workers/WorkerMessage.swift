import Foundation

/// One line of the lead/worker protocol between `tune(..., workers: k)`'s lead and its forked
/// workers: JSON, one message per line, over a pipe each way.
///
///     lead → worker:  {"run":{"trial":{...},"curves":[...]}}
///     worker → lead:  {"output":{"text":"epoch 1 ..."}}  (what the objective printed)
///                     {"done":{"trial":{...}}}            (the trial, finished)
///                     {"fatal":{"trial":{...},"message":"..."}} (a configuration error: stop the study)
///
/// The trial travels whole (its `Codable` form, as the store's JSON columns hold it), so the
/// worker fills in exactly the fields a trial run in the lead would have.
public enum WorkerMessage: Codable, Sendable {
  /// Run this trial; `curves` are the other trials' intermediate curves for its pruner.
  case run(trial: Trial, curves: [IntermediateCurve])
  /// Text the objective wrote (`print`), shown by the lead once, in order.
  case output(text: String)
  /// The trial ran: its state, value, metrics, joules and seconds are filled in.
  case done(trial: Trial)
  /// The objective is misconfigured (it returned no usable value): the study stops, reported once.
  case fatal(trial: Trial, message: String)

  /// The message as one line (JSON has no raw newlines).
  public func line() throws -> Data {
    var d = try JSONEncoder().encode(self)
    d.append(0x0A)
    return d
  }

  public static func parse(_ line: Data) throws -> WorkerMessage {
    try JSONDecoder().decode(WorkerMessage.self, from: line)
  }
}
