import Notebook
import Testing

/// `:save` writes a notebook that reruns from a fresh start and gives the same results.
@Suite struct SessionNotebookTests {
  typealias Input = SessionNotebook.Input

  @Test func acceptedInputsBecomeCellsInOrder() {
    let n = SessionNotebook(inputs: [Input("x = 41"), Input("x + 1", setsLast: true)])
    #expect(n.text == "# %%\nx = 41\n\n# %%\nx + 1\n")
  }

  @Test func anInterruptedRunAndTheInputsThatReadItsPartialResultAreLeftOut() {
    let n = SessionNotebook(inputs: [
      Input("d = dataset(\"fashion-mnist\")"),
      Input("rb = train(m, d)", ok: false, setsLast: true),  // Ctrl-C: `_` holds the partial run
      Input("_", setsLast: true),
      Input("_.epochs", setsLast: true),
      Input("n = len(d.train)"),
    ])
    #expect(n.kept == ["d = dataset(\"fashion-mnist\")", "n = len(d.train)"])
  }

  @Test func aNameAFailedInputWouldHaveSetTaintsItsReadersTransitively() {
    let n = SessionNotebook(inputs: [
      Input("r = {a: 1}"),
      Input("r = {a: 1} + 1", ok: false),
      Input("s = r.a * 2"),          // read the old r at the prompt; the notebook would differ
      Input("print(\"{s}\")"),         // reads s, which came from r
      Input("r = {a: 5}"),           // r set afresh: readers after this are fine
      Input("t = r.a"),
    ])
    #expect(n.kept == ["r = {a: 1}", "r = {a: 5}", "t = r.a"])
  }

  @Test func aFailureWithoutAResultLeavesUnderscoreAlone() {
    let n = SessionNotebook(inputs: [
      Input("1 + 2", setsLast: true),
      Input("nope", ok: false),
      Input("_ * 2", setsLast: true),
    ])
    #expect(n.kept == ["1 + 2", "_ * 2"])
  }

  @Test func helpCallsAreNotSaved() {
    let n = SessionNotebook(inputs: [Input("help()"), Input("help(train)"), Input(" help(\"plot\") "),
                                     Input("x = 1"), Input("help(x)")])
    #expect(n.kept == ["x = 1"])
    #expect(!SessionNotebook.isHelp("helper(1)"))
    #expect(!SessionNotebook.isHelp("help(f(1))"))
  }
}
