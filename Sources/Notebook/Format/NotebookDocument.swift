import Foundation

/// A `.jnb` notebook: a joule script cut into cells by jupytext "percent" markers.
///
///     # %% [markdown]
///     # # Quickstart
///     # A small CNN on Fashion-MNIST.
///     # %% load
///     d = dataset("fashion-mnist", train: 2000, test: 500, seed: 7)
///
/// `# %% label` starts a code cell; `# %% [markdown]` a prose cell whose lines start with `# `.
/// Text before the first marker is a code cell of its own. Jupytext cell metadata
/// (`key="value"` after the label) is ignored.
public struct NotebookDocument: Equatable {
  public var cells: [Cell]

  public init(cells: [Cell]) { self.cells = cells }

  /// Parses notebook text.
  public init(parsing text: String) {
    var cells: [Cell] = []
    var current: (kind: Cell.Kind, label: String?, start: Int)? = nil
    var body: [String] = []
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    func flush() {
      defer { body = [] }
      var content = body
      var start = current?.start ?? 1
      // Blank lines around a cell are not part of it; keep `start` on its first real line.
      while content.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { content.removeLast() }
      while content.first?.trimmingCharacters(in: .whitespaces).isEmpty == true {
        content.removeFirst()
        start += 1
      }
      if current == nil && content.isEmpty { return }
      let kind = current?.kind ?? .code
      let label = current?.label
      let source = kind == .markdown ? content.map(Self.unprefix).joined(separator: "\n") : content.joined(separator: "\n")
      cells.append(Cell(kind: kind, label: label ?? "cell-\(cells.count + 1)", labelled: label != nil,
                        source: source, line: start))
    }

    for (i, line) in lines.enumerated() {
      if let marker = Self.marker(line) {
        flush()
        current = (marker.kind, marker.label, i + 2)
      } else {
        body.append(line)
      }
    }
    flush()
    self.cells = Self.uniqueLabels(cells)
  }

  /// Reads a notebook file.
  public init(contentsOf path: String) throws {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw NotebookError.cannotRead(path)
    }
    self.init(parsing: text)
  }

  /// The notebook as `.jnb` text; parsing it gives back the same cells.
  public var text: String {
    cells.map { cell -> String in
      switch cell.kind {
      case .markdown:
        let prose = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
          .map { $0.isEmpty ? "#" : "# \($0)" }.joined(separator: "\n")
        return (cell.labelled ? "# %% \(cell.label) [markdown]\n" : "# %% [markdown]\n") + prose
      case .code:
        return (cell.labelled ? "# %% \(cell.label)\n" : "# %%\n") + cell.source
      }
    }.joined(separator: "\n\n") + "\n"
  }

  /// `# %%`, `# %% label`, `# %% [markdown]`, `# %% label [markdown] key="v"`.
  static func marker(_ line: String) -> (kind: Cell.Kind, label: String?)? {
    guard line.hasPrefix("# %%") || line.hasPrefix("#%%") else { return nil }
    let rest = line.drop { $0 != "%" }.dropFirst(2)
    if rest.first == "%" { return nil }  // `# %%%` is not a marker
    var kind = Cell.Kind.code
    var words: [String] = []
    for word in rest.split(separator: " ") {
      let w = String(word)
      if w == "[markdown]" || w == "[md]" { kind = .markdown } else if !w.contains("=") { words.append(w) }
    }
    return (kind, words.isEmpty ? nil : words.joined(separator: " "))
  }

  /// A prose line without its comment prefix: "# text" -> "text", "#" -> "".
  static func unprefix(_ line: String) -> String {
    if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
    if line == "#" { return "" }
    return line
  }

  /// Repeated labels get `-2`, `-3`, ... so their figures do not overwrite each other.
  static func uniqueLabels(_ cells: [Cell]) -> [Cell] {
    var seen: [String: Int] = [:]
    return cells.map { cell in
      var c = cell
      let n = (seen[cell.label] ?? 0) + 1
      seen[cell.label] = n
      if n > 1 { c.label = "\(cell.label)-\(n)" }
      return c
    }
  }
}
