import Foundation

/// Why a file cannot be read or written, in the user's words rather than the platform's
/// generic sentence:
///
///     results/x.csv: folder results does not exist (in /home/me/nb)
///     /etc/shadow: permission denied
///     data: is a folder, not a file (in /home/me/nb)
///     x.csv: no such file (looked in /home/me/nb)
///
/// A relative path always says which folder it was taken from (see `UserPath`): the prompt
/// and a notebook start at different folders, and the message is where a user learns which.
public enum FileProblem {
  /// Why `path` cannot be read (call it once reading has failed).
  public static func reading(_ path: UserPath) -> String {
    problemReading(path) ?? "\(path.written): cannot be read" + where_(path)
  }

  /// Why `path` cannot be written (call it once writing has failed).
  public static func writing(_ path: UserPath) -> String {
    problemWriting(path) ?? "\(path.written): cannot be written" + where_(path)
  }

  /// Why `path` cannot be read, or nil when nothing stands in the way: for adapters that
  /// check before handing the path to a library whose own errors would be vaguer.
  public static func problemReading(_ path: UserPath, folder: Bool = false) -> String? {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path.absolute, isDirectory: &isDirectory) {
      if isDirectory.boolValue && !folder { return "\(path.written): is a folder, not a file" + where_(path) }
      if !isDirectory.boolValue && folder { return "\(path.written): is a file, not a folder" + where_(path) }
      if !fm.isReadableFile(atPath: path.absolute) { return "\(path.written): permission denied" + where_(path) }
      return nil
    }
    if let file = fileInTheWay(path) { return "\(path.written): \(file) is a file, not a folder" + where_(path) }
    if let missing = missingFolder(path) { return "\(path.written): folder \(missing) does not exist" + where_(path) }
    let what = folder ? "no such folder" : "no such file"
    guard path.isRelative else { return "\(path.written): \(what)" }
    return "\(path.written): \(what) (looked in \(UserPath.normalised((path.absolute as NSString).deletingLastPathComponent)))"
      + elsewhere(path)
  }

  /// Why `path` cannot be written (created or replaced), or nil when nothing stands in the way.
  /// `creatingFolders`: the writer makes missing folders (as `save` does for plots), so only
  /// a file in the way or a folder it may not write in is a problem.
  public static func problemWriting(_ path: UserPath, creatingFolders: Bool = false) -> String? {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path.absolute, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return "\(path.written): is a folder, not a file" + where_(path) }
      if !fm.isWritableFile(atPath: path.absolute) { return "\(path.written): permission denied" + where_(path) }
      return nil
    }
    if let file = fileInTheWay(path) { return "\(path.written): \(file) is a file, not a folder" + where_(path) }
    if let missing = missingFolder(path) {
      guard creatingFolders else { return "\(path.written): folder \(missing) does not exist" + where_(path) }
      let existing = nearestExisting((path.absolute as NSString).deletingLastPathComponent)
      if !fm.isWritableFile(atPath: existing) {
        return "\(path.written): permission denied (cannot make folder \(missing))" + where_(path)
      }
      return nil
    }
    let parent = (path.absolute as NSString).deletingLastPathComponent
    if !fm.isWritableFile(atPath: parent.isEmpty ? "/" : parent) { return "\(path.written): permission denied" + where_(path) }
    return nil
  }

  /// The older form: `path` absolute, `shown` as the user wrote it.
  public static func reading(_ path: String, shown: String? = nil) -> String {
    reading(inferred(path, shown: shown))
  }

  /// The older form: `path` absolute, `shown` as the user wrote it.
  public static func writing(_ path: String, shown: String? = nil) -> String {
    writing(inferred(path, shown: shown))
  }

  /// A hint when a relative path taken from a notebook's or script's folder names a file that
  /// the working directory has (made at the prompt, say): the one place the two rules meet.
  private static func elsewhere(_ path: UserPath) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    guard let base = path.base, UserPath.normalised(base) != UserPath.normalised(cwd) else { return "" }
    let there = UserPath(path.written, relativeTo: cwd).absolute
    guard FileManager.default.fileExists(atPath: there) else { return "" }
    return "; the working directory has one: \(UserPath.normalised(there))"
  }

  /// `folder` or the nearest folder above it that exists ("/" at worst).
  private static func nearestExisting(_ folder: String) -> String {
    var existing = folder
    while !existing.isEmpty, existing != "/", !FileManager.default.fileExists(atPath: existing) {
      existing = (existing as NSString).deletingLastPathComponent
    }
    return existing.isEmpty ? "/" : existing
  }

  /// A file where the path needs a folder (`data.csv/x.png`), as the user would write it.
  private static func fileInTheWay(_ path: UserPath) -> String? {
    let existing = nearestExisting((path.absolute as NSString).deletingLastPathComponent)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: existing, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
    return shown(existing, path)
  }

  /// `absolute` as the user would write it: relative to the path's base when it was relative.
  private static func shown(_ absolute: String, _ path: UserPath) -> String {
    if let base = path.base, absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
    return absolute
  }

  /// " (in FOLDER)" for a relative path, nothing for an absolute one.
  private static func where_(_ path: UserPath) -> String {
    path.base.map { " (in \(UserPath.normalised($0)))" } ?? ""
  }

  /// A `UserPath` from an absolute path and the text it was resolved from.
  private static func inferred(_ path: String, shown: String?) -> UserPath {
    guard let shown, shown != path, !shown.hasPrefix("/"), !shown.hasPrefix("~"), path.hasSuffix("/" + shown) else {
      return UserPath(written: shown ?? path, absolute: path, base: nil)
    }
    return UserPath(shown, relativeTo: String(path.dropLast(shown.count + 1)))
  }

  /// The outermost folder on the way to `path` that does not exist, as the user would write
  /// it (relative when the path was), or nil when the file's folder exists.
  static func missingFolder(_ path: UserPath) -> String? {
    let fm = FileManager.default
    var folder = (path.absolute as NSString).deletingLastPathComponent
    var missing: String?
    var isDirectory: ObjCBool = false
    while !folder.isEmpty, folder != "/", !(fm.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
      missing = folder
      folder = (folder as NSString).deletingLastPathComponent
    }
    return missing.map { shown($0, path) }
  }
}
