import Foundation

/// The IDX files this process has read, by path, each with the size and modification time it
/// had; a changed file is read again. Thread-safe.
///
///     IDXFileCache.shared.file(path, stamp: IDXFileCache.stamp(path)!)   // nil until kept
final class IDXFileCache: @unchecked Sendable {
  static let shared = IDXFileCache()

  /// What identifies one version of a file: its size and modification time.
  struct Stamp: Equatable {
    let size: Int64
    let modified: timespec
    static func == (a: Stamp, b: Stamp) -> Bool {
      a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }
  }

  private let lock = NSLock()
  private var files: [String: (Stamp, IDXFile)] = [:]

  /// The file's stamp now, or nil when it cannot be read (the reader then reports why).
  static func stamp(_ path: String) -> Stamp? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Stamp(size: Int64(st.st_size), modified: st.st_mtim)
  }

  func file(_ path: String, stamp: Stamp) -> IDXFile? {
    lock.lock()
    defer { lock.unlock() }
    guard let (kept, file) = files[path], kept == stamp else { return nil }
    return file
  }

  func keep(_ file: IDXFile, stamp: Stamp) {
    lock.lock()
    files[file.path] = (stamp, file)
    lock.unlock()
  }
}
