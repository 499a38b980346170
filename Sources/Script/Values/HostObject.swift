/// An opaque value that a domain hands to the language: a model, a dataset, a study, a plot.
///
///     m = simple_cnn()
///     m.parameters        # field lookup goes through `field(_:)`
///
/// Host objects show their fields when displayed; `fieldNames` drives `keys(x)` and completion.
public protocol HostObject: AnyObject {
  /// What `type(x)` returns, e.g. "model".
  var typeName: String { get }
  /// The names `x.` completes to, in display order.
  var fieldNames: [String] { get }
  /// The value of `x.name`, or nil when there is no such field.
  func field(_ name: String) -> Value?
  /// A one-line or multi-line text for the REPL and `print`.
  var displayText: String { get }
}

extension HostObject {
  public var fieldNames: [String] { [] }
  public func field(_ name: String) -> Value? { nil }
  public var displayText: String {
    let shown = fieldNames.prefix(8).compactMap { name -> String? in
      guard let v = field(name) else { return nil }
      switch v {
      case .list, .record, .host: return nil
      default: return "\(name): \(v.readable())"
      }
    }
    return "<\(typeName)\(shown.isEmpty ? "" : " " + shown.joined(separator: ", "))>"
  }
}

/// A host value that is a figure: the REPL shows it as text, notebooks save it as files.
public protocol Figure: HostObject {
  /// The figure drawn as text (gnuplot's dumb terminal), `width` × `height` characters.
  func textPreview(width: Int, height: Int) throws -> String
  /// Renders to `path`; the format follows the extension (png, svg, pdf, txt).
  /// Also writes the gnuplot script beside it. Returns the paths written.
  @discardableResult
  func save(to path: String) throws -> [String]
}

/// A host value whose display adapts to the window: a table drops the columns that would wrap.
public protocol SizedDisplay: HostObject {
  func displayText(width: Int?) -> String
}

/// A host value that is a table at heart (a `table(...)` view, a comparison): reports lay its
/// rows out as a Markdown table and add its notes beneath.
public protocol Tabular: HostObject {
  var tableRows: [Record] { get }
  /// The columns to show, in order; nil for every key.
  var tableColumns: [String]? { get }
  var tableDigits: Int { get }
  /// Lines that belong under the table (a test's result, a verdict).
  var tableNotes: [String] { get }
}
