import TerminalUI

/// The top line: product, scenario, theme and where help is.
func renderTitleBar(_ state: State, into buffer: inout Buffer, area: Rect) {
  buffer.fill(area, with: " ", style: Style(role: .title, reverse: true))
  let left = " RouterLab · \(state.scenario.title) (\(state.scenario.name))"
  var right = "theme \(state.themeName) · F1 help "
  if let demo = state.demo {
    right = (demo.paused ? "DEMO paused · " : "DEMO · ") + right
  }
  let style = Style(role: .title, bold: true, reverse: true)
  buffer.put(left, at: area.origin, style: style, maxWidth: area.width)
  let rw = DisplayWidth.of(right)
  if rw + DisplayWidth.of(left) < area.width {
    buffer.put(right, at: Point(x: area.maxX - rw, y: area.y), style: Style(role: .title, reverse: true))
  }
}
