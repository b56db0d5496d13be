import RouterCore
import TerminalUI

/// Something that happened, for `update` to act on.
public enum Msg: Sendable {
  case keyPressed(Key)
  case pasted(String)
  case mouse(MouseEvent)
  case resized(Size)
  /// Time passed; `now` is a monotonic clock in nanoseconds (drives the demo).
  case ticked(now: UInt64)
  /// The run loop loaded and trained a scenario the user switched to.
  case scenarioLoaded(ScenarioInfo)
  /// A scenario or theme could not be loaded; the text says why (with file:line).
  case loadFailed(String)
  /// The run loop switched to a theme.
  case themeLoaded(String)
  /// The run loop wrote a decision to the log (or could not).
  case decisionLogged(String)
  /// The model strategies started on new text: their first verdicts (`.pending` while a call
  /// is in flight, `.unavailable` without an endpoint, or decided at once by a safety rule).
  case modelVerdictsStarted(generation: UInt64, [Verdict])
  /// A model strategy answered for text generation `generation`.
  case modelVerdictArrived(generation: UInt64, Verdict)
  /// Provider health changed (a breaker opened, a provider was marked down).
  case providersChanged([ProviderRow])
  /// The run loop estimated (or measured) the orchestration patterns for the current question.
  case patternsComputed([PatternRun])
}

/// Work for the run loop: things `update` cannot do itself because they touch the outside.
public enum Effect: Equatable, Sendable {
  case quit
  /// Route `text` with every strategy and append the decision to the log.
  case logDecision(String)
  case loadScenario(String)
  case loadTheme(String)
  /// Turn terminal mouse reporting on or off (off lets the terminal select text natively).
  case setMouse(Bool)
  /// Mark the primary model provider down (or up again), to watch the fallback happen.
  case toggleProviderDown
  /// Work out the four orchestration patterns for `text`.
  case computePatterns(String)
}
