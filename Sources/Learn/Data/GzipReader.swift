import CZlib
import Foundation

/// Reads a whole file through zlib: gzip-compressed files are inflated, plain files pass through.
///
///     let (bytes, compressed) = try GzipReader.read("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")
enum GzipReader {
  static func read(_ path: String) throws -> (bytes: [UInt8], compressed: Bool) {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw LearnError.badFile(path: path, fault: "no such file")
    }
    guard !isDir.boolValue else { throw LearnError.badFile(path: path, fault: "is a folder, not a file") }
    guard let file = gzopen(path, "rb") else {
      throw LearnError.badFile(path: path, fault: "cannot open (\(String(cString: strerror(errno))))")
    }
    defer { gzclose(file) }
    gzbuffer(file, 1 << 20)
    // Inflate straight into one buffer sized from the gzip trailer (ISIZE: the plain size
    // modulo 2^32), so a 47 MB image file costs 47 MB, not a doubling array plus a chunk copy.
    var out: [UInt8] = []
    out.reserveCapacity(GzipReader.expectedSize(path) ?? 1 << 20)
    while true {
      if out.count == out.capacity { out.reserveCapacity(out.capacity * 2) }
      let room = out.capacity - out.count
      var got: Int32 = 0
      out.append(contentsOf: repeatElement(0, count: room))
      out.withUnsafeMutableBufferPointer { buffer in
        got = gzread(file, buffer.baseAddress! + (buffer.count - room), UInt32(room))
      }
      out.removeLast(room - max(0, Int(got)))
      if got < 0 {
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown zlib error"
        throw LearnError.badFile(path: path, fault: "corrupt gzip data (\(message))")
      }
      if got == 0 { break }
    }
    let direct = gzdirect(file) == 1
    // zlib stops quietly at a cut-off stream; gzerror then reports Z_BUF_ERROR.
    var code: Int32 = 0
    if let m = gzerror(file, &code), code != Z_OK {
      throw LearnError.badFile(path: path, fault: "truncated or corrupt gzip data (\(String(cString: m)))")
    }
    return (out, !direct)
  }

  /// The plain size a gzip file declares in its last four bytes (little-endian ISIZE), or the
  /// file's own size when it is not gzip; nil when it cannot be read. Only a capacity hint.
  static func expectedSize(_ path: String) -> Int? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let magic = try? handle.read(upToCount: 2), let end = try? handle.seekToEnd() else { return nil }
    guard magic == Data([0x1F, 0x8B]) else { return Int(end) }
    guard end >= 18 else { return nil }
    try? handle.seek(toOffset: end - 4)
    guard let trailer = try? handle.read(upToCount: 4), trailer.count == 4 else { return nil }
    return trailer.reversed().reduce(0) { $0 << 8 | Int($1) } + 1
  }
}
