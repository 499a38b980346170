import Foundation
import Learn
import Testing

/// Saving and loading models as safetensors in PyTorch's state_dict layout.
@Suite struct ModelArchiveTests {
  /// Seeded random images of `shape` with labels 0..<classes.
  static func samples(_ n: Int, _ shape: Shape, classes: Int = 4, seed: UInt64 = 1) throws -> Samples {
    var g = seed
    func next() -> Float { g = g &* 6364136223846793005 &+ 1442695040888963407; return Float(g >> 40) / Float(1 << 24) }
    let features = (0..<(n * shape.count)).map { _ in next() }
    return try Samples(shape: shape, features: features, labels: (0..<n).map { Int32($0 % classes) })
  }

  /// A small simple_cnn for 3×8×8 images, trained a little so batchnorm's running statistics move.
  static func trained() throws -> (Model, Dataset) {
    let shape = Shape(c: 3, h: 8, w: 8)
    let m = try PaperNetworks.simpleCNN(conv: 1, linear: 2, input: shape, classes: 4)
    let d = try Dataset(name: "random", train: samples(64, shape), test: samples(32, shape, seed: 2))
    _ = try Trainer.train(m, on: d, options: TrainingOptions(epochs: 1, batchSize: 16, threads: 1))
    return (m, d)
  }

