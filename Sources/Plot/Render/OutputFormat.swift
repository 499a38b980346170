/// A file format gnuplot renders to, from the file's extension.
///
///     OutputFormat(path: "plots/a.svg")   // .svg
public enum OutputFormat: String, CaseIterable, Equatable {
  case png, svg, pdf, txt

  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }

  /// The `set terminal` line. Cairo terminals give antialiased output with the system fonts;
  /// `noenhanced` makes text from data print literally.
  public func terminal(width: Int, height: Int) -> String {
    switch self {
    case .png: return "set terminal pngcairo size \(width),\(height) noenhanced font 'Sans,10'"
    case .svg: return "set terminal svg size \(width),\(height) noenhanced font 'Sans,10' background '#ffffff'"
    case .pdf:
      let w = Double(width) / 100, h = Double(height) / 100
      return "set terminal pdfcairo size \(w)in,\(h)in noenhanced font 'Sans,9'"
    case .txt:
      // 100 x 30 characters: a readable figure in a wide terminal or a Markdown code block.
      return "set terminal dumb size 100,30 noenhanced"
    }
  }
}
