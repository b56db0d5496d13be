import TerminalUI

/// Every key binding, in a box over the screen; built from the keymap.
func renderHelpOverlay(_ state: State, into buffer: inout Buffer, area: Rect) {
  let bindings = Keymap.bindings
  let width = min(area.width - 4, 88)
  let height = min(area.height - 2, bindings.count + 4)
  let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
  buffer.fill(box, with: " ", style: Style(role: .text))
  let inner = buffer.drawBox(box, title: "Keys · F1 or Esc to close", style: Style(role: .accent, bold: true))
  let keyW = 24
  let whereW = 12
  var y = inner.y
  buffer.put(fit("keys", keyW) + fit("where", whereW) + "what it does", at: Point(x: inner.x, y: y),
             style: Style(role: .muted, underline: true), maxWidth: inner.width)
  y += 1
  let rows = max(2, inner.height - 1)
  // When the list is taller than the box, it scrolls (↑/↓, PgUp/PgDn); the last row says so.
  let fits = bindings.count <= rows
  let first = fits ? 0 : max(0, min(state.helpScroll, bindings.count - (rows - 1)))
  let shown = fits ? bindings[...] : bindings[first..<min(bindings.count, first + rows - 1)]
  for b in shown where y < inner.maxY {
    buffer.put(fit(b.keyLabel, keyW), at: Point(x: inner.x, y: y), style: Style(role: .accent, bold: true), maxWidth: keyW)
    buffer.put(fit(b.context.rawValue, whereW), at: Point(x: inner.x + keyW, y: y), style: Style(role: .muted), maxWidth: whereW)
    buffer.putTruncated(b.help, at: Point(x: inner.x + keyW + whereW, y: y), style: Style(role: .text), width: inner.width - keyW - whereW)
    y += 1
  }
  if !fits, y < inner.maxY {
    let below = bindings.count - first - shown.count
    buffer.put("↑/↓ PgUp/PgDn scroll · \(first) above · \(below) below", at: Point(x: inner.x, y: y), style: Style(role: .muted))
  }
}