  /// The header of a safetensors file, parsed.
  static func header(_ bytes: [UInt8]) throws -> (length: Int, json: [String: Any]) {
    let n = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.1) << (8 * $1.0) }
    let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + n)])) as? [String: Any])
    return (n, json)
  }

  static func float(_ bytes: [UInt8], at offset: Int) -> Float {
    Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) })
  }

  @Test func aSavedModelLoadsWithTheSameWeightsAndPredictions() throws {
    let (m, d) = try Self.trained()
    let bytes = try ModelArchive.encode(m, classNames: ["a", "b", "c", "d"])
    let (back, classes) = try ModelArchive.decode(bytes, path: "m.safetensors")
    #expect(classes == ["a", "b", "c", "d"])
    #expect(back.layers == m.layers && back.inputShape == m.inputShape)
    #expect(back.parameters.map(\.values) == m.parameters.map(\.values))
    let p1 = try Predictor.probabilities(m, samples: d.test)
    let p2 = try Predictor.probabilities(back, samples: d.test)
    #expect(p1 == p2)
    #expect(try Trainer.evaluate(back, on: d.test).accuracy == Trainer.evaluate(m, on: d.test).accuracy)
    #expect(p1.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-5 && $0.count == 4 })
  }

  @Test func theFileIsSafetensorsWithPyTorchNamesShapesAndLayouts() throws {
    let (m, _) = try Self.trained()
    let bytes = try ModelArchive.encode(m)
    let (n, json) = try Self.header(bytes)
    #expect(n % 8 == 0)
    let meta = try #require(json["__metadata__"] as? [String: String])
    #expect(meta["format"] == "pt" && meta["joule.input"] == "[3, 8, 8]")
    #expect(meta["joule.pytorch"] == "nn.Sequential(nn.Conv2d(3, 9, 3, padding=1), nn.BatchNorm2d(9), nn.ReLU(), "
            + "nn.MaxPool2d(2, 2), nn.Flatten(), nn.Linear(144, 96), nn.Linear(96, 4))")
    // PyTorch's state_dict names for that nn.Sequential, with its shapes.
    let expected: [String: (String, [Int])] = [
      "0.weight": ("F32", [9, 3, 3, 3]), "0.bias": ("F32", [9]), "1.weight": ("F32", [9]), "1.bias": ("F32", [9]),
      "1.running_mean": ("F32", [9]), "1.running_var": ("F32", [9]), "1.num_batches_tracked": ("I64", []),
      "5.weight": ("F32", [96, 144]), "5.bias": ("F32", [96]), "6.weight": ("F32", [4, 96]), "6.bias": ("F32", [4]),
    ]
    #expect(Set(json.keys) == Set(expected.keys).union(["__metadata__"]))
    var end = 0
    for (name, (dtype, shape)) in expected {
      let entry = try #require(json[name] as? [String: Any])
      #expect(entry["dtype"] as? String == dtype, "\(name)")
      #expect(entry["shape"] as? [Int] == shape, "\(name)")
      let offsets = try #require(entry["data_offsets"] as? [Int])
      #expect(offsets[1] - offsets[0] == shape.reduce(1, *) * (dtype == "I64" ? 8 : 4))
      end = max(end, offsets[1])
    }
    #expect(bytes.count == 8 + n + end)
    func offset(_ name: String) -> Int { 8 + n + ((json[name] as! [String: Any])["data_offsets"] as! [Int])[0] }
    // Conv weights: joule keeps out×kh×kw×in, the file out×in×kh×kw.
    let conv = m.parameters[0].values
    for (o, c, ky, kx) in [(0, 0, 0, 0), (2, 1, 0, 2), (8, 2, 2, 1)] {
      let torch = ((o * 3 + c) * 3 + ky) * 3 + kx, joule = o * 27 + (ky * 3 + kx) * 3 + c
      #expect(Self.float(bytes, at: offset("0.weight") + 4 * torch) == conv[joule])
    }
    // The linear after flatten: PyTorch's column c·16 + y·4 + x is joule's (y·4 + x)·9 + c (a 9×4×4 map).
    let linear = m.parameters[4].values
    for (row, c, y, x) in [(0, 0, 0, 1), (5, 8, 3, 2), (95, 4, 1, 0)] {
      let torch = row * 144 + c * 16 + y * 4 + x, joule = row * 144 + (y * 4 + x) * 9 + c
      #expect(Self.float(bytes, at: offset("5.weight") + 4 * torch) == linear[joule])
    }
    // Batchnorm's running variance moved off its initial 1 while training.
    let variance = (0..<9).map { Self.float(bytes, at: offset("1.running_var") + 4 * $0) }
    #expect(variance.contains { $0 != 1 })
  }

  @Test func everyTruncationIsAnErrorSayingSoNeverACrash() throws {
    let (m, _) = try Self.trained()
    let bytes = try ModelArchive.encode(m)
    for cut in Array(stride(from: 0, to: bytes.count, by: 97)) + [7, 8, 9, bytes.count - 1] {
      #expect(throws: LearnError.self) { try ModelArchive.decode(Array(bytes[0..<cut]), path: "cut.safetensors") }
    }
    do {
      _ = try ModelArchive.decode(Array(bytes[0..<(bytes.count - 4)]), path: "cut.safetensors")
    } catch let e as LearnError {
      #expect(e.description.hasPrefix("cut.safetensors: truncated: tensor"))
    }
  }

  @Test func foreignFilesAreNamedForWhatTheyAre() throws {
    func fault(_ bytes: [UInt8]) -> String {
      do { _ = try ModelArchive.decode(bytes, path: "x"); return "loaded" } catch { return "\(error)" }
    }
    #expect(fault(Array("PK\u{3}\u{4} a zip file, not safetensors".utf8)).contains("not a safetensors file"))
    var huge = [UInt8](repeating: 0xFF, count: 16)
    huge[7] = 0x7F
    #expect(fault(huge).contains("header length says"))
    // A valid safetensors file that joule did not write: no architecture in its metadata.
    var plain = SafeTensors()
    plain.append(SafeTensors.Tensor(name: "weight", shape: [2], floats: [1, 2]))
    #expect(fault(plain.encoded()).contains("not one joule saved"))
    // Shapes whose byte count overflows, and offsets past the end.
    for header in [#"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}}"#,
                   #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#,
                   #"{"w":{"dtype":"Q7","shape":[2],"data_offsets":[0,8]}}"#, #"{"w":[1,2]}"#, "[1, 2]"] {
      var bytes = [UInt8](repeating: 0, count: 8) + Array(header.utf8)
      bytes[0] = UInt8(header.utf8.count)
      #expect(fault(bytes).hasPrefix("x: "), "\(header)")
    }
    // joule's metadata with a tensor of the wrong shape.
    let (m, _) = try Self.trained()
    var file = try SafeTensors.decode(ModelArchive.encode(m), path: "x")
    file.tensors[0] = SafeTensors.Tensor(name: "0.weight", shape: [9, 3, 9], floats: [Float](repeating: 0, count: 243))
    #expect(fault(file.encoded()) == "x: tensor 0.weight has shape [9, 3, 9], the architecture needs [9, 3, 3, 3]")
  }

  @Test func anUntrainedModelCannotBeSaved() throws {
    #expect(throws: LearnError.self) { try ModelArchive.encode(try PaperNetworks.densePoly(3)) }
  }
}
