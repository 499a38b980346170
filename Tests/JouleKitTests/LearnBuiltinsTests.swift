import Foundation
import JouleKit
import Script
import Testing

/// The training builtins end to end, through the language.
@Suite struct LearnBuiltinsTests {
  static func run(_ source: String, directory: String? = nil) throws -> Value {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    return try Interpreter(registry: registry, output: BufferOutput(), scriptDirectory: directory)
      .run(source, file: "learn.joule")
  }

  static func record(_ v: Value) -> Record? { if case .record(let r) = v { return r } else { return nil } }

  static func errorMessage(_ source: String) -> String {
    do { _ = try run(source) } catch { return "\(error)" }
    return "no error"
  }

  @Test func trainReturnsARunRecordWithEnergyAndAnEpochTable() throws {
    let v = try Self.run("""
      d = dataset("fashion-mnist", train: 2000, test: 500, seed: 1)
      m = model(flatten(), linear(64), relu(), linear(10))
      train(m, d, epochs: 2, batch: 32, optimizer: sgd(lr: 0.05, momentum: 0.9), seed: 4)
      """)
    let r = try #require(Self.record(v))
    #expect(r.keys.starts(with: ["accuracy", "loss", "test_loss", "epochs", "images_per_s", "state", "test_accuracy",
                                 "energy_j", "estimated", "energy_source", "energy_scope"]))
    #expect(r["seconds"] != nil && r["train_seconds"] != nil)
    #expect((r["accuracy"]?.number ?? 0) > 0.7)
    // An estimated figure names its model; a measured one needs none.
    if r["estimated"]?.shortDescription == "true" {
      guard case .string(let model)? = r["energy_model"] else { Issue.record("estimate without its model"); return }
      #expect(model.contains("P_idle"))
    }
    #expect(r["state"]?.shortDescription == "\"complete\"")
    #expect((r["images_per_s"]?.number ?? 0) > 0)
    guard case .list(let epochs)? = r["epochs"] else { Issue.record("no epochs table"); return }
    #expect(epochs.count == 2)
    let second = try #require(Self.record(epochs[1]))
    #expect(second.keys.starts(with: ["epoch", "loss", "accuracy", "test_accuracy", "test_loss", "energy_j", "estimated",
                                      "energy_source", "energy_scope"]))
    #expect(second.keys.last == "seconds")
    #expect((second["energy_j"]?.number ?? -1) >= 0)
  }

  @Test func theSameSeedRepeatsARunExactly() throws {
    let source = """
      d = dataset("fashion-mnist", train: 600, test: 200)
      r = train(simple_cnn(conv: 1, linear: 2), d, batch: 50, optimizer: adam(lr: 0.002), seed: 9)
      [r.accuracy, r.loss]
      """
    #expect(try Self.run(source).shortDescription == (try Self.run(source)).shortDescription)
  }

  @Test func heInitialisationIsChosenByNameAndAnUnknownOneIsRefused() throws {
    #expect(Self.errorMessage("model(flatten(), linear(10), init: \"he\")") == "no error")
    #expect(Self.errorMessage("simple_cnn(init: \"he\")") == "no error")
    #expect(Self.errorMessage("model(flatten(), linear(10), init: \"xavier\")").contains("init must be \"pytorch\" or \"he\""))
  }

  @Test func summaryListsShapesParametersAndMACs() throws {
    let v = try Self.run("summary(simple_cnn())")
    guard case .list(let rows) = v else { Issue.record("not a table: \(v.shortDescription)"); return }
    #expect(rows.count == 12)
    let first = try #require(Self.record(rows[0]))
    #expect(first.keys == ["layer", "output_shape", "parameters", "macs"])
    #expect(first["layer"]?.shortDescription == "\"conv2d(3, 3, pad: 1)\"")
    #expect(first["output_shape"]?.shortDescription == "\"3×28×28\"")
    #expect(first["parameters"]?.number == 30)
    let widths = try Self.run("summary(dense_linear(3)) |> map(fn(r) { r.output_shape })")
    #expect(widths.shortDescription == "[\"784\", \"522\", \"261\", \"10\"]")
  }

  @Test func modelFieldsDescribeTheNetwork() throws {
    let v = try Self.run("m = dense_poly(3); [m.parameters, len(m.layers), m.trained]")
    // 784·392+392 + 392·196+196 + 196·10+10
    let parameters = 386_718
    #expect(v.shortDescription == "[\(parameters), 4, false]")
  }

  @Test func evaluateScoresATrainedModel() throws {
    let v = try Self.run("""
      d = dataset("fashion-mnist", train: 1000, test: 300)
      m = model(flatten(), linear(10))
      train(m, d, epochs: 2, optimizer: adam(lr: 0.01))
      evaluate(m, d)
      """)
    let r = try #require(Self.record(v))
    #expect((r["accuracy"]?.number ?? 0) > 0.6)
    #expect(r["count"]?.number == 300)
  }

  @Test func aHugeLearningRateEndsTheRunDiverged() throws {
    let v = try Self.run("""
      train(model(flatten(), linear(32), linear(10)), dataset("fashion-mnist", train: 500, test: 100),
            epochs: 2, optimizer: sgd(lr: 1000000.0))
      """)
    #expect(Self.record(v)?["state"]?.shortDescription == "\"diverged\"")
  }

  @Test func rowsWithALabelColumnTrain() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-rows-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var csv = "x,y,kind\n"
    for i in 0..<80 { csv += "\(i % 2),\(Double(i % 7) / 7),\(i % 2 == 0 ? "even" : "odd")\n" }
    try csv.write(to: dir.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
    let v = try Self.run("""
      d = dataset(read_csv("points.csv"), label: "kind", test_fraction: 0.25)
      r = train(model(linear(8), relu(), linear(2)), d, epochs: 20, batch: 8, optimizer: adam(lr: 0.05))
      [d.class_names, d.train, r.accuracy]
      """, directory: dir.path)
    #expect(v.shortDescription == "[[\"even\", \"odd\"], 60, 1.0]")
  }

  @Test func badInputGivesClearErrors() {
    #expect(Self.errorMessage("dataset(\"fashion-mnst\")").contains("did you mean \"fashion-mnist\""))
    #expect(Self.errorMessage("model(relu(), 3)").contains("argument 2 must be a layer"))
    #expect(Self.errorMessage("conv2d(0, 3)").contains("channels must be positive"))
    #expect(Self.errorMessage("train(simple_cnn(), dataset(\"fashion-mnist\", train: 10, test: 10), optimizer: adam(lr: -1))")
      .contains("lr must be positive"))
    #expect(Self.errorMessage("train(simple_cnn(), dataset(\"fashion-mnist\", train: 10, test: 10), optimizer: {optimizer: \"adam\", betta1: 0.5})")
      .contains("did you mean 'beta1'"))
    #expect(Self.errorMessage("dataset(\"fashion-mnist\", path: \"/nonexistent\")").contains("/nonexistent/train-images-idx3-ubyte.gz: no such file"))
    #expect(Self.errorMessage("summary(model(conv2d(8, 40)))").contains("does not fit"))
    #expect(Self.errorMessage("evaluate(simple_cnn(), dataset(\"fashion-mnist\", train: 10, test: 10))").contains("train it first"))
  }
}

