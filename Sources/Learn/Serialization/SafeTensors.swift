import Foundation
import JSONText

/// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the raw little-endian data.
///
///     var file = SafeTensors(metadata: ["format": "pt"])
///     file.append(SafeTensors.Tensor(name: "0.weight", shape: [3, 1, 3, 3], floats: weights))
///     try file.encoded().write(to: url)
///     let back = try SafeTensors.decode(bytes, path: "m.safetensors")
///
/// Spec: https://github.com/huggingface/safetensors#format. The header is padded with spaces to
/// a multiple of 8 bytes, as the reference writer does, so the data stays aligned.
public struct SafeTensors {
  /// One tensor: its name, element type, shape and little-endian bytes.
  public struct Tensor: Equatable {
    public var name: String
    public var dtype: DType
    public var shape: [Int]
    public var data: [UInt8]

    public init(name: String, dtype: DType, shape: [Int], data: [UInt8]) {
      self.name = name
      self.dtype = dtype
      self.shape = shape
      self.data = data
    }

    /// A float32 tensor.
    public init(name: String, shape: [Int], floats: [Float]) {
      var bytes = [UInt8](); bytes.reserveCapacity(floats.count * 4)
      for f in floats { withUnsafeBytes(of: f.bitPattern.littleEndian) { bytes += $0 } }
      self.init(name: name, dtype: .f32, shape: shape, data: bytes)
    }

    /// An int64 tensor.
    public init(name: String, shape: [Int], int64s: [Int64]) {
      var bytes = [UInt8](); bytes.reserveCapacity(int64s.count * 8)
      for v in int64s { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
      self.init(name: name, dtype: .i64, shape: shape, data: bytes)
    }

    public var elementCount: Int { shape.reduce(1, *) }

    /// The values as Float, from F32 or F64 data.
    public func floats() -> [Float]? {
      switch dtype {
      case .f32:
        return (0..<elementCount).map { i in
          var bits: UInt32 = 0
          for b in 0..<4 { bits |= UInt32(data[i * 4 + b]) << (8 * b) }
          return Float(bitPattern: bits)
        }
      case .f64:
        return (0..<elementCount).map { i in
          var bits: UInt64 = 0
          for b in 0..<8 { bits |= UInt64(data[i * 8 + b]) << (8 * b) }
          return Float(Double(bitPattern: bits))
        }
      default: return nil
      }
    }
  }

  /// The element types joule writes or reads; others are named in errors.
  public enum DType: String, CaseIterable {
    case f32 = "F32", f64 = "F64", i64 = "I64", i32 = "I32", f16 = "F16", bf16 = "BF16", u8 = "U8"

    public var size: Int {
      switch self {
      case .f64, .i64: return 8
      case .f32, .i32: return 4
      case .f16, .bf16: return 2
      case .u8: return 1
      }
    }
  }

  public var tensors: [Tensor] = []
  /// Free-form text pairs (the header's `__metadata__`).
  public var metadata: [String: String]

  public init(metadata: [String: String] = [:]) { self.metadata = metadata }

  public mutating func append(_ t: Tensor) { tensors.append(t) }

  public subscript(name: String) -> Tensor? { tensors.first { $0.name == name } }

  /// The whole file: header length, header, data in `tensors` order.
  public func encoded() -> [UInt8] {
    var entries: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.keys.sorted().map { "\(JSONString.quoted($0)):\(JSONString.quoted(metadata[$0]!))" }
      entries.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
    }
    var offset = 0
    for t in tensors {
      let shape = t.shape.map(String.init).joined(separator: ",")
      entries.append("\(JSONString.quoted(t.name)):{\"dtype\":\"\(t.dtype.rawValue)\",\"shape\":[\(shape)],"
                     + "\"data_offsets\":[\(offset),\(offset + t.data.count)]}")
      offset += t.data.count
    }
    var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
    while header.count % 8 != 0 { header.append(0x20) }
    var out = [UInt8]()
    out.reserveCapacity(8 + header.count + offset)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { out += $0 }
    out += header
    for t in tensors { out += t.data }
    return out
  }

  /// Reads a file's bytes; `path` only names the file in errors.
  public static func decode(_ bytes: [UInt8], path: String) throws -> SafeTensors {
    func bad(_ fault: String) -> LearnError { .badFile(path: path, fault: fault) }
    guard bytes.count >= 8 else {
      throw bad("not a safetensors file: \(bytes.count) bytes, shorter than the 8-byte header length")
    }
    var length: UInt64 = 0
    for b in 0..<8 { length |= UInt64(bytes[b]) << (8 * b) }
    guard length <= UInt64(bytes.count - 8) else {
      throw bad("truncated or not a safetensors file: the header length says \(length) bytes, "
                + "but only \(bytes.count - 8) follow")
    }
    let headerBytes = bytes[8..<(8 + Int(length))]
    guard headerBytes.first == UInt8(ascii: "{"),
          let json = try? JSONSerialization.jsonObject(with: Data(headerBytes)),
          let header = json as? [String: Any] else {
      throw bad("not a safetensors file: the header is not a JSON object")
    }
    let data = bytes[(8 + Int(length))...]
    var file = SafeTensors()
    if let meta = header["__metadata__"] {
      guard let m = meta as? [String: String] else { throw bad("__metadata__ must map text to text") }
      file.metadata = m
    }
    var items: [(Int, Tensor)] = []
    for (name, value) in header where name != "__metadata__" {
      guard let entry = value as? [String: Any], let dtypeName = entry["dtype"] as? String,
            let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2 else {
        throw bad("tensor \(name): needs dtype, shape and data_offsets")
      }
      guard let dtype = DType(rawValue: dtypeName) else { throw bad("tensor \(name): unknown dtype \(dtypeName)") }
      guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[1] >= offsets[0] else {
        throw bad("tensor \(name): negative shape or offsets")
      }
      let (count, overflow) = shape.reduce((1, false)) { acc, d in
        let m = acc.0.multipliedReportingOverflow(by: d)
        return (m.partialValue, acc.1 || m.overflow)
      }
      let bytesNeeded = count.multipliedReportingOverflow(by: dtype.size)
      guard !overflow, !bytesNeeded.overflow, bytesNeeded.partialValue == offsets[1] - offsets[0] else {
        let needs = overflow || bytesNeeded.overflow ? "more bytes than a file can hold" : "\(bytesNeeded.partialValue) bytes"
        throw bad("tensor \(name): shape \(shape) of \(dtypeName) needs \(needs), data_offsets give \(offsets[1] - offsets[0])")
      }
      guard offsets[1] <= data.count else {
        throw bad("truncated: tensor \(name) ends at byte \(offsets[1]) of the data, which has \(data.count)")
      }
      let start = data.startIndex + offsets[0]
      items.append((offsets[0], Tensor(name: name, dtype: dtype, shape: shape,
                                       data: Array(data[start..<(start + offsets[1] - offsets[0])]))))
    }
    file.tensors = items.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.name < $1.1.name }.map(\.1)
    return file
  }
}
