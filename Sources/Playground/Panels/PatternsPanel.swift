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
  if columnWidth < 24 {
    renderPatternRows(state, into: &buffer, inner: inner)
    return
  }
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

/// Narrow panels: one pattern per pair of rows, numbers on the first, steps on the second.
private func renderPatternRows(_ state: State, into buffer: inout Buffer, inner: Rect) {
  var y = inner.y
  for run in state.patterns where y < inner.maxY - 1 {
    let head = fit(run.pattern.title, 23) + " " + fit(Money.perMessage(run.cost), 9) + fit(formatLatency(run.latencyNanos), 9)
      + fit("\(run.calls) call\(run.calls == 1 ? "" : "s")", 9)
    var x = inner.x
    x += buffer.put(head, at: Point(x: x, y: y), style: Style(role: .text, bold: true), maxWidth: inner.width)
    if let route = run.finalRoute, x < inner.maxX {
      buffer.put("→ \(route)", at: Point(x: x, y: y), style: Style(role: state.scenario.role(of: route), bold: true),
                 maxWidth: inner.maxX - x)
    }
    y += 1
    guard y < inner.maxY - 1 else { break }
    let steps = run.steps.map { ($0.concurrent ? "∥ " : "") + $0.name }.joined(separator: " → ")
    buffer.putTruncated("  " + steps + (run.measured ? "" : "  (estimated)"), at: Point(x: inner.x, y: y),
                        style: Style(role: .muted), width: inner.width)
    y += 1
  }
}
