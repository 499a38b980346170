/// Cuts a byte stream into lines as it arrives, for the metrics and report protocol.
///
///     var lines = LineSplitter()
///     lines.feed(Array("JOULE_REPORT {\"step\": 1}\n{\"acc\"".utf8)) { line in ... }  // one line
///     lines.finish { line in ... }                                                  // `{"acc"`
///
/// A line longer than `maxLine` bytes is not a protocol line: it is skipped whole, so memory
/// stays bounded whatever the program writes. A trailing "\r" is removed.
public struct LineSplitter: Sendable {
  /// 1 MiB: far above any metrics record, far below memory worries.
  public static let defaultMaxLine = 1 << 20

  public let maxLine: Int
  private var partial: [UInt8] = []
  private var skipping = false
  /// Lines skipped for being too long.
  public private(set) var overlong = 0

  public init(maxLine: Int = LineSplitter.defaultMaxLine) {
    self.maxLine = maxLine
  }

  public mutating func feed(_ bytes: ArraySlice<UInt8>, _ line: (ArraySlice<UInt8>) -> Void) {
    var rest = bytes
    while let nl = rest.firstIndex(of: 10) {
      let piece = rest[rest.startIndex..<nl]
      rest = rest[(nl + 1)...]
      if skipping {
        skipping = false
        partial.removeAll(keepingCapacity: true)
        continue
      }
      if partial.isEmpty {
        emit(piece, line)
      } else {
        partial.append(contentsOf: piece)
        emit(partial[...], line)
        partial.removeAll(keepingCapacity: true)
      }
    }
    guard !skipping else { return }
    partial.append(contentsOf: rest)
    if partial.count > maxLine {
      partial.removeAll()
      skipping = true
      overlong += 1
    }
  }

  /// The last line when the stream ended without a newline.
  public mutating func finish(_ line: (ArraySlice<UInt8>) -> Void) {
    if !skipping && !partial.isEmpty { emit(partial[...], line) }
    partial.removeAll()
    skipping = false
  }

  private mutating func emit(_ piece: ArraySlice<UInt8>, _ line: (ArraySlice<UInt8>) -> Void) {
    guard piece.count <= maxLine else {
      overlong += 1
      return
    }
    line(piece.last == 13 ? piece.dropLast() : piece)
  }
}
