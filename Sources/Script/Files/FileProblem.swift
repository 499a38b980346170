import Foundation

/// Why a file cannot be read or written, in the user's words rather than the platform's
/// generic sentence:
///
///     results/x.csv: folder results does not exist
///     /etc/shadow: permission denied
///     data: is a folder, not a file
///
/// `shown` is the path as the user wrote it; `path` the absolute path it resolved to.
public enum FileProblem {
  public static func reading(_ path: String, shown: String? = nil) -> String {
    let shown = shown ?? path
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return "\(shown): is a folder, not a file" }
      if !fm.isReadableFile(atPath: path) { return "\(shown): permission denied" }
      return "\(shown): cannot be read"
    }
    if let folder = missingFolder(path, shown: shown) { return "\(shown): folder \(folder) does not exist" }
    // A relative path resolved against a script's folder: say which folder was searched.
    let searched = shown != path && !shown.hasPrefix("/") && !shown.hasPrefix("~")
    return "\(shown): no such file" + (searched ? " (looked in \((path as NSString).deletingLastPathComponent))" : "")
  }

  public static func writing(_ path: String, shown: String? = nil) -> String {
    let shown = shown ?? path
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return "\(shown): is a folder, not a file" }
      if !fm.isWritableFile(atPath: path) { return "\(shown): permission denied" }
    }
    if let folder = missingFolder(path, shown: shown) {
      // A relative path: say where it was taken from (the script's folder, or the prompt's).
      let relative = shown != path && !shown.hasPrefix("/") && !shown.hasPrefix("~") && path.hasSuffix(shown)
      let base = relative ? String(path.dropLast(shown.count)) : ""
      return "\(shown): folder \(folder) does not exist" + (relative && !base.isEmpty ? " (in \(base.hasSuffix("/") && base.count > 1 ? String(base.dropLast()) : base))" : "")
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !fm.isWritableFile(atPath: parent.isEmpty ? "." : parent) { return "\(shown): permission denied" }
    return "\(shown): cannot be written"
  }

  /// The outermost folder on the way to `path` that does not exist, as the user would write
  /// it (relative when `shown` is), or nil when the file's folder exists.
  static func missingFolder(_ path: String, shown: String) -> String? {
    let fm = FileManager.default
    var folder = (path as NSString).deletingLastPathComponent
    var missing: String?
    var isDirectory: ObjCBool = false
    while !folder.isEmpty, folder != "/", !(fm.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
      missing = folder
      folder = (folder as NSString).deletingLastPathComponent
    }
    guard let missing else { return nil }
    if !shown.hasPrefix("/"), path.hasSuffix(shown) {
      let base = path.dropLast(shown.count)
      if missing.hasPrefix(base) { return String(missing.dropFirst(base.count)) }
    }
    return missing
  }
}
