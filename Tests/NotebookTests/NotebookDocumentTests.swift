import Notebook
import Testing

@Test func percentMarkersSplitCodeAndProseCells() {
  let text = """
    # %% [markdown]
    # # Title
    #
    # Some *prose*.

    # %% load
    x = 41

    # %%
    x + 1
    # %% plot [markdown]
    # more prose
    """
  let doc = NotebookDocument(parsing: text)
  #expect(doc.cells.map(\.kind) == [.markdown, .code, .code, .markdown])
  #expect(doc.cells[0].source == "# Title\n\nSome *prose*.")
  #expect(doc.cells[1].label == "load")
  #expect(doc.cells[1].source == "x = 41")
  #expect(doc.cells[1].line == 7)
  #expect(doc.cells[2].label == "cell-3")
  #expect(!doc.cells[2].labelled)
  #expect(doc.cells[2].line == 10)
  #expect(doc.cells[3].source == "more prose")
}

@Test func codeBeforeTheFirstMarkerIsACellAndMetadataIsIgnored() {
  let doc = NotebookDocument(parsing: "a = 1\n# %% train tags=[\"slow\"]\nb = 2\n")
  #expect(doc.cells.count == 2)
  #expect(doc.cells[0].label == "cell-1")
  #expect(doc.cells[0].line == 1)
  #expect(doc.cells[1].label == "train")
}

@Test func repeatedLabelsBecomeUniqueAndFileSafe() {
  let doc = NotebookDocument(parsing: "# %% fit\n1\n# %% fit\n2\n# %% a/b c\n3\n")
  #expect(doc.cells.map(\.label) == ["fit", "fit-2", "a/b c"])
  #expect(doc.cells[2].fileStem == "a-b-c")
}

@Test func notebookTextParsesBackToTheSameCells() {
  let doc = NotebookDocument(parsing: "# %% [markdown]\n# hi\n#\n# there\n# %% one\nx = 1\n# %%\nprint(x)\n")
  let again = NotebookDocument(parsing: doc.text)
  #expect(again.cells.map(\.source) == doc.cells.map(\.source))
  #expect(again.cells.map(\.label) == doc.cells.map(\.label))
  #expect(again.cells.map(\.kind) == doc.cells.map(\.kind))
}
