/// Why the terminal could not be started or read.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Standard input or output (named) is not a terminal.
  case notATerminal(String)
  /// `TERM` is unset or empty.
  case terminalTypeUnset
  /// `TERM=dumb`, which cannot address the cursor.
  case dumbTerminal
  /// No terminfo entry for this `TERM`.
  case unknownTerminal(String)
  /// The terminal type has no cursor addressing (`cup`).
  case noCursorAddressing(String)
  /// A `Terminal` is already running in this process.
  case alreadyRunning
  /// The terminal was stopped; start a new one.
  case notRunning
  /// The terminal went away (hang-up or end of input): the app should exit.
  case inputClosed
  /// Waiting for input failed with this `errno`.
  case inputFailed(Int32)

  /// A message for the user, saying what to do where possible.
  public var description: String {
    switch self {
    case .notATerminal(let stream):
      "\(stream) is not a terminal; run the playground in an interactive terminal"
    case .terminalTypeUnset:
      "TERM is not set; set it to your terminal type, e.g. TERM=xterm-256color"
    case .dumbTerminal:
      "TERM=dumb cannot move the cursor; set TERM to your terminal type, e.g. xterm-256color"
    case .unknownTerminal(let term):
      "unknown terminal type '\(term)' (no terminfo entry); set TERM to e.g. xterm-256color"
    case .noCursorAddressing(let term):
      "terminal type '\(term)' cannot move the cursor (no 'cup' capability); set TERM to e.g. "
        + "xterm-256color"
    case .alreadyRunning:
      "the terminal is already in use by this program"
    case .notRunning:
      "the terminal has been stopped"
    case .inputClosed:
      "the terminal closed (hang-up or end of input)"
    case .inputFailed(let code):
      "reading the terminal failed (errno \(code))"
    }
  }
}
