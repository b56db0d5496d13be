/// How many colours the terminal shows, which decides how a `Theme` is resolved.
///
/// Truecolor is deliberately absent: ncurses needs a `*-direct` terminfo entry for it, so themes
/// are capped at the xterm 256-colour palette.
public enum ColorProfile: String, CaseIterable, Hashable, Sendable {
  /// The xterm 256-colour palette.
  case ansi256
  /// The 16 ANSI colours (8 normal, 8 bright).
  case ansi16
  /// The 8 basic ANSI colours.
  case ansi8
  /// No colour: default colours plus bold, dim, reverse and underline.
  case mono

  /// Reads a command-line value: `256`, `16`, `8`, `mono` (or the case names).
  public init?(argument: String) {
    switch argument.lowercased() {
    case "256", "ansi256": self = .ansi256
    case "16", "ansi16": self = .ansi16
    case "8", "ansi8": self = .ansi8
    case "mono", "none", "0": self = .mono
    default: return nil
    }
  }

  /// Number of palette colours the profile uses (0 for mono).
  public var colorCount: Int {
    switch self {
    case .ansi256: 256
    case .ansi16: 16
    case .ansi8: 8
    case .mono: 0
    }
  }

  /// The profile a terminal supports.
  ///
  /// - Parameters:
  ///   - colors: the terminal's colour count (ncurses `COLORS`).
  ///   - hasColors: whether the terminal can colour at all (ncurses `has_colors()`).
  ///   - noColor: the `NO_COLOR` environment variable; set and non-empty means mono.
  public static func detect(colors: Int, hasColors: Bool, noColor: String?) -> ColorProfile {
    if let noColor, !noColor.isEmpty { return .mono }
    guard hasColors else { return .mono }
    if colors >= 256 { return .ansi256 }
    if colors >= 16 { return .ansi16 }
    if colors >= 8 { return .ansi8 }
    return .mono
  }

  /// This profile, lowered to `supported` when it asks for more colours than the terminal has.
  public func capped(at supported: ColorProfile) -> ColorProfile {
    colorCount <= supported.colorCount ? self : supported
  }
}
