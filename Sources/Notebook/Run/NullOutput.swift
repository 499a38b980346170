import Script

/// An output sink that drops everything: the interpreter's sink before the first cell runs.
final class NullOutput: OutputSink {
  func write(_ text: String) {}
  func display(_ value: Value) {}
}
