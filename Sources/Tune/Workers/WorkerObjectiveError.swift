/// A misconfigured objective in a worker (it returned no usable value): the study stops and
/// the message is reported once, by the lead, however many workers hit it.
///
///     throw WorkerObjectiveError(message: "the objective returned a record without 'accuracy'")
public struct WorkerObjectiveError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public init(message: String) { self.message = message }
  public var description: String { message }
}
