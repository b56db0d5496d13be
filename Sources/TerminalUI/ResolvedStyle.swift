/// A style ready for the terminal: palette colours and attributes.
public struct ResolvedStyle: Equatable, Hashable, Sendable {
  /// Foreground.
  public var fg: TerminalColor
  /// Background.
  public var bg: TerminalColor
  /// Attributes.
  public var attributes: TextAttributes

  /// Creates a resolved style.
  public init(fg: TerminalColor, bg: TerminalColor, attributes: TextAttributes = []) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }
}
