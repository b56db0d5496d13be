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
}
