/// A key press: which key, and the modifiers held.
///
/// Printable characters carry their case in `code` (`.char("A")`) without `.shift`; control
/// letters are `.char("c")` with `.ctrl`.
public struct Key: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Which key.
  public enum Code: Equatable, Hashable, Sendable {
    /// A character, as typed.
    case char(Character)
    /// Editing keys; `backTab` is Shift+Tab as terminals report it.
    case enter, tab, backTab, backspace, delete, escape
    /// Navigation keys.
    case up, down, left, right, home, end, pageUp, pageDown, insert
    /// A function key, `f(1)` for F1.
    case f(Int)
  }

  /// Which key.
  public var code: Code
  /// The modifiers held.
  public var modifiers: Modifiers

  /// Creates a key press.
  public init(_ code: Code, _ modifiers: Modifiers = []) {
    self.code = code
    self.modifiers = modifiers
  }

  /// Ctrl plus a character, e.g. `Key.ctrl("c")`.
  public static func ctrl(_ character: Character) -> Key {
    Key(.char(character), .ctrl)
  }

  /// A plain character key.
  public static func char(_ character: Character) -> Key {
    Key(.char(character))
  }

  /// Human-readable name for help text: `ctrl+c`, `shift+tab`, `alt+enter`, `f5`, `space`.
  public var description: String {
    let name: String
    switch code {
    case .char(" "): name = "space"
    case .char(let c): name = String(c)
    case .enter: name = "enter"
    case .tab: name = "tab"
    case .backTab: return modifiers.union(.shift).prefix + "tab"
    case .backspace: name = "backspace"
    case .delete: name = "delete"
    case .escape: name = "esc"
    case .up: name = "up"
    case .down: name = "down"
    case .left: name = "left"
    case .right: name = "right"
    case .home: name = "home"
    case .end: name = "end"
    case .pageUp: name = "pgup"
    case .pageDown: name = "pgdown"
    case .insert: name = "insert"
    case .f(let n): name = "f\(n)"
    }
    return modifiers.prefix + name
  }
}
