/// How characters that must never reach the terminal raw are shown instead.
///
/// C0 controls (U+0000–U+001F, including ESC, tab and newline) and DEL are shown in caret
/// notation (`^[`, `^I`, `^J`, `^?`); C1 controls, the line and paragraph separators and the
/// bidirectional embedding/override/isolate controls are shown as U+FFFD. Nothing written to a
/// `Buffer` can therefore start an escape sequence or reorder the screen.
public enum ControlPicture {
  /// True when `scalar` is replaced rather than drawn.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// The visible stand-in for a control scalar (`^X` or U+FFFD); nil for other scalars.
  public static func picture(for scalar: Unicode.Scalar) -> String? {
    guard isControl(scalar) else { return nil }
    switch scalar.value {
    case 0x00...0x1F:
      guard let shown = Unicode.Scalar(scalar.value + 0x40) else { return "\u{FFFD}" }
      return "^" + String(Character(shown))
    case 0x7F:
      return "^?"
    default:
      return "\u{FFFD}"
    }
  }

  /// Columns the picture of a control scalar takes (0 for other scalars).
  static func width(of scalar: Unicode.Scalar) -> Int {
    picture(for: scalar).map { $0.count } ?? 0
  }
}
