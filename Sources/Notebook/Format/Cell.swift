import Foundation

/// One cell of a notebook: code the interpreter runs, or prose for the report.
///
///     # %% train            <- a code cell labelled "train"
///     m = simple_cnn()
///     # %% [markdown]       <- a prose cell; its lines start with "# "
///     # ## Results
public struct Cell: Equatable {
  public enum Kind: Equatable {
    case code
    case markdown
  }

  public var kind: Kind
  /// The label after `# %%`, or `cell-N` (N counts every cell from 1). Names the cell's figures.
  public var label: String
  /// True when the label was written in the file, false when it is the `cell-N` default.
  public var labelled: Bool
  /// The code, or the prose with its `# ` prefixes removed. No trailing blank lines.
  public var source: String
  /// The 1-based line in the file where `source` begins, so errors point into the notebook.
  public var line: Int

  public init(kind: Kind, label: String, labelled: Bool = true, source: String, line: Int) {
    self.kind = kind
    self.label = label
    self.labelled = labelled
    self.source = source
    self.line = line
  }

  /// The label made safe for a file name: letters, digits, `-`, `_` and `.` kept, others `-`.
  public var fileStem: String {
    let safe = label.unicodeScalars.map { s -> Character in
      (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || "-_.".unicodeScalars.contains(s)
        ? Character(s) : "-"
    }
    let stem = String(safe).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
    return stem.isEmpty ? "cell" : stem
  }
}
