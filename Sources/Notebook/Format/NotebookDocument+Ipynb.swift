import Foundation

/// Conversion between `.jnb` and Jupyter's `.ipynb` (nbformat 4.5), for `joule export
/// --format ipynb` and `joule import`.
///
///     let data = try NotebookDocument(contentsOf: "quickstart.jnb").ipynb()
///     let back = try NotebookDocument(ipynb: data, path: "quickstart.ipynb")   // same cells
///
/// Cell labels travel as each cell's `metadata.title`, where jupytext keeps a percent cell's
/// title, and name its `id`; markdown and code go as their text. Outputs are not carried:
/// a `.jnb` keeps none, and the kernel makes them again.
extension NotebookDocument {
  /// The notebook as `.ipynb` JSON for the joule kernel, without outputs.
  public func ipynb() -> Data {
    var ids = Set<String>()
    let jsonCells: [[String: Any]] = cells.map { cell in
      var metadata: [String: Any] = [:]
      if cell.labelled { metadata["title"] = cell.label }
      var json: [String: Any] = [
        "cell_type": cell.kind == .code ? "code" : "markdown",
        "id": Self.uniqueID(for: cell, taken: &ids),
        "metadata": metadata,
        "source": Self.sourceLines(cell.source),
      ]
      if cell.kind == .code {
        json["execution_count"] = NSNull()
        json["outputs"] = [Any]()
      }
      return json
    }
    let notebook: [String: Any] = [
      "cells": jsonCells,
      "metadata": [
        "kernelspec": ["display_name": "joule", "language": "joule", "name": "joule"],
        "language_info": ["name": "joule", "file_extension": ".jnb", "mimetype": "text/x-joule"],
      ],
      "nbformat": 4,
      "nbformat_minor": 5,
    ]
    return Data(NbformatJSON.text(notebook).utf8)
  }

  /// Reads an nbformat 4 notebook; `path` names it in errors.
  public init(ipynb data: Data, path: String) throws {
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw NotebookError.badIpynb(path, reason: "not a JSON notebook")
    }
    guard let major = root["nbformat"] as? Int, major == 4, let list = root["cells"] as? [[String: Any]] else {
      throw NotebookError.badIpynb(path, reason: "not an nbformat 4 notebook (no 'cells', or another 'nbformat')")
    }
    var cells: [Cell] = []
    for (i, json) in list.enumerated() {
      let type = json["cell_type"] as? String ?? "code"
      // Raw cells have no place in percent format; their text is kept as prose.
      let kind: Cell.Kind = type == "code" ? .code : .markdown
      let source = Self.trimmedLines(Self.joinedSource(json["source"]))
      let title = ((json["metadata"] as? [String: Any])?["title"] as? String)?.trimmingCharacters(in: .whitespaces) ?? ""
      if kind == .code, let line = source.split(separator: "\n").first(where: { Self.marker(String($0)) != nil }) {
        throw NotebookError.badIpynb(path, reason: "cell \(i + 1) has a line that would start a new cell: \(line)")
      }
      let label = Self.safeLabel(title)
      cells.append(Cell(kind: kind, label: label ?? "cell-\(i + 1)", labelled: label != nil, source: source, line: 0))
    }
    // Line numbers as they will be in the written file, so errors point into it.
    self.init(parsing: NotebookDocument(cells: Self.uniqueLabels(cells)).text)
  }

  /// Reads a `.ipynb` file.
  public init(ipynbContentsOf path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else { throw NotebookError.cannotRead(path) }
    try self.init(ipynb: data, path: path)
  }

  /// nbformat stores source as lines that keep their `\n`, the last without one.
  static func sourceLines(_ source: String) -> [String] {
    guard !source.isEmpty else { return [] }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.enumerated().map { i, line in i < lines.count - 1 ? line + "\n" : String(line) }
  }

  static func joinedSource(_ value: Any?) -> String {
    if let s = value as? String { return s }
    return (value as? [String] ?? []).joined()
  }

  /// Without the blank lines around it, as the percent-format parser would read it.
  static func trimmedLines(_ text: String) -> String {
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
    return lines.joined(separator: "\n")
  }

  /// A title that reads back as the same label from a `# %% title` line: one line, single
  /// spaces, no `key=value` words or `[markdown]` (the marker's syntax); nil when nothing is left.
  static func safeLabel(_ title: String) -> String? {
    let words = title.split(whereSeparator: { $0.isWhitespace }).map(String.init)
      .filter { !$0.contains("=") && !$0.hasPrefix("[") }
    return words.isEmpty ? nil : words.joined(separator: " ")
  }

  /// nbformat 4.5 ids: 1 to 64 of `[a-zA-Z0-9-_]`, unique in the notebook.
  static func uniqueID(for cell: Cell, taken: inout Set<String>) -> String {
    let base = String(cell.fileStem.replacingOccurrences(of: ".", with: "-").prefix(56))
    var id = base
    var n = 2
    while taken.contains(id) {
      id = "\(base)-\(n)"
      n += 1
    }
    taken.insert(id)
    return id
  }
}
