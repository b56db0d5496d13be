import RouterCore
import TerminalUI

/// The four orchestration patterns for the current question, side by side: each with its steps,
/// calls, cost and latency (measured with an endpoint, estimated from prices and typical
/// latencies without one).
func renderPatterns(_ state: State, into buffer: inout Buffer, area: Rect) {
  let inner = buffer.drawBox(area, title: "Orchestration patterns · F6 back to the flow", style: Style(role: .accent))
    .inset(horizontal: 1)
  guard inner.width > 20, inner.height > 2 else { return }
  guard !state.patterns.isEmpty else {
    buffer.putTruncated("type a question to compare the patterns", at: inner.origin, style: Style(role: .muted), width: inner.width)
    return
  }
  let count = state.patterns.count
  let columnWidth = max(10, (inner.width - (count - 1)) / count)
  for (i, run) in state.patterns.enumerated() {
    let x = inner.x + i * (columnWidth + 1)
    guard x < inner.maxX else { break }
    let w = min(columnWidth, inner.maxX - x)
    var y = inner.y
    func line(_ text: String, _ style: Style) {
      guard y < inner.maxY - 1 else { return }
      buffer.putTruncated(text, at: Point(x: x, y: y), style: style, width: w)
      y += 1
    }
    line(run.pattern.title, Style(role: .title, bold: true))
    line(Money.perMessage(run.cost) + " · " + formatLatency(run.latencyNanos), Style(role: .accent))
    line("\(run.calls) call\(run.calls == 1 ? "" : "s") · " + (run.measured ? "measured" : "estimated"), Style(role: .muted))
    if let route = run.finalRoute {
      line("→ \(route)", Style(role: state.scenario.role(of: route), bold: true))
    }
    for step in run.steps {
      line((step.concurrent ? "∥ " : "· ") + step.name, Style(role: .text))
    }
  }
  renderProviders(state, into: &buffer, inner: inner)
}
