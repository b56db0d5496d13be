import TerminalUI

/// The query box: one line of text scrolled so the cursor stays visible; returns where the
/// terminal cursor goes.
func renderQueryBox(_ state: State, into buffer: inout Buffer, area: Rect) -> Point? {
  let inner = buffer.drawBox(area, title: "Ask", style: borderStyle(focused: state.focus == .query))
  guard inner.width > 4, inner.height > 0 else { return nil }
  let prompt = "› "
  buffer.put(prompt, at: inner.origin, style: Style(role: .accent, bold: true))
  let textX = inner.x + 2
  let room = inner.width - 3
  if state.query.isEmpty {
    let hint = state.scenario.samples.isEmpty ? "Type a question…" : "Type a question… or Ctrl+N for a sample"
    buffer.putTruncated(hint, at: Point(x: textX, y: inner.y), style: Style(role: .muted), width: room)
    return Point(x: textX, y: inner.y)
  }
  let chars = state.query.characters
  let widths = chars.map { max(0, DisplayWidth.of($0)) }
  // Scroll so the cursor is visible with some of the text after it (a third of the box, or all
  // of it when it fits), and as much text before it as the rest of the box holds.
  let cursor = state.query.cursor
  let tail = widths[cursor...].reduce(0, +)
  let lookahead = min(tail, max(1, room / 3))
  var start = cursor
  var used = lookahead + (cursor < chars.count ? 0 : 1)
  while start > 0 && used + widths[start - 1] <= room {
    used += widths[start - 1]
    start -= 1
  }
  if start > 0 {
    buffer.put("…", at: Point(x: textX - 1, y: inner.y), style: Style(role: .muted))
  }
  let visible = String(chars[start...])
  buffer.put(visible, at: Point(x: textX, y: inner.y), style: Style(role: .text), maxWidth: room)
  let cursorX = textX + widths[start..<cursor].reduce(0, +)
  return Point(x: min(cursorX, inner.maxX - 1), y: inner.y)
}
