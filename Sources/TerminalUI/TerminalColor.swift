/// A colour as the terminal understands it: its own default, or a palette index.
public enum TerminalColor: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The terminal's default foreground or background (ncurses colour -1).
  case `default`
  /// An xterm palette index, 0–255.
  case index(UInt8)

  /// `default` or the index.
  public var description: String {
    switch self {
    case .default: "default"
    case .index(let i): "\(i)"
    }
  }
}
