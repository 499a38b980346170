import Foundation

/// One value in several representations, keyed by MIME type, as `display_data` and
/// `execute_result` carry it; the front end shows the richest one it can.
///
///     var b = MimeBundle(plain: "<plot scatter>")
///     b.add("image/png", base64: pngBytes)
///     b.add("image/svg+xml", text: svgText)
public struct MimeBundle: Equatable, Sendable {
  public private(set) var data: JSONValue = .emptyObject
  public private(set) var metadata: JSONValue = .emptyObject

  public init() {}

  public init(plain text: String) {
    add("text/plain", text: text)
  }

  public mutating func add(_ mimeType: String, text: String) {
    data[mimeType] = .string(text)
  }

  /// Binary data (images) travel base64-encoded inside the JSON, as nbformat stores them.
  public mutating func add(_ mimeType: String, base64 bytes: Data) {
    data[mimeType] = .string(bytes.base64EncodedString())
  }

  /// Per-type metadata, e.g. an image's `width` and `height`.
  public mutating func describe(_ mimeType: String, _ value: JSONValue) {
    metadata[mimeType] = value
  }

  public var isEmpty: Bool { data == .emptyObject }
}
