import RouterCore
import TerminalUI

/// Applies one message to the state and returns the work the run loop must do.
///
/// Text edits do not route here: the run loop calls `refresh` once per batch of events, so a
/// paste typed as ten thousand keystrokes routes once, not ten thousand times.
public func update(_ state: inout State, _ msg: Msg) -> [Effect] {
  switch msg {
  case .keyPressed(let key):
    if let action = Keymap.action(for: key, in: state) {
      return perform(action, on: &state)
    }
    if state.focus == .query, let text = Keymap.typedText(key) {
      edit(&state) { $0.insert(text) }
    }
    return []
  case .pasted(let text):
    state.focus = .query
    edit(&state) { $0.insert(text) }
    return []
  case .mouse(let event):
    handleMouse(event, &state)
    return []
  case .resized(let size):
    state.size = size
    return []
  case .ticked(let now):
    advanceDemo(&state, now: now)
    return []
  case .scenarioLoaded(let info):
    let keepText = state.query.text
    state.scenario = info
    state.routedText = nil
    state.sampleIndex = nil
    state.selectedStrategy = 0
    state.status = "scenario \(info.name): \(info.title)"
    state.query.set(keepText)
    return []
  case .loadFailed(let message):
    state.status = message
    return []
  case .themeLoaded(let name):
    state.themeName = name
    state.status = "theme \(name)"
    return []
  case .decisionLogged(let message):
    state.status = message
    return []
  case .modelVerdictsStarted(let generation, let verdicts):
    state.modelGeneration = generation
    state.modelVerdicts = verdicts
    return state.showPatterns ? [.computePatterns(state.query.text)] : []
  case .modelVerdictArrived(let generation, let verdict):
    guard generation == state.modelGeneration,
      let i = state.modelVerdicts.firstIndex(where: { $0.strategy == verdict.strategy })
    else { return [] }
    state.modelVerdicts[i] = verdict
    return []
  case .providersChanged(let rows):
    state.providers = rows
    return []
  case .patternsComputed(let runs):
    state.patterns = runs
    return []
  }
}

/// Re-routes when the text changed since the last refresh. Returns true when it routed.
@discardableResult
public func refresh(_ state: inout State, router: Router) -> Bool {
  let text = state.query.text
  guard state.routedText != text || state.verdicts.count != router.strategies.count else { return false }
  state.verdicts = router.routeAll(text)
  state.routedText = text
  state.selectedStrategy = min(state.selectedStrategy, max(0, state.panelVerdicts.count - 1))
  return true
}

private func edit(_ state: inout State, _ change: (inout QueryField) -> Void) {
  change(&state.query)
  state.historyIndex = nil
}

private func perform(_ action: Action, on state: inout State) -> [Effect] {
  switch action {
  case .quit:
    return [.quit]
  case .toggleHelp:
    state.showHelp.toggle()
    state.helpScroll = 0
  case .helpScroll(let delta):
    state.helpScroll = min(max(0, state.helpScroll + delta), max(0, Keymap.bindings.count - 1))
  case .focusNext, .focusPrevious:
    let all = Focus.allCases
    let i = all.firstIndex(of: state.focus) ?? 0
    let step = action == .focusNext ? 1 : all.count - 1
    state.focus = all[(i + step) % all.count]
  case .submit:
    let text = state.query.text
    guard !text.allSatisfy(\.isWhitespace) else { return [] }
    if state.history.last != text { state.history.append(text) }
    state.historyIndex = nil
    return [.logDecision(text)]
  case .clearQuery:
    if state.showHelp {
      state.showHelp = false
      state.helpScroll = 0
    } else {
      edit(&state) { $0.clear() }
      state.sampleIndex = nil
    }
  case .nextSample, .previousSample:
    let samples = state.scenario.samples
    guard !samples.isEmpty else {
      state.status = "this scenario has no sample questions"
      return []
    }
    let count = samples.count
    let next: Int
    if let i = state.sampleIndex {
      next = action == .nextSample ? (i + 1) % count : (i + count - 1) % count
    } else {
      next = action == .nextSample ? 0 : count - 1
    }
    state.sampleIndex = next
    state.focus = .query
    edit(&state) { $0.set(samples[next].text) }
    state.status = "sample \(next + 1)/\(count) · labelled \(samples[next].route)"
  case .historyPrevious:
    guard !state.history.isEmpty else { return [] }
    let i: Int
    if let current = state.historyIndex {
      i = max(0, current - 1)
    } else {
      state.draft = state.query.text
      i = state.history.count - 1
    }
    state.historyIndex = i
    state.query.set(state.history[i])
  case .historyNext:
    guard let current = state.historyIndex else { return [] }
    if current + 1 < state.history.count {
      state.historyIndex = current + 1
      state.query.set(state.history[current + 1])
    } else {
      state.historyIndex = nil
      state.query.set(state.draft)
    }
  case .cursorLeft: state.query.moveLeft()
  case .cursorRight: state.query.moveRight()
  case .cursorHome: state.query.moveHome()
  case .cursorEnd: state.query.moveEnd()
  case .wordLeft: state.query.moveWordLeft()
  case .wordRight: state.query.moveWordRight()
  case .deleteBackward: edit(&state) { $0.deleteBackward() }
  case .deleteForward: edit(&state) { $0.deleteForward() }
  case .deleteWordBackward: edit(&state) { $0.deleteWordBackward() }
  case .deleteWordForward: edit(&state) { $0.deleteWordForward() }
  case .deleteToStart: edit(&state) { $0.deleteToStart() }
  case .deleteToEnd: edit(&state) { $0.deleteToEnd() }
  case .sliderStep(let delta):
    setSimple(&state, state.simplePercent + delta)
  case .sliderHome:
    setSimple(&state, 0)
  case .sliderEnd:
    setSimple(&state, 100)
  case .queriesUp, .queriesDown:
    let presets = State.queryPresets
    if action == .queriesUp {
      state.queriesPerDay = presets.first { $0 > state.queriesPerDay } ?? presets[presets.count - 1]
    } else {
      state.queriesPerDay = presets.last { $0 < state.queriesPerDay } ?? presets[0]
    }
  case .humanUp:
    state.humanPercent = min(100 - state.simplePercent, state.humanPercent + 1)
  case .humanDown:
    state.humanPercent = max(0, state.humanPercent - 1)
  case .selectUp:
    state.selectedStrategy = max(0, state.selectedStrategy - 1)
  case .selectDown:
    state.selectedStrategy = min(max(0, state.panelVerdicts.count - 1), state.selectedStrategy + 1)
  case .nextTheme:
    guard !state.themeNames.isEmpty else { return [] }
    let i = state.themeNames.firstIndex(of: state.themeName) ?? -1
    return [.loadTheme(state.themeNames[(i + 1) % state.themeNames.count])]
  case .nextScenario:
    guard !state.scenarioNames.isEmpty else { return [] }
    let i = state.scenarioNames.firstIndex(of: state.scenario.name) ?? -1
    let next = state.scenarioNames[(i + 1) % state.scenarioNames.count]
    state.status = "loading scenario \(next)…"
    return [.loadScenario(next)]
  case .togglePatterns:
    state.showPatterns.toggle()
    return state.showPatterns ? [.computePatterns(state.query.text)] : []
  case .toggleProviderDown:
    guard !state.providers.isEmpty else {
      state.status = "no model provider configured (set ROUTERLAB_LLM_URL)"
      return []
    }
    return [.toggleProviderDown]
  case .toggleMouse:
    state.mouseEnabled.toggle()
    state.dragging = false
    state.status = state.mouseEnabled ? "mouse on" : "mouse off: select text with the terminal"
    return [.setMouse(state.mouseEnabled)]
  case .demoPause:
    state.demo?.paused.toggle()
    // Resume from now, rather than typing everything that was due while paused at once.
    state.demo?.nextAt = 0
  case .demoNext, .demoPrevious:
    guard var demo = state.demo, !demo.script.isEmpty else { return [] }
    let n = demo.script.count
    demo.index = action == .demoNext ? (demo.index + 1) % n : (demo.index + n - 1) % n
    demo.typed = demo.current.count
    demo.nextAt = 0
    state.demo = demo
    state.query.set(String(demo.current))
  }
  return []
}

