import Foundation
import Testing
import TestSupport

/// OpenBLAS is loaded when a model first multiplies matrices, not when joule starts: its
/// pthread build starts worker threads at load that spin in sched_yield before they sleep.
/// The dynamic linker's own account (LD_DEBUG=files, glibc) says what each process mapped.
@Suite struct LazyOpenBLASTests {
  static let training = """
    d = dataset("fashion-mnist", train: 200, test: 50)
    r = train(model(flatten(), linear(10)), d, epochs: 1)
    print("trained {r.state}")
    """

  @Test func aScriptThatTrainsNothingAndTheReplAndVersionNeverMapOpenBLAS() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sum.joule", "xs = map(range(1000), fn(x) { x * x })\nprint(sum(xs))\n")
    let runs = [
      (["run", script], "", "332833500"),
      (["--version"], "", "."),  // a version number, "0.2.0"
      ([], "print(6 * 7)\n", "42"),
    ]
    for (arguments, input, output) in runs {
      let r = try JouleBinary.run(arguments, stdin: input, environment: ["LD_DEBUG": "files"])
      #expect(r.status == 0, "\(arguments): \(r.stderr.suffix(2000))")
      #expect(r.stdout.contains(output), "\(arguments): \(r.stdout)")
      // The linker's report is there (so its silence about OpenBLAS means something).
      #expect(r.stderr.contains("file=libc.so.6"), "\(arguments): no LD_DEBUG report")
      #expect(!r.stderr.contains("libopenblas"), "\(arguments) loaded OpenBLAS")
    }
  }

  @Test func trainingLoadsOpenBLASAtItsFirstUseWithTheThreadCountTheTrainerSetBefore() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("train.joule", Self.training)
    // OPENBLAS_NUM_THREADS=2 is OpenBLAS's own count at load; the trainer asked for 1 before.
    let r = try JouleBinary.run(["run", script], environment: [
      "LD_DEBUG": "files", "JOULE_OPENBLAS_VERBOSE": "1", "OPENBLAS_NUM_THREADS": "2",
    ])
    #expect(r.status == 0, "\(r.stderr.suffix(2000))")
    #expect(r.stdout.contains("trained complete"), "\(r.stdout)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.contains { $0.contains("file=libopenblas.so.0 [0];  dynamically loaded by") },
            "OpenBLAS was not loaded by dlopen")
    #expect(!lines.contains { $0.contains("file=libopenblas.so.0 [0];  needed by") },
            "OpenBLAS is still a DT_NEEDED library")
    let loaded = lines.filter { $0.hasPrefix("joule: loaded OpenBLAS ") }
    #expect(loaded.count == 1, "\(loaded)")
    #expect(loaded.first?.hasSuffix(", 1 thread") == true, "\(loaded)")
  }

  @Test func aMissingOpenBLASIsAnErrorAtTheTrainCall() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("train.joule", Self.training)
    let r = try JouleBinary.run(["run", script], environment: ["JOULE_OPENBLAS": "/nonexistent/libopenblas.so.0"])
    #expect(r.status != 0)
    #expect(!r.stdout.contains("trained"), "\(r.stdout)")
    #expect(r.stderr.contains("train.joule:2:5: error: "), "\(r.stderr)")
    #expect(r.stderr.contains("OpenBLAS could not be loaded: /nonexistent/libopenblas.so.0: cannot open shared object file"),
            "\(r.stderr)")
  }

  @Test func aLibraryThatIsNotOpenBLASIsRefusedWithTheFunctionItLacks() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("train.joule", Self.training)
    let r = try JouleBinary.run(["run", script], environment: ["JOULE_OPENBLAS": "libz.so.1"])
    #expect(r.status != 0)
    #expect(r.stderr.contains("train.joule:2:5: error: "), "\(r.stderr)")
    #expect(r.stderr.contains("has no cblas_sgemm (it is not OpenBLAS)"), "\(r.stderr)")
  }
}
