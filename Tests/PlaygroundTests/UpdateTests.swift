import Playground
import RouterCore
import TerminalUI
import Testing

@Suite struct UpdateTests {
  @Test("typing edits the query and one refresh routes it with every strategy")
  func typing() {
    var s = Fixture.state()
    Fixture.type(&s, "chest pain")
    #expect(s.query.text == "chest pain")
    #expect(s.routedText == "chest pain")
    #expect(s.verdicts.map(\.strategy) == Fixture.router.strategyNames)
    #expect(s.verdicts.last?.strategy == "hybrid")
    #expect(s.decision?.route == "human")
  }

  @Test("a batch of keystrokes routes once, at the end")
  func batching() {
    var s = Fixture.state()
    for c in "hello" { _ = update(&s, .keyPressed(.char(c))) }
    #expect(s.routedText == "")
    #expect(refresh(&s, router: Fixture.router))
    #expect(s.routedText == "hello")
    #expect(!refresh(&s, router: Fixture.router))
  }

  @Test("cursor movement, word jumps and word deletes work on grapheme clusters")
  func editing() {
    var s = Fixture.state("can I take 日本 🙂 ibuprofen")
    var expected = s
    Fixture.send(&s, .keyPressed(Key(.left, .ctrl)))
    #expect(s.query.cursor == 16)
    Fixture.send(&s, .keyPressed(.ctrl("w")))
    #expect(s.query.text == "can I take 日本 ibuprofen")
    Fixture.send(&s, .keyPressed(Key(.home)), .keyPressed(Key(.right, .ctrl)), .keyPressed(Key(.char("d"), .alt)))
    #expect(s.query.text == "can take 日本 ibuprofen")
    Fixture.send(&s, .keyPressed(Key(.end)), .keyPressed(Key(.backspace, .alt)))
    #expect(s.query.text == "can take 日本 ")
    Fixture.send(&s, .keyPressed(Key(.backspace)), .keyPressed(Key(.backspace)))
    #expect(s.query.text == "can take 日")
    Fixture.send(&s, .keyPressed(Key(.escape)))
    expected.query = QueryField()
    expected.routedText = ""
    expected.verdicts = s.verdicts
    #expect(s == expected)
  }

  @Test("a paste goes in as one edit; line breaks become spaces and control characters are dropped")
  func paste() {
    var s = Fixture.state()
    s.focus = .slider
    Fixture.send(&s, .pasted("line one\nline\u{1B}[31m two\u{7}"))
    #expect(s.focus == .query)
    #expect(s.query.text == "line one line[31m two")
    let big = String(repeating: "a", count: 10_000)
    Fixture.send(&s, .pasted(big))
    #expect(s.query.characters.count == 21 + 10_000)
    #expect(s.routedText == s.query.text)
  }

  @Test("Enter logs the decision and keeps it in history; Up and Down browse it")
  func historyAndSubmit() {
    var s = Fixture.state()
    Fixture.type(&s, "first")
    #expect(Fixture.send(&s, .keyPressed(Key(.enter))) == [.logDecision("first")])
    Fixture.send(&s, .keyPressed(Key(.escape)))
    Fixture.type(&s, "second")
    Fixture.send(&s, .keyPressed(Key(.enter)), .keyPressed(Key(.escape)))
    Fixture.type(&s, "draft")
    Fixture.send(&s, .keyPressed(Key(.up)))
    #expect(s.query.text == "second")
    Fixture.send(&s, .keyPressed(Key(.up)), .keyPressed(Key(.up)))
    #expect(s.query.text == "first")
    Fixture.send(&s, .keyPressed(Key(.down)), .keyPressed(Key(.down)))
    #expect(s.query.text == "draft")
    #expect(s.history == ["first", "second"])
    #expect(Fixture.send(&s, .keyPressed(Key(.escape)), .keyPressed(Key(.enter))).isEmpty)
  }

