/// A mouse report: what happened, with which button, where (0-based cells) and with which
/// modifiers.
public struct MouseEvent: Equatable, Hashable, Sendable {
  /// What the mouse did.
  public enum Kind: Equatable, Hashable, Sendable {
    /// A button went down.
    case press
    /// The pointer moved with a button held.
    case drag
    /// A button went up.
    case release
    /// The wheel turned away from the user.
    case wheelUp
    /// The wheel turned towards the user.
    case wheelDown
    /// The pointer moved with no button held (only when the terminal reports hover).
    case move
  }

  /// Which button; `none` for wheel turns and hover.
  public enum Button: Equatable, Hashable, Sendable {
    /// The button, or `none` when no button is involved.
    case left, middle, right, none
  }

  /// What happened.
  public var kind: Kind
  /// Which button.
  public var button: Button
  /// Column, 0-based.
  public var x: Int
  /// Row, 0-based.
  public var y: Int
  /// Modifier keys held.
  public var modifiers: Modifiers

  /// Creates a mouse event.
  public init(
    _ kind: Kind, button: Button = .left, x: Int, y: Int, modifiers: Modifiers = []
  ) {
    self.kind = kind
    self.button = button
    self.x = x
    self.y = y
    self.modifiers = modifiers
  }

  /// The cell under the pointer.
  public var point: Point { Point(x: x, y: y) }
}