/// Sets the simple share (clamped to 0...100), keeping the human share within what is left.
private func setSimple(_ state: inout State, _ value: Int) {
  state.simplePercent = min(100, max(0, value))
  state.humanPercent = min(state.humanPercent, 100 - state.simplePercent)
}

private func handleMouse(_ event: MouseEvent, _ state: inout State) {
  guard state.mouseEnabled else { return }
  let layout = PlaygroundLayout(size: state.size, strategies: max(1, state.panelVerdicts.count))
  let onTrack = layout.sliderTrack.contains(Point(x: event.x, y: event.y))
    || (event.y == layout.sliderTrack.y && (event.x == layout.sliderTrack.x - 1 || event.x == layout.sliderTrack.x + layout.sliderTrack.width))
  switch event.kind {
  case .press where event.button == .left:
    if onTrack {
      state.dragging = true
      state.focus = .slider
      setSimple(&state, layout.sliderValue(atColumn: event.x))
    } else if layout.query.contains(Point(x: event.x, y: event.y)) {
      state.focus = .query
    } else if layout.decisions.contains(Point(x: event.x, y: event.y)) {
      state.focus = .strategies
      let row = event.y - layout.decisions.y - 2
      if row >= 0 && row < state.panelVerdicts.count { state.selectedStrategy = row }
    }
  case .drag, .move:
    // Captured while held: the pointer may leave the one-row track and still move the thumb.
    if state.dragging { setSimple(&state, layout.sliderValue(atColumn: event.x)) }
  case .release:
    if state.dragging {
      setSimple(&state, layout.sliderValue(atColumn: event.x))
      state.dragging = false
    }
  case .wheelUp where onTrack || state.focus == .slider:
    setSimple(&state, state.simplePercent + 1)
  case .wheelDown where onTrack || state.focus == .slider:
    setSimple(&state, state.simplePercent - 1)
  default:
    break
  }
}

private func advanceDemo(_ state: inout State, now: UInt64) {
  guard var demo = state.demo, !demo.paused, !demo.script.isEmpty else { return }
  if demo.nextAt == 0 {
    // Just started, stepped or resumed: a finished question is held in full from now.
    demo.nextAt = demo.isHolding ? now + DemoState.holdNanos : now
    state.demo = demo
    if demo.isHolding { return }
  }
  guard now >= demo.nextAt else { return }
  if demo.isHolding {
    demo.index = (demo.index + 1) % demo.script.count
    demo.typed = 0
    state.query.clear()
    demo.nextAt = now + DemoState.typingNanos
  } else {
    // Catch up after a slow frame rather than falling behind, one character per due step.
    let chars = demo.current
    while demo.typed < chars.count && demo.nextAt <= now {
      demo.typed += 1
      demo.nextAt += DemoState.typingNanos
    }
    state.query.set(String(chars[0..<demo.typed]))
    if demo.isHolding { demo.nextAt = now + DemoState.holdNanos }
  }
  state.demo = demo
}