  @Test("q and ? are typed in the query box but quit and open help elsewhere; Ctrl+C and F1 work anywhere")
  func focusDependentKeys() {
    var s = Fixture.state()
    #expect(Fixture.send(&s, .keyPressed(.char("q")), .keyPressed(.char("?"))).isEmpty)
    #expect(s.query.text == "q?")
    Fixture.send(&s, .keyPressed(Key(.tab)))
    #expect(s.focus == .strategies)
    Fixture.send(&s, .keyPressed(.char("?")))
    #expect(s.showHelp)
    Fixture.send(&s, .keyPressed(Key(.escape)))
    #expect(!s.showHelp)
    #expect(Fixture.send(&s, .keyPressed(.char("q"))) == [.quit])
    Fixture.send(&s, .keyPressed(Key(.tab)), .keyPressed(Key(.tab)))
    #expect(s.focus == .query)
    Fixture.send(&s, .keyPressed(Key(.f(1))))
    #expect(s.showHelp)
    #expect(Fixture.send(&s, .keyPressed(.ctrl("c"))) == [.quit])
  }

  @Test("the slider steps with arrows, PgUp/PgDn and Home/End; queries per day with Up/Down")
  func sliderKeys() {
    var s = Fixture.state()
    s.focus = .slider
    Fixture.send(&s, .keyPressed(Key(.right)), .keyPressed(Key(.right)), .keyPressed(Key(.left)))
    #expect(s.simplePercent == 71)
    Fixture.send(&s, .keyPressed(Key(.pageUp)), .keyPressed(Key(.pageUp)), .keyPressed(Key(.pageUp)))
    #expect(s.simplePercent == 100)
    Fixture.send(&s, .keyPressed(Key(.home)))
    #expect(s.simplePercent == 0)
    Fixture.send(&s, .keyPressed(Key(.end)), .keyPressed(Key(.pageDown)))
    #expect(s.simplePercent == 90)
    Fixture.send(&s, .keyPressed(Key(.up)))
    #expect(s.queriesPerDay == 5_000)
    Fixture.send(&s, .keyPressed(Key(.down)), .keyPressed(Key(.down)))
    #expect(s.queriesPerDay == 500)
    Fixture.send(&s, .keyPressed(.char("+")), .keyPressed(.char("+")))
    #expect(s.humanPercent == 2)
  }

  @Test("mouse drag on the slider is captured while held, even off the track, and ends on release")
  func mouseDrag() {
    var s = Fixture.state()
    let layout = PlaygroundLayout(size: s.size, strategies: s.verdicts.count)
    let track = layout.sliderTrack
    Fixture.send(&s, .mouse(MouseEvent(.press, x: track.x, y: track.y)))
    #expect(s.dragging)
    #expect(s.simplePercent == 0)
    #expect(s.focus == .slider)
    Fixture.send(&s, .mouse(MouseEvent(.drag, x: track.maxX + 20, y: track.y - 10)))
    #expect(s.simplePercent == 100)
    let middle = layout.sliderColumn(for: 50)
    Fixture.send(&s, .mouse(MouseEvent(.drag, x: middle, y: 0)))
    #expect(s.simplePercent == layout.sliderValue(atColumn: middle))
    #expect(abs(s.simplePercent - 50) <= 2)
    let release = layout.sliderColumn(for: 70)
    Fixture.send(&s, .mouse(MouseEvent(.release, button: .none, x: release, y: 0)))
    #expect(!s.dragging)
    #expect(s.simplePercent == layout.sliderValue(atColumn: release))
    let kept = s.simplePercent
    Fixture.send(&s, .mouse(MouseEvent(.drag, x: track.x, y: track.y)))
    #expect(s.simplePercent == kept)
  }

  @Test("the sample key cycles through the scenario's samples and says how each is labelled")
  func samples() {
    var s = Fixture.state()
    let samples = Fixture.router.scenario.samples
    Fixture.send(&s, .keyPressed(.ctrl("n")))
    #expect(s.query.text == samples[0].text)
    #expect(s.status == "sample 1/\(samples.count) · labelled \(samples[0].route)")
    Fixture.send(&s, .keyPressed(Key(.f(2))))
    #expect(s.query.text == samples[1].text)
    Fixture.send(&s, .keyPressed(.ctrl("p")), .keyPressed(.ctrl("p")))
    #expect(s.query.text == samples[samples.count - 1].text)
  }

