/// Terminal-neutral input, as the backend delivers it to the app.
public enum Event: Equatable, Sendable {
  /// A key press.
  case key(Key)
  /// Text pasted with bracketed paste, newlines normalised to `\n`; not to be read as keys.
  case paste(String)
  /// A mouse press, drag, release, wheel turn or move.
  case mouse(MouseEvent)
  /// The terminal now has this size.
  case resize(Size)
  /// Time passed with no input (the backend's wait timed out).
  case tick
}
