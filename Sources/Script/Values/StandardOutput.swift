import Foundation

/// Writes program output to standard output; `display` prints the value's display text.
///
///     let interp = Interpreter(registry: .core(), output: StandardOutput())
public final class StandardOutput: OutputSink {
  public init() {}
  public func write(_ text: String) {
    FileHandle.standardOutput.write(text.data(using: .utf8) ?? Data())
  }
  public func display(_ value: Value) {
    write(value.displayString + "\n")
  }
}

/// Collects output in memory: tests, notebook cells.
///
///     let out = BufferOutput()
///     _ = try Interpreter(registry: .core(), output: out).run("print(1)", file: "t")
///     out.text   // "1\n"
public final class BufferOutput: OutputSink {
  public private(set) var text = ""
  /// Values passed to `display`, in order.
  public private(set) var displayed: [Value] = []
  public init() {}
  public func write(_ text: String) { self.text += text }
  public func display(_ value: Value) {
    displayed.append(value)
    text += value.displayString + "\n"
  }
  public func clear() {
    text = ""
    displayed = []
  }
}
