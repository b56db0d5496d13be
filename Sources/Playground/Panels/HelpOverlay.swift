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
  let rows = inner.height - 1
  // Two columns would not fit long help text; when the list is taller than the box, show the
  // first rows and say how many more there are.
  for (i, b) in bindings.enumerated() where y < inner.maxY {
    if i == rows - 1 && bindings.count > rows {
      buffer.put("… \(bindings.count - i) more: a taller terminal shows them all, or see the README", at: Point(x: inner.x, y: y), style: Style(role: .muted))
      break
    }
    buffer.put(fit(b.keyLabel, keyW), at: Point(x: inner.x, y: y), style: Style(role: .accent, bold: true), maxWidth: keyW)
    buffer.put(fit(b.context.rawValue, whereW), at: Point(x: inner.x + keyW, y: y), style: Style(role: .muted), maxWidth: whereW)
    buffer.putTruncated(b.help, at: Point(x: inner.x + keyW + whereW, y: y), style: Style(role: .text), width: inner.width - keyW - whereW)
    y += 1
  }
}
