import RouterCore
import TerminalUI

/// Draws the whole screen for `state` at `size`: the same state always gives the same frame.
public func view(_ state: State, size: Size) -> Frame {
  var buffer = Buffer(size: size)
  guard size.width >= PlaygroundLayout.minimum.width, size.height >= PlaygroundLayout.minimum.height else {
    renderTooSmall(size: size, into: &buffer)
    return Frame(buffer: buffer)
  }
  let layout = PlaygroundLayout(size: size, strategies: max(1, state.panelVerdicts.count))
  var hits = HitMap()
  renderTitleBar(state, into: &buffer, area: layout.title)
  let cursor = renderQueryBox(state, into: &buffer, area: layout.query)
  hits.add(layout.query, target: "query")
  renderDecisionPanel(state, into: &buffer, area: layout.decisions)
  hits.add(layout.decisions, target: "strategies")
  if state.showPatterns {
    renderPatterns(state, into: &buffer, area: layout.trace)
  } else {
    renderFlowTrace(state, into: &buffer, area: layout.trace)
  }
  renderCostPanel(state, layout: layout, into: &buffer)
  hits.add(layout.sliderTrack, target: "slider")
  renderStatusBar(state, into: &buffer, area: layout.status)
  if state.showHelp {
    renderHelpOverlay(state, into: &buffer, area: buffer.area)
    return Frame(buffer: buffer, cursor: nil, hitMap: hits)
  }
  return Frame(buffer: buffer, cursor: state.focus == .query ? cursor : nil, hitMap: hits)
}

/// Style for a panel border: accented when the panel has the focus.
func borderStyle(focused: Bool) -> Style {
  focused ? Style(role: .accent, bold: true) : Style(role: .border)
}

/// Pads or cuts `text` to exactly `width` columns.
func fit(_ text: String, _ width: Int) -> String {
  let cut = Buffer.truncate(text, width: width)
  let w = DisplayWidth.of(cut)
  return w >= width ? cut : cut + String(repeating: " ", count: width - w)
}
