import TerminalUI

/// The bottom line: the latest status on the right (it wins the space), and as many key hints
/// from the keymap as fit on the left.
func renderStatusBar(_ state: State, into buffer: inout Buffer, area: Rect) {
  var right = area.maxX
  if let status = state.status, area.width > 20 {
    let shown = Buffer.truncate(status, width: area.width * 2 / 3)
    let w = DisplayWidth.of(shown)
    right = area.maxX - w - 1
    buffer.put(shown, at: Point(x: right, y: area.y), style: Style(role: .info, bold: true))
  }
  var x = area.x + 1
  for hint in Keymap.footer {
    let need = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.help) + 3
    if x + need > right { break }
    x += buffer.put(hint.keys, at: Point(x: x, y: area.y), style: Style(role: .accent, bold: true))
    x += buffer.put(" " + hint.help + "  ", at: Point(x: x, y: area.y), style: Style(role: .muted))
  }
}
