import Foundation
import Notebook
import Testing
import TestSupport

/// `.jnb` to `.ipynb` and back without losing cell names, prose or code.
@Suite struct IpynbConversionTests {
  static let bundled = ["quickstart", "layer-energy", "tuning-strategies"]

  @Test(arguments: bundled)
  func bundledNotebooksRoundTripToTheSameText(name: String) throws {
    let path = JouleBinary.repositoryRoot.appendingPathComponent("notebooks/\(name).jnb").path
    let original = try NotebookDocument(contentsOf: path)
    let back = try NotebookDocument(ipynb: original.ipynb(), path: "\(name).ipynb")
    #expect(back.text == original.text)
    #expect(back.cells.map(\.label) == original.cells.map(\.label))
  }

  @Test func labelsBecomeTitlesAndIdsAndMarkdownKeepsItsLines() throws {
    let doc = NotebookDocument(parsing: "# %% intro [markdown]\n# # Title\n#\n# prose\n\n# %% train\nx = 1\n\n# %%\nx + 1\n")
    let json = try #require(try JSONSerialization.jsonObject(with: doc.ipynb()) as? [String: Any])
    #expect(json["nbformat"] as? Int == 4)
    #expect((json["metadata"] as? [String: Any]).flatMap { $0["kernelspec"] as? [String: Any] }?["name"] as? String == "joule")
    let cells = try #require(json["cells"] as? [[String: Any]])
    #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code"])
    #expect(cells.map { $0["id"] as? String } == ["intro", "train", "cell-3"])
    #expect(cells.map { ($0["metadata"] as? [String: Any])?["title"] as? String } == ["intro", "train", nil])
    #expect(cells[0]["source"] as? [String] == ["# Title\n", "\n", "prose"])
    #expect(cells[1]["outputs"] as? [Any] != nil)
  }

  @Test func aJupyterNotebookWithoutTitlesImportsAsUnlabelledCells() throws {
    let ipynb = """
      {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
       "cells": [{"cell_type": "markdown", "id": "a1", "metadata": {}, "source": "# Notes\\n\\nsome text\\n"},
                 {"cell_type": "code", "id": "b2", "metadata": {}, "source": ["x = 1\\n", "x"], "outputs": [],
                  "execution_count": 3},
                 {"cell_type": "code", "id": "c3", "metadata": {"title": "plot it"}, "source": [], "outputs": []}]}
      """
    let doc = try NotebookDocument(ipynb: Data(ipynb.utf8), path: "n.ipynb")
    #expect(doc.text == "# %% [markdown]\n# # Notes\n#\n# some text\n\n# %%\nx = 1\nx\n\n# %% plot it\n\n")
    #expect(doc.cells.map(\.kind) == [.markdown, .code, .code])
    #expect(doc.cells[2].label == "plot it")
  }

  @Test func codeThatWouldSplitIntoTwoCellsIsRefusedWithItsCellNumber() {
    let ipynb = #"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x = 1\n# %% oops\ny = 2"}]}"#
    #expect(throws: NotebookError.badIpynb("n.ipynb", reason: "cell 1 has a line that would start a new cell: # %% oops")) {
      try NotebookDocument(ipynb: Data(ipynb.utf8), path: "n.ipynb")
    }
  }

  @Test func otherFilesAreRefusedClearly() {
    #expect(throws: NotebookError.badIpynb("x.ipynb", reason: "not a JSON notebook")) {
      try NotebookDocument(ipynb: Data("not json".utf8), path: "x.ipynb")
    }
    #expect(throws: NotebookError.self) {
      try NotebookDocument(ipynb: Data(#"{"nbformat": 3, "worksheets": []}"#.utf8), path: "x.ipynb")
    }
  }
}

/// The exported text itself, laid out as nbformat writes it.
@Suite struct NbformatLayoutTests {
  @Test func exportIsLaidOutAsJupyterSavesNotebooks() throws {
    let doc = NotebookDocument(parsing: "# %% a\nprint(\"é\\t\")\n")
    let text = String(decoding: doc.ipynb(), as: UTF8.self)
    // python3 -c 'import json; print(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False))'
    let expected = """
      {
       "cells": [
        {
         "cell_type": "code",
         "execution_count": null,
         "id": "a",
         "metadata": {
          "title": "a"
         },
         "outputs": [],
         "source": [
          "print(\\"é\\\\t\\")"
         ]
        }
       ],
       "metadata": {
        "kernelspec": {
         "display_name": "joule",
         "language": "joule",
         "name": "joule"
        },
        "language_info": {
         "file_extension": ".jnb",
         "mimetype": "text/x-joule",
         "name": "joule"
        }
       },
       "nbformat": 4,
       "nbformat_minor": 5
      }

      """
    #expect(text == expected)
  }
}
