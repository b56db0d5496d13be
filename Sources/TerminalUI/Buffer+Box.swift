/// Rounded boxes around panels.
extension Buffer {
  /// Draws a rounded box (`╭─╮│╰╯`) on the edge of `rect`, with an optional title in the top
  /// border; returns the area inside the border.
  ///
  /// The title is shown as ` title ` after `╭─` and truncated with `…` to leave at least one
  /// `─` before the corner. Rectangles smaller than 2×2 get no border.
  @discardableResult
  public mutating func drawBox(
    _ rect: Rect, title: String? = nil, style: Style = Style(role: .border),
    titleStyle: Style = Style(role: .title)
  ) -> Rect {
    let inner = rect.inset(by: 1)
    guard rect.width >= 2, rect.height >= 2 else { return inner }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    put("╭" + horizontal + "╮", at: rect.origin, style: style, maxWidth: rect.width)
    put(
      "╰" + horizontal + "╯", at: Point(x: rect.x, y: rect.maxY - 1), style: style,
      maxWidth: rect.width)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      put("│", at: Point(x: rect.x, y: y), style: style)
      put("│", at: Point(x: rect.maxX - 1, y: y), style: style)
    }
    // Room between "╭─" and "─╮", less the two padding spaces.
    let room = rect.width - 4 - 2
    if let title, !title.isEmpty, room >= 1 {
      let shown = Buffer.truncate(title, width: room)
      put(" ", at: Point(x: rect.x + 2, y: rect.y), style: style)
      let written = put(
        shown, at: Point(x: rect.x + 3, y: rect.y), style: titleStyle,
        maxWidth: room)
      put(" ", at: Point(x: rect.x + 3 + written, y: rect.y), style: style)
    }
    return inner
  }
}
