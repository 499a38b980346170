import Testing
import Tune

/// A study stops when its trials keep failing with the same message.
@Suite struct FailureStreakTests {
  private func trial(_ n: Int, _ state: TrialState, _ error: String? = nil) -> Trial {
    Trial(number: n, suggestion: n, params: [], state: state, error: error)
  }

  @Test func threeIdenticalFailuresInARowStopTheStudy() {
    var s = FailureStreak()
    #expect(s.record(trial(1, .failed, "program 'x' not found")) == nil)
    #expect(s.record(trial(2, .failed, "program 'x' not found")) == nil)
    #expect(s.record(trial(3, .failed, "program 'x' not found")) == "3 trials in a row failed: program 'x' not found")
  }

  @Test func aDifferentMessageOrASuccessStartsOver() {
    var s = FailureStreak()
    _ = s.record(trial(1, .failed, "timed out after 5 s"))
    _ = s.record(trial(2, .failed, "timed out after 5 s"))
    #expect(s.record(trial(3, .complete)) == nil)
    #expect(s.record(trial(4, .failed, "timed out after 5 s")) == nil)
    #expect(s.record(trial(5, .failed, "exit code 1")) == nil)
    #expect(s.record(trial(6, .failed, "exit code 1")) == nil)
    #expect(s.record(trial(7, .failed, "exit code 1")) != nil)
  }
}
