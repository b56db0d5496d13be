import RouterCore
import TerminalUI

/// One row per strategy: verdict (route coloured by role), score, latency and reason. Rows that
/// disagree with the hybrid flow are marked `≠`.
func renderDecisionPanel(_ state: State, into buffer: inout Buffer, area: Rect) {
  let focused = state.focus == .strategies
  let inner = buffer.drawBox(area, title: "Decision · every strategy", style: borderStyle(focused: focused))
    .inset(horizontal: 1)
  guard inner.width > 20, inner.height > 0 else { return }
  let nameW = 24
  let routeW = 9
  let scoreW = 8
  let latW = 9
  let reasonX = inner.x + nameW + routeW + scoreW + latW
  let reasonW = max(0, inner.maxX - reasonX)
  let header = fit("strategy", nameW) + fit("route", routeW) + fit("score", scoreW) + fit("latency", latW) + "reason"
  buffer.putTruncated(header, at: inner.origin, style: Style(role: .muted, underline: true), width: inner.width)
  let rows = state.panelVerdicts
  guard !rows.isEmpty else {
    buffer.putTruncated("type a question to see every strategy's verdict", at: Point(x: inner.x, y: inner.y + 1),
                        style: Style(role: .muted), width: inner.width)
    return
  }
  let decided = state.decision?.route
  for (i, v) in rows.enumerated() {
    let y = inner.y + 1 + i
    guard y < inner.maxY else { break }
    let isHybrid = v.strategy == "hybrid"
    let selected = focused && i == state.selectedStrategy
    if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: " ", style: Style(role: .selection, reverse: true)) }
    let base = selected ? Style(role: .selection, reverse: true) : Style(role: .text, bold: isHybrid)
    var x = inner.x
    let title = (isHybrid ? "▶ " : "  ") + (state.strategyTitles[v.strategy] ?? v.strategy)
    buffer.put(fit(title, nameW - 1) + " ", at: Point(x: x, y: y), style: base)
    x += nameW
    switch v.status {
    case .unavailable(let why):
      buffer.put(fit("—", routeW), at: Point(x: x, y: y), style: Style(role: .muted))
      buffer.putTruncated(why, at: Point(x: x + routeW, y: y), style: Style(role: .muted),
                          width: inner.maxX - x - routeW)
      continue
    case .pending:
      buffer.put(fit("…", routeW), at: Point(x: x, y: y), style: Style(role: .muted))
      buffer.putTruncated(v.reason.isEmpty ? "thinking…" : v.reason, at: Point(x: x + routeW, y: y), style: Style(role: .muted), width: inner.maxX - x - routeW)
      continue
    case .decided, .failed:
      break
    }
    let disagrees = !isHybrid && decided != nil && v.route != decided
    let routeStyle = selected ? base : Style(role: state.scenario.role(of: v.route), bold: true)
    buffer.put(fit(v.route ?? "—", routeW - 2), at: Point(x: x, y: y), style: routeStyle)
    if disagrees {
      buffer.put("≠", at: Point(x: x + routeW - 2, y: y), style: selected ? base : Style(role: .warning, bold: true))
    }
    x += routeW
    buffer.put(fit(formatScore(v), scoreW), at: Point(x: x, y: y), style: selected ? base : Style(role: .text))
    x += scoreW
    buffer.put(fit(formatLatency(v.latencyNanos), latW), at: Point(x: x, y: y), style: selected ? base : Style(role: .muted))
    var reason = v.reason
    if case .failed(let why) = v.status { reason = "failed: \(why); " + reason }
    buffer.putTruncated(reason, at: Point(x: reasonX, y: y), style: selected ? base : Style(role: .text), width: reasonW)
  }
}

/// A verdict's score as its kind reads: `97%`, `3 pts`, `match`, `0.82`.
func formatScore(_ v: Verdict) -> String {
  switch v.scoreKind {
  case .confidence: return "\(Percent(v.score))"
  case .points: return "\(Int(v.score)) pts"
  case .similarity: return Money.fixed(v.score, 2)
  case .match: return v.score > 0 ? "match" : "default"
  case .none: return "–"
  }
}

/// Latency as µs or ms with two significant decimals.
func formatLatency(_ nanos: UInt64) -> String {
  let us = Double(nanos) / 1000
  if us < 10 { return Money.fixed(us, 1) + "µs" }
  if us < 1000 { return String(Int(us.rounded())) + "µs" }
  if us < 1_000_000 { return Money.fixed(us / 1000, 1) + "ms" }
  return Money.fixed(us / 1_000_000, 2) + "s"
}
