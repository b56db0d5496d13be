/// A colour as a theme file writes it: `"#rrggbb"` or `"default"` (the terminal's own colour).
public enum ColorValue: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The terminal's default foreground or background.
  case terminalDefault
  /// A 24-bit colour, downsampled to the terminal's palette when resolved.
  case rgb(RGB)

  /// Reads `"#rrggbb"` or `"default"`; nil for anything else.
  public init?(_ text: String) {
    if text == "default" {
      self = .terminalDefault
    } else if let rgb = RGB(hex: text) {
      self = .rgb(rgb)
    } else {
      return nil
    }
  }

  /// Creates an RGB colour from `#rrggbb`; traps on malformed literals, so use it only for
  /// colours written in code.
  static func hex(_ text: String) -> ColorValue {
    guard let rgb = RGB(hex: text) else { preconditionFailure("bad colour literal \(text)") }
    return .rgb(rgb)
  }

  /// `default` or `#rrggbb`.
  public var description: String {
    switch self {
    case .terminalDefault: "default"
    case .rgb(let rgb): rgb.hex
    }
  }
}
