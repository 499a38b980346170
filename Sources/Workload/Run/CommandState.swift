/// How a program's run ended.
///
///     .ok            exit code 0
///     .failed        a non-zero exit code or a signal from elsewhere
///     .timeout       stopped by joule after `timeout` seconds
///     .interrupted   stopped by Ctrl-C
///     .pruned        stopped because a report's callback asked (a study's pruner)
public enum CommandState: String, Sendable, CaseIterable {
  case ok, failed, timeout, interrupted, pruned
}
