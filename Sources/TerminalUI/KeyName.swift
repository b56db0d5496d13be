/// Decoding of terminfo key names (as ncurses `keyname()` reports them) into `Key`s.
///
/// Modified keys get dynamic codes that differ between terminals, so they are recognised by
/// name: `kRIT5` is Ctrl+Right, `kDC3` Alt+Delete, `kUP` Shift+Up (the digit is the xterm
/// modifier parameter: 2 shift, 3 alt, 5 ctrl, and their sums plus one).
public enum KeyName {
  /// The key for `name`, or nil for names the app has no use for (`KEY_MOUSE`, `KEY_B2`, …).
  public static func decode(_ name: String) -> Key? {
    if let key = standard[name] { return key }
    if name.hasPrefix("KEY_F("), name.hasSuffix(")"),
      let n = Int(name.dropFirst(6).dropLast()), n > 0
    {
      return Key(.f(n))
    }
    return extended(name)
  }

  private static let standard: [String: Key] = [
    "KEY_UP": Key(.up), "KEY_DOWN": Key(.down), "KEY_LEFT": Key(.left),
    "KEY_RIGHT": Key(.right), "KEY_HOME": Key(.home), "KEY_END": Key(.end),
    "KEY_PPAGE": Key(.pageUp), "KEY_NPAGE": Key(.pageDown), "KEY_IC": Key(.insert),
    "KEY_DC": Key(.delete), "KEY_BACKSPACE": Key(.backspace), "KEY_ENTER": Key(.enter),
    "KEY_BTAB": Key(.backTab),
    // Keypad keys and the VT220 names some terminfo entries use for Home/End.
    "KEY_A1": Key(.home), "KEY_A3": Key(.pageUp), "KEY_C1": Key(.end),
    "KEY_C3": Key(.pageDown), "KEY_FIND": Key(.home), "KEY_SELECT": Key(.end),
    // Shifted keys with standard capabilities.
    "KEY_SR": Key(.up, .shift), "KEY_SF": Key(.down, .shift),
    "KEY_SLEFT": Key(.left, .shift), "KEY_SRIGHT": Key(.right, .shift),
    "KEY_SHOME": Key(.home, .shift), "KEY_SEND": Key(.end, .shift),
    "KEY_SDC": Key(.delete, .shift), "KEY_SIC": Key(.insert, .shift),
    "KEY_SNEXT": Key(.pageDown, .shift), "KEY_SPREVIOUS": Key(.pageUp, .shift),
  ]

  private static let extendedBases: [String: Key.Code] = [
    "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
    "kNXT": .pageDown, "kPRV": .pageUp, "kDC": .delete, "kIC": .insert,
  ]

  /// `kRIT5`-style names: a base and an optional modifier digit 2…8 (no digit: shift).
  private static func extended(_ name: String) -> Key? {
    var base = name
    var parameter = 2
    if let last = name.last, let digit = last.wholeNumberValue {
      guard (2...8).contains(digit) else { return nil }
      parameter = digit
      base = String(name.dropLast())
    }
    guard let code = extendedBases[base] else { return nil }
    return Key(code, Modifiers(xtermParameter: parameter))
  }
}
