import Foundation

/// A path as the user wrote it, and the absolute path it names: the one rule every builtin
/// that takes a file or folder follows (docs/language.md, "Relative paths").
///
///     UserPath("data/x.csv", relativeTo: "/home/me/nb").absolute   // "/home/me/nb/data/x.csv"
///     UserPath("~/x.csv", relativeTo: "/home/me/nb").absolute      // "/home/me/x.csv"
///     UserPath.inProgram("x.csv", context)   // beside the running notebook or script
///
/// A relative path written in a program starts at the folder of the notebook or script that
/// is running (`CallContext.scriptDirectory`: a notebook's folder, as in Jupyter; a script's
/// folder under `joule run`; a `source`d or `:load`ed file's folder while it runs), and at the
/// working directory at the prompt and for piped input. A path taken from an environment
/// variable (`JOULE_STORE`, `JOULE_DATA`) starts at the working directory, as the shell that
/// set it would read it. `~` is the home folder everywhere.
public struct UserPath: Sendable, CustomStringConvertible {
  /// As the user wrote it: what messages show first.
  public let written: String
  /// Where it points.
  public let absolute: String
  /// The folder a relative path was taken from; nil when it was absolute (or `~`).
  public let base: String?

  /// `written` resolved against `base` (the working directory when nil).
  public init(_ written: String, relativeTo base: String?) {
    self.written = written
    let expanded = (written as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") {
      self.base = nil
      absolute = expanded
    } else {
      let folder = base ?? FileManager.default.currentDirectoryPath
      self.base = folder
      absolute = (folder as NSString).appendingPathComponent(expanded)
    }
  }

  init(written: String, absolute: String, base: String?) {
    self.written = written
    self.absolute = absolute
    self.base = base
  }

  /// A path written in the running program: against its folder, or the working directory at
  /// the prompt.
  public static func inProgram(_ written: String, _ context: any CallContext) -> UserPath {
    UserPath(written, relativeTo: context.scriptDirectory)
  }

  /// A path read from an environment variable: against the working directory.
  public static func fromEnvironment(_ written: String) -> UserPath {
    UserPath(written, relativeTo: nil)
  }

  public var isRelative: Bool { base != nil }

  /// How messages name it: as written, with the folder it was taken from when it was relative
  /// (`x.csv (in /home/me/nb)`), so a file that landed somewhere unexpected can be found.
  public var description: String {
    guard let base else { return written }
    return "\(written) (in \(UserPath.normalised(base)))"
  }

  /// `..` and `.` folded away, so messages show the folder a user would `cd` to (the path
  /// itself is left as the system will follow it, symbolic links and all).
  static func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}
