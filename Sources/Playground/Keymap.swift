import TerminalUI

/// Where a binding applies.
public enum KeyContext: String, Sendable {
  /// Whatever has the focus.
  case anywhere
  /// Only while typing in the query box.
  case query
  /// Anywhere but the query box, where the key would be typed instead (`q`, `?`).
  case notQuery
  case strategies
  case slider
  /// Only while the demo runs; these take precedence.
  case demo
  /// Only while the help overlay is open; other keys then do nothing but quit or close it.
  case help
}

/// A key binding: the keys, what they do, and the help text, declared together so the footer,
/// the help overlay and docs/keybindings.md are all built from this one table.
public struct Binding: Sendable {
  public var keys: [Key]
  public var action: Action
  public var help: String
  public var context: KeyContext
  /// The short label in the footer; nil keeps the binding to the help overlay.
  public var footer: String?

  public init(_ keys: [Key], _ action: Action, _ help: String, _ context: KeyContext = .anywhere, footer: String? = nil) {
    self.keys = keys
    self.action = action
    self.help = help
    self.context = context
    self.footer = footer
  }

  /// How the keys are written for people: `ctrl+c / q`.
  public var keyLabel: String { keys.map(\.description).joined(separator: " / ") }
}

/// The playground's key bindings.
public enum Keymap {
  public static let bindings: [Binding] = [
    Binding([.ctrl("c")], .quit, "quit", footer: "quit"),
    Binding([.char("q")], .quit, "quit", .notQuery),
    Binding([Key(.f(1))], .toggleHelp, "help: every key", footer: "help"),
    Binding([.char("?")], .toggleHelp, "help", .notQuery),
    Binding([Key(.escape)], .clearQuery, "clear the question (or close help)"),
    Binding([Key(.tab)], .focusNext, "focus: question → strategies → cost slider", footer: "focus"),
    Binding([Key(.backTab)], .focusPrevious, "focus the previous panel"),
    Binding([.ctrl("n"), Key(.f(2))], .nextSample, "next sample question", footer: "sample"),
    Binding([.ctrl("p"), Key(.f(3))], .previousSample, "previous sample question"),
    Binding([Key(.enter)], .submit, "submit: log the decision, keep it in history", .query, footer: "submit"),
    Binding([Key(.up)], .historyPrevious, "previous question in history", .query),
    Binding([Key(.down)], .historyNext, "next question in history", .query),
    Binding([Key(.left), .ctrl("b")], .cursorLeft, "cursor left", .query),
    Binding([Key(.right), .ctrl("f")], .cursorRight, "cursor right", .query),
    Binding([Key(.home), .ctrl("a")], .cursorHome, "start of line", .query),
    Binding([Key(.end), .ctrl("e")], .cursorEnd, "end of line", .query),
    Binding([Key(.left, .ctrl), Key(.char("b"), .alt)], .wordLeft, "word left", .query),
    Binding([Key(.right, .ctrl), Key(.char("f"), .alt)], .wordRight, "word right", .query),
    Binding([Key(.backspace), .ctrl("h")], .deleteBackward, "delete before the cursor", .query),
    Binding([Key(.delete), .ctrl("d")], .deleteForward, "delete under the cursor", .query),
    Binding([.ctrl("w"), Key(.backspace, .alt)], .deleteWordBackward, "delete the word before", .query),
    Binding([Key(.delete, .ctrl), Key(.char("d"), .alt)], .deleteWordForward, "delete the word after", .query),
    Binding([.ctrl("u")], .deleteToStart, "delete to the start", .query),
    Binding([.ctrl("k")], .deleteToEnd, "delete to the end", .query),
    Binding([Key(.up)], .selectUp, "select the strategy above", .strategies),
    Binding([Key(.down)], .selectDown, "select the strategy below", .strategies),
    Binding([Key(.left)], .sliderStep(-1), "simple share −1%", .slider),
    Binding([Key(.right)], .sliderStep(1), "simple share +1%", .slider),
    Binding([Key(.home)], .sliderHome, "simple share 0%", .slider),
    Binding([Key(.end)], .sliderEnd, "simple share 100%", .slider),
    Binding([Key(.up)], .queriesUp, "more queries per day", .slider),
    Binding([Key(.down)], .queriesDown, "fewer queries per day", .slider),
    Binding([.char("+"), .char("=")], .humanUp, "human share +1%", .slider),
    Binding([.char("-")], .humanDown, "human share −1%", .slider),
    Binding([Key(.pageUp)], .sliderStep(10), "simple share +10%"),
    Binding([Key(.pageDown)], .sliderStep(-10), "simple share −10%"),
    Binding([.ctrl("t"), Key(.f(4))], .nextTheme, "next theme", footer: "theme"),
    Binding([.ctrl("o"), Key(.f(5))], .nextScenario, "next scenario", footer: "scenario"),
    Binding([Key(.f(6))], .togglePatterns, "orchestration patterns: simple, pipeline, parallel, fallback", footer: "patterns"),
    Binding([Key(.f(8))], .toggleProviderDown, "mark the primary model provider down / up (watch the fallback)"),
    Binding([Key(.f(9))], .toggleMouse, "mouse on/off (off: select text with the terminal)"),
    Binding([Key(.down)], .helpScroll(1), "help: scroll down", .help),
    Binding([Key(.up)], .helpScroll(-1), "help: scroll up", .help),
    Binding([Key(.pageDown)], .helpScroll(10), "help: page down", .help),
    Binding([Key(.pageUp)], .helpScroll(-10), "help: page up", .help),
    Binding([.char(" ")], .demoPause, "demo: pause / resume", .demo),
    Binding([Key(.right)], .demoNext, "demo: next question", .demo),
    Binding([Key(.left)], .demoPrevious, "demo: previous question", .demo),
  ]

  /// The action `key` triggers in `state`, if any; demo keys first, then the focused panel's,
  /// then the ones that work anywhere.
  public static func action(for key: Key, in state: State) -> Action? {
    let contexts: [KeyContext]
    switch state.focus {
    case .query: contexts = [.query, .anywhere]
    case .strategies: contexts = [.strategies, .notQuery, .anywhere]
    case .slider: contexts = [.slider, .notQuery, .anywhere]
    }
    if state.showHelp {
      if let b = bindings.first(where: { $0.context == .help && $0.keys.contains(key) }) { return b.action }
      let closing: [Action] = [.quit, .toggleHelp, .clearQuery]
      let b = bindings.first { $0.context == .anywhere && $0.keys.contains(key) && closing.contains($0.action) }
      return b?.action ?? .helpScroll(0)
    }
    let active = (state.demo != nil ? [KeyContext.demo] : []) + contexts
    for context in active {
      if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.action }
    }
    return nil
  }

  /// The text a key types into the query box: printable characters without ctrl or alt.
  public static func typedText(_ key: Key) -> String? {
    guard case .char(let c) = key.code, !key.modifiers.contains(.ctrl), !key.modifiers.contains(.alt) else { return nil }
    return String(c)
  }

  /// The footer's key hints, from the bindings marked for it.
  public static var footer: [(keys: String, help: String)] {
    bindings.compactMap { b in b.footer.map { (keys: b.keys[0].description, help: $0) } }
  }

  /// Markdown table of every binding, for the README's key table.
  public static var markdown: String {
    var out = "| keys | where | what it does |\n|---|---|---|\n"
    for b in bindings {
      out += "| `\(b.keyLabel)` | \(b.context.rawValue) | \(b.help) |\n"
    }
    return out
  }
}
