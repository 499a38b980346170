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
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let got = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
      if got < 0 {
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown zlib error"
        throw LearnError.badFile(path: path, fault: "corrupt gzip data (\(message))")
      }
      if got == 0 { break }
      out.append(contentsOf: chunk[0..<Int(got)])
    }
    let direct = gzdirect(file) == 1
    // zlib stops quietly at a cut-off stream; gzerror then reports Z_BUF_ERROR.
    var code: Int32 = 0
    if let m = gzerror(file, &code), code != Z_OK {
      throw LearnError.badFile(path: path, fault: "truncated or corrupt gzip data (\(String(cString: m)))")
    }
    return (out, !direct)
  }
}
