import Foundation
import Testing
import TestSupport

/// With `workers:` the trials run in forked processes that stay quiet; the lead still says, once
/// a session, that the study selected on the test set.
@Suite struct WorkersSelectionNoticeTests {
  @Test func withWorkersTheLeadSaysOnceThatTuneSelectsOnTheTestSet() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("select.joule", """
      fn fake(p) { {accuracy: p.x, test_accuracy: p.x, energy_j: 1} }
      a = tune(fake, space(x: uniform(0, 1)), strategy: "random", trials: 4, workers: 2)
      b = tune(fake, space(x: uniform(0, 1)), strategy: "random", trials: 4, workers: 2, seed: 2)
      print("done {len(a.trials) + len(b.trials)}")
      """)
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("done 8"), "\(r.stdout)")
    #expect(r.stdout.components(separatedBy: "selecting on test accuracy").count - 1 == 1, "once: \(r.stdout)")
  }

  @Test func withWorkersAndAValidationSplitNothingIsSaid() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("val.joule", """
      fn fake(p) { {accuracy: p.x, val_accuracy: p.x, test_accuracy: p.x, energy_j: 1} }
      a = tune(fake, space(x: uniform(0, 1)), strategy: "random", trials: 4, workers: 2)
      print("done {len(a.trials)}")
      """)
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("done 4"), "\(r.stdout)")
    #expect(!r.stdout.contains("selecting on test accuracy"), "\(r.stdout)")
  }
}
