import Foundation
import JouleKit
import Script
import Testing

/// save_model, load_model, predict and CIFAR-10 through the language.
@Suite struct ModelFileBuiltinsTests {
  static func run(_ source: String, directory: String? = nil) throws -> Value {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    return try Interpreter(registry: registry, output: BufferOutput(), scriptDirectory: directory)
      .run(source, file: "models.joule")
  }

  static func errorMessage(_ source: String, directory: String? = nil) -> String {
    do { _ = try run(source, directory: directory) } catch { return "\(error)" }
    return "no error"
  }

  static func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "joule-models-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Six CIFAR-10 batch files of `perFile` records, labels cycling 0...9.
  static func writeCIFAR(in dir: String, perFile: Int) throws {
    for (f, name) in ((1...5).map { "data_batch_\($0).bin" } + ["test_batch.bin"]).enumerated() {
      var bytes: [UInt8] = []
      for r in 0..<perFile {
        let label = (f * perFile + r) % 10
        bytes.append(UInt8(label))
        // Each class is a different brightness, so the network has something to learn.
        for p in 0..<3072 { bytes.append(UInt8((label * 25 + p % 7) % 256)) }
      }
      try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
    }
  }

  @Test func aModelSavedAndLoadedPredictsTheSame() throws {
    let dir = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let v = try Self.run("""
      d = dataset("fashion-mnist", train: 600, test: 200)
      m = simple_cnn(conv: 1, linear: 2)
      train(m, d, epochs: 1)
      path = save_model(m, "cnn.safetensors", classes: d)
      m2 = load_model("cnn.safetensors")
      [evaluate(m, d).accuracy, evaluate(m2, d).accuracy, predict(m, d) == predict(m2, d), len(predict(m2, d)),
       len(predict(m2, d)[0]), m2.layers == m.layers]
      """, directory: dir)
    guard case .list(let r) = v else { Issue.record("not a list"); return }
    #expect(r[0].number == r[1].number)
    #expect(r[2].shortDescription == "true" && r[3].number == 200 && r[4].number == 10 && r[5].shortDescription == "true")
    #expect(FileManager.default.fileExists(atPath: dir + "/cnn.safetensors"))
  }

  @Test func predictTakesOneImageOrAListOfThem() throws {
    let v = try Self.run("""
      d = dataset("fashion-mnist", train: 300, test: 10)
      m = dense_poly(2)
      train(m, d)
      one = predict(m, [[0.5] * 784])
      flat = predict(m, [0.5] * 784)
      [len(one), len(one[0]), len(flat), round(sum(flat), 5)]
      """)
    #expect(v.shortDescription == "[1, 10, 10, 1.0]")
    #expect(Self.errorMessage("""
      m = dense_poly(2)
      train(m, dataset("fashion-mnist", train: 100, test: 10))
      predict(m, [1, 2, 3])
      """).contains("the model takes images of 1×28×28 = 784 values; got 3 values"))
  }

  @Test func loadingAFileThatIsNotAModelSaysWhy() throws {
    let dir = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "hello".write(toFile: dir + "/notes.safetensors", atomically: true, encoding: .utf8)
    #expect(Self.errorMessage("load_model(\"notes.safetensors\")", directory: dir)
      .contains("notes.safetensors: not a safetensors file"))
    #expect(Self.errorMessage("load_model(\"absent.safetensors\")", directory: dir).contains("no such file"))
    #expect(Self.errorMessage("save_model(dense_poly(2), \"x.safetensors\")", directory: dir).contains("train it first"))
  }

  @Test func cifar10TrainsEndToEndWithThePaperNetworks() throws {
    let dir = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.writeCIFAR(in: dir, perFile: 40)
    let v = try Self.run("""
      d = dataset("cifar-10", path: ".")
      m = simple_cnn(conv: 2, linear: 3, input: d)
      r = train(m, d, epochs: 2, batch: 20)
      save_model(m, "cifar.safetensors")
      [d.shape, d.train, d.test, m.input, r.state, r.accuracy, load_model("cifar.safetensors").input, dense_linear(3, input: [3, 32, 32]).parameters]
      """, directory: dir)
    guard case .list(let r) = v else { Issue.record("not a list"); return }
    #expect(r[0].shortDescription == "[3, 32, 32]" && r[1].number == 200 && r[2].number == 40)
    #expect(r[3].shortDescription == "[3, 32, 32]" && r[4].shortDescription == "\"complete\"")
    #expect((r[5].number ?? 0) > 0.3)   // ten brightness levels: far above chance (0.1)
    #expect(r[6].shortDescription == "[3, 32, 32]")
    #expect(r[7].number == Double(3072 * 2048 + 2048 + 2048 * 1024 + 1024 + 1024 * 10 + 10))
  }

  @Test func aMissingCIFARFolderSaysWhereToGetIt() {
    let message = Self.errorMessage("dataset(\"cifar-10\", path: \"/nonexistent/data\")")
    #expect(message.contains("looked for test_batch.bin and data_batch_1..5.bin in /nonexistent/data"))
    #expect(message.contains("cifar-10-binary.tar.gz"))
  }
}