  @Test("theme and scenario switches ask the run loop, which reports back")
  func switches() {
    var s = Fixture.state()
    #expect(Fixture.send(&s, .keyPressed(.ctrl("t"))) == [.loadTheme("light")])
    Fixture.send(&s, .themeLoaded("light"))
    #expect(s.themeName == "light")
    #expect(Fixture.send(&s, .keyPressed(.ctrl("o"))) == [.loadScenario("support")])
    Fixture.send(&s, .loadFailed("x.toml:3: broken"))
    #expect(s.status == "x.toml:3: broken")
    #expect(Fixture.send(&s, .keyPressed(Key(.f(9)))) == [.setMouse(false)])
  }

  @Test("the demo types each question at a readable pace, holds, then moves on; Space pauses")
  func demo() {
    var s = Fixture.state()
    s.demo = DemoState(script: ["ab", "cd"])
    let t0: UInt64 = 1_000_000_000
    Fixture.send(&s, .ticked(now: t0))
    #expect(s.query.text == "a")
    Fixture.send(&s, .ticked(now: t0 + DemoState.typingNanos))
    #expect(s.query.text == "ab")
    #expect(s.demo?.isHolding == true)
    Fixture.send(&s, .ticked(now: t0 + DemoState.typingNanos + DemoState.holdNanos / 2))
    #expect(s.query.text == "ab")
    Fixture.send(&s, .ticked(now: t0 + DemoState.typingNanos + DemoState.holdNanos))
    #expect(s.query.text == "")
    #expect(s.demo?.index == 1)
    Fixture.send(&s, .keyPressed(.char(" ")))
    #expect(s.demo?.paused == true)
    Fixture.send(&s, .ticked(now: t0 + 100 * DemoState.holdNanos))
    #expect(s.query.text == "")
    Fixture.send(&s, .keyPressed(Key(.right)))
    #expect(s.query.text == "ab")
  }

  @Test("model verdicts show as pending, are replaced when their answer arrives, and stale answers are dropped")
  func modelVerdicts() {
    var s = Fixture.state("hello")
    let pending = Verdict(strategy: "llm", route: nil, score: 0, scoreKind: .none, reason: "thinking…", status: .pending)
    Fixture.send(&s, .modelVerdictsStarted(generation: 2, [pending]))
    #expect(s.panelVerdicts.map(\.strategy) == Array(Fixture.router.strategyNames.dropLast()) + ["llm", "hybrid"])
    let frame = view(s, size: s.size).buffer.lines().joined(separator: "\n")
    #expect(frame.contains("thinking…"))
    let stale = Verdict(strategy: "llm", route: "fast", score: 0.9, scoreKind: .confidence, reason: "old text")
    Fixture.send(&s, .modelVerdictArrived(generation: 1, stale))
    #expect(s.modelVerdicts == [pending])
    let answer = Verdict(strategy: "llm", route: "expert", score: 0.8, scoreKind: .confidence, reason: "model says expert")
    Fixture.send(&s, .modelVerdictArrived(generation: 2, answer))
    #expect(s.modelVerdicts == [answer])
    #expect(view(s, size: s.size).buffer.lines().joined(separator: "\n").contains("model says expert"))
  }

  @Test("F6 asks for the orchestration patterns and shows them in place of the flow trace")
  func patterns() {
    var s = Fixture.state("Can I take ibuprofen with warfarin?")
    #expect(Fixture.send(&s, .keyPressed(Key(.f(6)))) == [.computePatterns("Can I take ibuprofen with warfarin?")])
    let run = PatternRun(pattern: .simple, steps: [PatternStep(name: "route", calls: 1, cost: 0.001, latencyNanos: 300_000_000)],
                         finalRoute: "expert", measured: false)
    Fixture.send(&s, .patternsComputed([run]))
    let text = view(s, size: s.size).buffer.lines().joined(separator: "\n")
    #expect(text.contains("Orchestration patterns"))
    #expect(text.contains("estimated"))
    #expect(Fixture.send(&s, .keyPressed(Key(.f(8)))).isEmpty)
    #expect(s.status == "no model provider configured (set ROUTERLAB_LLM_URL)")
  }

