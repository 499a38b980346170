import Script

/// One thing a cell produced, in order: printed text, a shown value, a figure, an error.
///
///     .text("epoch 1: loss 0.61\n")
///     .table([{model: "small", accuracy: 0.81}])
///     .figure(png: "../plots/quickstart/tradeoff-1.png", svg: ...)
public enum CellOutput: Equatable {
  /// What `print` wrote.
  case text(String)
  /// A list of records, shown as a Markdown table.
  case table(headers: [String], rows: [[String]])
  /// Any other value, as text (strings quoted, as Jupyter shows an expression's value).
  case value(String)
  /// A figure saved under the notebook's plots folder (paths relative to the report).
  case figure(name: String, png: String, svg: String)
  /// An error: a failed figure, or the error that stopped the cell.
  case error(String)
}
