import Foundation

/// Where a running cell's output goes: iopub messages whose parent is the execute request.
///
///     output.stream("epoch 1: loss 0.61\n")
///     output.display(figureBundle)        // display_data
///     output.result(valueBundle)          // execute_result, numbered like the cell
///
/// Safe to call from any thread: the interpreter writes from its own.
public final class ExecutionOutput: @unchecked Sendable {
  public enum StreamName: String, Sendable {
    case stdout, stderr
  }

  /// The number the front end shows as `[n]`.
  public let executionCount: Int
  /// True for `silent` requests: nothing is published.
  public let silent: Bool
  private let publisher: IOPubPublisher
  private let parent: Message

  init(executionCount: Int, silent: Bool, publisher: IOPubPublisher, parent: Message) {
    self.executionCount = executionCount
    self.silent = silent
    self.publisher = publisher
    self.parent = parent
  }

  public func stream(_ text: String, to name: StreamName = .stdout) {
    guard !silent, !text.isEmpty else { return }
    publisher.publish("stream", ["name": .string(name.rawValue), "text": .string(text)], parent: parent)
  }

  public func display(_ bundle: MimeBundle) {
    guard !silent else { return }
    publisher.publish("display_data", ["data": bundle.data, "metadata": bundle.metadata, "transient": .emptyObject],
                      parent: parent)
  }

  public func result(_ bundle: MimeBundle) {
    guard !silent else { return }
    publisher.publish("execute_result", ["execution_count": .int(executionCount), "data": bundle.data,
                                         "metadata": bundle.metadata], parent: parent)
  }
}
