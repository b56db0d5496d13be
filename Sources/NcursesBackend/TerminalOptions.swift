import TerminalUI

/// Choices made when starting the terminal.
public struct TerminalOptions: Equatable, Sendable {
  /// Colour profile to use; nil detects it from the terminal (`COLORS`, `has_colors`) and
  /// `NO_COLOR`. A profile richer than the terminal supports is lowered to what it supports.
  public var color: ColorProfile?
  /// Capture the mouse (press, drag, release, wheel) with SGR reports.
  public var mouse: Bool
  /// Receive pastes as one `.paste` event instead of a stream of keys.
  public var bracketedPaste: Bool

  /// Creates options; by default colours are detected and mouse and paste are on.
  public init(color: ColorProfile? = nil, mouse: Bool = true, bracketedPaste: Bool = true) {
    self.color = color
    self.mouse = mouse
    self.bracketedPaste = bracketedPaste
  }
}