/// The API does not mislead: a second training says it continues, a habit's keyword gets a hint.
@Suite struct LearnAPIHintTests {
  func run(_ source: String) throws -> (Value, String) {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    let out = BufferOutput()
    let v = try Interpreter(registry: registry, output: out).run(source, file: "hints.joule")
    return (v, out.text)
  }

  @Test func trainingATrainedModelSaysSoOnceAndCloneStartsFresh() throws {
    let (v, printed) = try run("""
      d = dataset("fashion-mnist", train: 128, test: 64, seed: 1)
      m = simple_cnn(conv: 1, linear: 1)
      train(m, d, batch: 64)
      train(m, d, batch: 64)
      train(m, d, batch: 64)
      c = clone(m)
      [m.trained, c.trained, reset(m).trained]
      """)
    #expect(printed.components(separatedBy: "already trained").count - 1 == 1)
    #expect(v.shortDescription == "[true, false, false]")
  }

  @Test func convArgumentsThatCouldBeMisreadAreKeywordOnly() throws {
    do {
      _ = try run("conv2d(1, 8, 3)")
      Issue.record("conv2d(1, 8, 3) was accepted")
    } catch let e as ScriptError {
      #expect(e.message.contains("conv2d: takes at most 2 positional arguments, got 3 (channels, kernel; stride, pad only by keyword"))
    }
    let (v, _) = try run("conv2d(8, 3, stride: 2, pad: 1)")
    #expect(v.shortDescription.contains("conv2d(8, 3"))
  }

