/// Decoding of xterm SGR (mode 1006) mouse reports: `ESC [ < b ; x ; y M|m`.
public enum SGRMouseReport {
  /// Decodes the part after `ESC [ <`, e.g. `"0;11;15M"`; nil when it is not a valid report or
  /// is a button the app does not use (horizontal wheel, extra buttons).
  ///
  /// In `b` the low two bits are the button (3: none), +4 shift, +8 alt, +16 ctrl, +32 motion,
  /// +64 wheel. Coordinates are 1-based in the report and 0-based in the event. `M` is a press
  /// or motion, `m` a release.
  public static func decode(_ body: String) -> MouseEvent? {
    guard let final = body.last, final == "M" || final == "m" else { return nil }
    let fields = body.dropLast().split(separator: ";", omittingEmptySubsequences: false)
    guard fields.count == 3,
      let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
      code >= 0, column >= 1, row >= 1
    else { return nil }

    var modifiers: Modifiers = []
    if code & 4 != 0 { modifiers.insert(.shift) }
    if code & 8 != 0 { modifiers.insert(.alt) }
    if code & 16 != 0 { modifiers.insert(.ctrl) }
    let x = column - 1
    let y = row - 1

    if code & 128 != 0 { return nil }  // buttons 8-11
    if code & 64 != 0 {
      switch code & 3 {
      case 0: return MouseEvent(.wheelUp, button: .none, x: x, y: y, modifiers: modifiers)
      case 1: return MouseEvent(.wheelDown, button: .none, x: x, y: y, modifiers: modifiers)
      default: return nil  // horizontal wheel
      }
    }
    let button: MouseEvent.Button =
      switch code & 3 {
      case 0: .left
      case 1: .middle
      case 2: .right
      default: .none
      }
    let kind: MouseEvent.Kind
    if code & 32 != 0 {
      kind = button == .none ? .move : .drag
    } else {
      kind = final == "M" ? .press : .release
    }
    return MouseEvent(kind, button: button, x: x, y: y, modifiers: modifiers)
  }
}
