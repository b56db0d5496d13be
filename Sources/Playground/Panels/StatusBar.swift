import TerminalUI

/// The bottom line: key hints from the keymap on the left, the latest status on the right.
func renderStatusBar(_ state: State, into buffer: inout Buffer, area: Rect) {
  var x = area.x + 1
  for hint in Keymap.footer {
    let keyText = hint.keys
    let need = DisplayWidth.of(keyText) + DisplayWidth.of(hint.help) + 3
    if x + need > area.maxX { break }
    x += buffer.put(keyText, at: Point(x: x, y: area.y), style: Style(role: .accent, bold: true))
    x += buffer.put(" " + hint.help + "  ", at: Point(x: x, y: area.y), style: Style(role: .muted))
  }
  if let status = state.status {
    let room = area.maxX - x - 1
    guard room > 8 else { return }
    let shown = Buffer.truncate(status, width: room)
    buffer.put(shown, at: Point(x: area.maxX - DisplayWidth.of(shown) - 1, y: area.y), style: Style(role: .info))
  }
}
