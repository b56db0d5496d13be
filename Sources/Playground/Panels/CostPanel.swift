import RouterCore
import TerminalUI

/// The cost-savings slider and the table next to it: cost per day and per year with and without
/// routing, and the saving, for the queries-per-day figure.
func renderCostPanel(_ state: State, layout: PlaygroundLayout, into buffer: inout Buffer) {
  let area = layout.cost
  let b = state.costBreakdown
  let title = "Cost · \(Money.grouped(Money.fixed(Double(state.queriesPerDay), 0))) queries/day"
  let inner = buffer.drawBox(area, title: title, style: borderStyle(focused: state.focus == .slider || state.dragging))
  guard inner.width > 12, inner.height > 0 else { return }
  // The slider: filled part, thumb, rest of the track.
  let track = layout.sliderTrack
  buffer.put(PlaygroundLayout.sliderLabel, at: Point(x: area.x + 1, y: track.y), style: Style(role: .text))
  let thumb = layout.sliderColumn(for: state.simplePercent)
  for x in track.x..<track.maxX {
    if x < thumb {
      buffer.put("━", at: Point(x: x, y: track.y), style: Style(role: .sliderFill, bold: true))
    } else if x == thumb {
      buffer.put("●", at: Point(x: x, y: track.y), style: Style(role: .accent, bold: true, reverse: state.dragging))
    } else {
      buffer.put("─", at: Point(x: x, y: track.y), style: Style(role: .sliderTrack))
    }
  }
  let pct = String(state.simplePercent) + "%"
  buffer.put(String(repeating: " ", count: max(0, 5 - pct.count)) + pct, at: Point(x: track.maxX, y: track.y),
             style: Style(role: .accent, bold: true))
  var y = inner.y + 1
  func row(_ text: String, _ style: Style) {
    guard y < inner.maxY else { return }
    buffer.putTruncated(text, at: Point(x: inner.x, y: y), style: style, width: inner.width)
    y += 1
  }
  let routes = state.scenario.routes
  let cheapest = routes.first?.name ?? ""
  let baseline = b.baselineRoute
  var mix = " simple→\(cheapest) rest→\(baseline)"
  if routes.contains(where: \.isHuman) { mix += " human \(state.humanPercent)%" }
  row(mix, Style(role: .muted))
  let numberW = 10
  let col1 = max(12, inner.width - 2 * numberW)
  func right(_ text: String) -> String { String(repeating: " ", count: max(0, numberW - 1 - text.count)) + text + " " }
  row(fit("", col1) + right("per day") + right("per year"), Style(role: .muted, underline: true))
  func money(_ label: String, _ day: Double, _ year: Double, _ style: Style) {
    row(fit(" " + label, col1) + right(Money.format(day)) + right(Money.format(year, cents: false)), style)
  }
  money("all \(baseline)", b.withoutRoutingPerDay, b.withoutRoutingPerYear, Style(role: .text))
  money("with routing", b.withRoutingPerDay, b.withRoutingPerYear, Style(role: .text))
  let saved = b.savingPerDay >= 0
  money(saved ? "saved (\(Percent(b.savingShare)))" : "extra cost", abs(b.savingPerDay), abs(b.savingPerYear),
        Style(role: saved ? .success : .danger, bold: true))
  if y < inner.maxY {
    y += 1
    let hint = state.focus == .slider ? " ←→ share  ↑↓ queries/day  +/- human" : " drag, or Tab here: ←→ PgUp PgDn"
    row(hint, Style(role: .muted))
  }
}
