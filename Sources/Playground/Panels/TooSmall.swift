import TerminalUI

/// What a terminal below the minimum size shows instead of a garbled layout.
func renderTooSmall(size: Size, into buffer: inout Buffer) {
  let need = PlaygroundLayout.minimum
  let message = "terminal too small (have \(size.width)×\(size.height), need \(need.width)×\(need.height))"
  let lines = Buffer.wrap(message, width: max(1, size.width))
  let top = max(0, (size.height - lines.count) / 2)
  for (i, line) in lines.enumerated() where top + i < size.height {
    let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
    buffer.put(line, at: Point(x: x, y: top + i), style: Style(role: .warning, bold: true))
  }
}
