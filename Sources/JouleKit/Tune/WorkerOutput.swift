import Foundation
import Script
import Tune

/// A worker's `print` and `show`: sent to the lead as `output` messages, which writes them to
/// the terminal, the notebook cell or the Jupyter client once and in order.
///
///     (ctx as? Interpreter)?.output = WorkerOutput(fd: results)
final class WorkerOutput: OutputSink {
  let fd: Int32
  init(fd: Int32) { self.fd = fd }
  func write(_ text: String) { MessagePipe.send(.output(text: text), to: fd) }
  func display(_ value: Value) { write(value.displayString + "\n") }
}
