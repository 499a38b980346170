import Foundation

/// A REPL session written as a notebook: one `# %%` cell per accepted input.
///
///     SessionNotebook(inputs: ["x = 41", "x + 1"]).text
///     // "# %%\nx = 41\n\n# %%\nx + 1\n"
struct SessionNotebook {
  let inputs: [String]

  var text: String {
    inputs.map { "# %%\n" + $0 + ($0.hasSuffix("\n") ? "" : "\n") }.joined(separator: "\n")
  }
}