  @Test func aKeywordFromAnotherToolsHabitGetsAHint() throws {
    do {
      _ = try run("d = dataset(\"fashion-mnist\", train: 64, test: 64)\ntrain(simple_cnn(), d, lr: 0.01)")
      Issue.record("lr: was accepted")
    } catch let e as ScriptError {
      #expect(e.message.contains("unknown keyword 'lr': the learning rate is the optimizer's: optimizer: adam(lr: 0.01)"))
    }
  }
}

/// An error names what the user wrote, and comes before any warning about what would have happened.
@Suite struct CallErrorTests {
  func run(_ source: String) -> (error: ScriptError?, printed: String) {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    let out = BufferOutput()
    do {
      _ = try Interpreter(registry: registry, output: out).run(source, file: "calls.joule")
      return (nil, out.text)
    } catch {
      return (error as? ScriptError, out.text)
    }
  }

  @Test func tooManyConvBlocksSaysHowManyTheImageAllows() throws {
    let (e, _) = run("m = simple_cnn(conv: 5)")
    let message = try #require(e?.message)
    #expect(message.contains("conv: 5 is too many for a 28×28 image"), "\(message)")
    #expect(message.contains("at most 4 conv blocks"))
    #expect(message.contains("28, 14, 7, 3, 1"))
    #expect(!message.contains("maxpool"))
    #expect(e?.position?.line == 1)
  }

  @Test func theConvBlocksAnImageAllowsAreAccepted() {
    #expect(run("m = simple_cnn(conv: 4)").error == nil)
    #expect(run("m = simple_cnn(conv: 5, input: [3, 32, 32])").error == nil)
    #expect(run("m = simple_cnn(conv: 6, input: [3, 32, 32])").error?.message.contains("at most 5 conv blocks") == true)
  }

  @Test func compareGivenOneRecordSaysWhatItTakes() throws {
    let (e, _) = run("r = {energy_j: 1, conv: 1}\ncompare(r, by: \"conv\")")
    let message = try #require(e?.message)
    #expect(message.contains("compare takes a table (a list of records"), "\(message)")
    #expect(message.contains("not a single record"))
    #expect(!message.contains("plot"))
  }

  @Test func aRefusedTrainCallWarnsOfNothingAndLeavesTheModelAlone() throws {
    let (e, printed) = run("""
      d = dataset("fashion-mnist", train: 128, test: 64, seed: 1)
      m = simple_cnn(conv: 1, linear: 1)
      train(m, d, batch: 64)
      train(m, d, batch: 0)
      """)
    #expect(e?.message.contains("batch must be at least 1, got 0") == true, "\(String(describing: e))")
    #expect(e?.position?.line == 4)
    #expect(!printed.contains("already trained"), "\(printed)")
  }
}

