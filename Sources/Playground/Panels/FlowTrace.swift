import RouterCore
import TerminalUI

/// The hybrid flow's checks in order: which fired, which passed, which were skipped, with
/// score, threshold, margin and runner-up; then the fired check's evidence.
func renderFlowTrace(_ state: State, into buffer: inout Buffer, area: Rect) {
  let title = area.width >= 60 ? "Decision flow · safety first, first yes wins" : "Decision flow · first yes wins"
  let inner = buffer.drawBox(area, title: title, style: Style(role: .border)).inset(horizontal: 1)
  guard inner.width > 10, inner.height > 0 else { return }
  guard let decision = state.decision, !decision.trace.isEmpty else {
    let text = state.decision == nil ? "the hybrid flow's checks appear here" : state.decision?.reason ?? ""
    for (i, line) in Buffer.wrap(text, width: inner.width).prefix(inner.height).enumerated() {
      buffer.put(line, at: Point(x: inner.x, y: inner.y + i), style: Style(role: .muted))
    }
    return
  }
  var y = inner.y
  for (i, step) in decision.trace.enumerated() where y < inner.maxY {
    let (mark, markStyle): (String, Style)
    switch step.outcome {
    case .fired: (mark, markStyle) = ("●", Style(role: state.scenario.role(of: step.route), bold: true))
    case .passed: (mark, markStyle) = ("○", Style(role: .muted))
    case .skipped: (mark, markStyle) = ("·", Style(role: .muted, dim: true))
    }
    var x = inner.x
    x += buffer.put("\(i + 1) ", at: Point(x: x, y: y), style: Style(role: .muted))
    x += buffer.put(mark + " ", at: Point(x: x, y: y), style: markStyle)
    let nameStyle = step.outcome == .fired ? Style(role: .text, bold: true)
      : Style(role: step.outcome == .skipped ? .muted : .text, dim: step.outcome == .skipped)
    x += buffer.put(fit(step.name, 21), at: Point(x: x, y: y), style: nameStyle)
    let rest = inner.maxX - x
    var parts: [String] = []
    if step.outcome == .skipped {
      parts.append("skipped")
    } else {
      if let score = step.score, let threshold = step.threshold {
        let sign = score >= threshold ? "≥" : "<"
        let margin = (step.margin ?? 0) * 100
        parts.append("\(Percent(score))\(sign)\(Percent(threshold)) \(margin >= 0 ? "+" : "")\(Int(margin.rounded()))")
      }
      if step.outcome == .fired, let route = step.route { parts.append("→ \(route)") }
      if step.outcome == .passed && step.threshold == nil && !step.detail.isEmpty { parts.append(step.detail) }
      if let r = step.runnerUp, step.threshold != nil { parts.append("2nd \(r.route) \(Percent(r.score))") }
    }
    let style = step.outcome == .fired ? Style(role: state.scenario.role(of: step.route)) : Style(role: .muted)
    buffer.putTruncated(parts.joined(separator: "  "), at: Point(x: x, y: y), style: style, width: rest)
    y += 1
  }
  renderProviders(state, into: &buffer, inner: inner)
  // The evidence of the check that fired, wrapped under the list.
  if let fired = decision.trace.first(where: { $0.outcome == .fired }), y + 1 < inner.maxY {
    y += 1
    let text = "why: " + decision.reason
    for line in Buffer.wrap(text, width: inner.width) where y < inner.maxY {
      buffer.put(line, at: Point(x: inner.x, y: y), style: Style(role: fired.route == nil ? .muted : .text))
      y += 1
    }
  }
}

/// The model providers' circuit-breaker states on the last row of a panel, when any are set up.
func renderProviders(_ state: State, into buffer: inout Buffer, inner: Rect) {
  guard !state.providers.isEmpty, inner.height > 2 else { return }
  let text = "providers: " + state.providers.map { "\($0.name) \($0.state)" }.joined(separator: " · ") + "  (F8: mark down)"
  let troubled = state.providers.contains { $0.state != "closed" }
  buffer.fill(Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), with: " ", style: .plain)
  buffer.putTruncated(text, at: Point(x: inner.x, y: inner.maxY - 1), style: Style(role: troubled ? .warning : .muted),
                      width: inner.width)
}
