/// A fenced code block of README.md or docs/*.md, with where it starts.
///
///     DocBlock(file: "docs/training.md", line: 19, info: "joule", code: "print(1)   # expect: 1")
struct DocBlock: Sendable {
  let file: String
  /// The line of the opening fence.
  let line: Int
  /// The fence's info string: `joule`, `joule-check`, `text`, ...
  let info: String
  let code: String
}