/// Train records name the split each figure was measured on, so model selection can stay off
/// the test set.
@Suite struct SplitNamingTests {
  @Test func withAValidationSplitEpochsAndTheRunNameValidationAndTestFigures() throws {
    let v = try LearnBuiltinsTests.run("""
      d = dataset("fashion-mnist", train: 1200, test: 300, validation: 0.25, seed: 1)
      train(model(flatten(), linear(32), relu(), linear(10)), d, epochs: 2, batch: 64, seed: 3)
      """)
    let r = try #require(LearnBuiltinsTests.record(v))
    for key in ["val_accuracy", "val_loss", "test_accuracy", "test_loss", "accuracy"] {
      #expect(r[key]?.number != nil, "no \(key)")
    }
    // `accuracy` is the test figure's alias.
    #expect(r["accuracy"]?.number == r["test_accuracy"]?.number)
    guard case .list(let epochs)? = r["epochs"], case .record(let last)? = epochs.last else {
      Issue.record("no epochs")
      return
    }
    #expect(last["val_accuracy"]?.number != nil && last["val_loss"]?.number != nil)
    #expect(last["test_accuracy"] == nil)
    #expect(last["accuracy"]?.number == last["val_accuracy"]?.number)
    // The final validation figures are the last epoch's.
    #expect(r["val_accuracy"]?.number == last["val_accuracy"]?.number)
  }

  @Test func withoutOneEpochsNameTheTestSplit() throws {
    let v = try LearnBuiltinsTests.run("""
      d = dataset("fashion-mnist", train: 600, test: 200, seed: 1)
      train(model(flatten(), linear(10)), d, epochs: 1, batch: 64)
      """)
    let r = try #require(LearnBuiltinsTests.record(v))
    #expect(r["val_accuracy"] == nil)
    guard case .list(let epochs)? = r["epochs"], case .record(let first)? = epochs.first else {
      Issue.record("no epochs")
      return
    }
    #expect(first["test_accuracy"]?.number == r["test_accuracy"]?.number)
    #expect(first["test_loss"]?.number != nil)
  }

  @Test func epochsToGivesTheEpochsJoulesAndSecondsToReachATarget() throws {
    let v = try LearnBuiltinsTests.run("""
      r = {epochs: [{epoch: 1, val_accuracy: 0.70, energy_j: 10.0, seconds: 1.0},
                    {epoch: 2, val_accuracy: 0.81, energy_j: 12.0, seconds: 1.5},
                    {epoch: 3, val_accuracy: 0.83, energy_j: 11.0, seconds: 1.2}]}
      [epochs_to(r, 0.8), epochs_to(r, 0.9), epochs_to(r, 0.75, metric: "val_accuracy").energy_j]
      """)
    guard case .list(let items) = v, case .record(let hit) = items[0] else { Issue.record("\(v)"); return }
    #expect(hit["epochs"]?.number == 2)
    #expect(hit["energy_j"]?.number == 22)
    #expect(hit["seconds"]?.number == 2.5)
    #expect(hit["metric"]?.shortDescription == "\"val_accuracy\"")
    #expect(items[1].isNil)
    #expect(items[2].number == 22)
  }

  @Test func epochsToOnARealRunUsesItsHeldOutColumn() throws {
    let v = try LearnBuiltinsTests.run("""
      d = dataset("fashion-mnist", train: 600, test: 200, seed: 1)
      r = train(model(flatten(), linear(10)), d, epochs: 2, batch: 64)
      e = epochs_to(r, 0.0)
      [e.epochs, e.metric, e.energy_j >= 0]
      """)
    #expect(v.shortDescription == "[1, \"test_accuracy\", true]")
  }

  @Test func aLossTargetIsReachedFromAbove() throws {
    let v = try LearnBuiltinsTests.run("""
      r = {epochs: [{epoch: 1, val_loss: 0.9, energy_j: 1}, {epoch: 2, val_loss: 0.5, energy_j: 1}]}
      epochs_to(r, 0.6, metric: "val_loss").epochs
      """)
    #expect(v.number == 2)
  }
}