  @Test("every way of moving the slider keeps simple + human within 100%")
  func sliderCapsHumanShare() {
    var s = Fixture.state()
    s.focus = .slider
    for _ in 0..<40 { Fixture.send(&s, .keyPressed(.char("+"))) }
    #expect(s.humanPercent == 30)
    let track = PlaygroundLayout(size: s.size, strategies: s.panelVerdicts.count).sliderTrack
    for _ in 0..<30 { Fixture.send(&s, .mouse(MouseEvent(.wheelUp, button: .none, x: track.x, y: track.y))) }
    #expect(s.simplePercent == 100)
    #expect(s.humanPercent == 0)
  }

  @Test("stepping the demo holds the question stepped to for the full hold time")
  func demoStepHolds() {
    var s = Fixture.state()
    s.demo = DemoState(script: ["A", "B", "C"])
    Fixture.send(&s, .ticked(now: 1_000))
    Fixture.send(&s, .keyPressed(Key(.right)))
    #expect(s.query.text == "B")
    Fixture.send(&s, .ticked(now: 2_000))
    Fixture.send(&s, .ticked(now: 2_000 + DemoState.holdNanos / 2))
    #expect(s.query.text == "B")
    Fixture.send(&s, .ticked(now: 2_000 + DemoState.holdNanos))
    #expect(s.demo?.index == 2)
  }

  @Test("in a long query, text after the cursor stays visible while editing")
  func longQueryLookahead() {
    var s = Fixture.state(String(repeating: "0123456789", count: 10), size: Size(width: 80, height: 24))
    for _ in 0..<5 { Fixture.send(&s, .keyPressed(Key(.left))) }
    let row = view(s, size: s.size).buffer.lines()[2]
    #expect(row.contains("56789"))
    #expect(row.hasPrefix("│›…"))
  }

  @Test("while help is open, keys scroll it or close it and never edit the question")
  func helpIsModal() {
    var s = Fixture.state("abc", size: Size(width: 80, height: 24))
    Fixture.send(&s, .keyPressed(Key(.f(1))))
    Fixture.send(&s, .keyPressed(.char("x")), .keyPressed(Key(.backspace)), .keyPressed(Key(.down)), .keyPressed(Key(.down)))
    #expect(s.query.text == "abc")
    #expect(s.helpScroll == 2)
    let lines = view(s, size: s.size).buffer.lines().joined(separator: "\n")
    #expect(lines.contains("2 above"))
    Fixture.send(&s, .keyPressed(Key(.escape)))
    #expect(!s.showHelp)
    #expect(s.query.text == "abc")
  }
}

@Suite struct WarmUpScreenTests {
  @Test("while the router trains the panel shows training rows and the trace says so; the trained router fills them in")
  func trainingRows() throws {
    let scenario = try ScenarioLoader.load("clinic")
    let size = Size(width: 120, height: 40)
    var s = Session.initialState(
      router: .warmingUp(scenario), size: size, themeName: "default", themeNames: ["default"],
      scenarioNames: ["clinic"], text: "my chest feels tight")
    let note = "training on \(Money.grouped(String(scenario.train.count))) examples…"
    var screen = view(s, size: size).buffer.lines().joined(separator: "\n")
    #expect(screen.contains("Keyword rules         human"))
    #expect(screen.contains("Learned classifier    …        \(note)"))
    #expect(screen.contains("Hybrid decision flow  …        \(note)"))
    #expect(s.decision?.status == .pending)
    // What the run loop does when the trained router arrives.
    s.verdicts = []
    #expect(refresh(&s, router: Fixture.router))
    screen = view(s, size: size).buffer.lines().joined(separator: "\n")
    #expect(!screen.contains(note))
    #expect(s.decision?.route == "human")
    #expect(s.verdicts.allSatisfy { $0.status == .decided })
  }
}
