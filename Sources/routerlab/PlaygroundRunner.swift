import ConfigFile
import Foundation
import LLMHTTP
import NcursesBackend
import Playground
import RouterCore
import TerminalUI

/// The playground's run loop: terminal events → `update` → one `refresh` per batch → `view` →
/// draw; and the effects `update` asks for (logging, loading scenarios and themes, mouse).
struct PlaygroundRunner {
  /// The scenario's router, being built on another thread.
  let build: RouterBuild
  let themeName: String
  let color: ColorProfile?
  let mouse: Bool
  let logPath: String?
  let redact: Bool
  let scenarioNames: [String]
  let startText: String
  /// Questions the demo types, when running `routerlab demo`.
  let demoScript: [String]?

  /// How often the loop wakes while the demo types (ms).
  static let demoTickMs = 15
  /// Otherwise the loop wakes at least this often (ms), to catch a resize whose signal raced the
  /// wait; an idle wake-up costs one size check and no drawing.
  static let idleTickMs = 250
  /// How long the first frame waits for the router: enough for a build from cached weights, so
  /// only a build that trains shows "training…" rows.
  static let readyWaitMs = 60

  func run() throws {
    let catalog = ThemeCatalog.locate()
    let themeNames = catalog?.names() ?? []
    var notice: String?
    var theme = Theme.fallback
    do {
      if let catalog { theme = try catalog.load(themeName) } else if themeName != "default" {
        notice = "no themes folder found; using the built-in default theme"
      }
    } catch {
      notice = "\(error); using the built-in default theme"
    }

    let terminal: Terminal
    do {
      terminal = try Terminal.start(TerminalOptions(color: color, mouse: mouse))
    } catch {
      throw CommandError(error.description)
    }
    defer { terminal.stop() }
    // The router: ready, or the untrained strategies while it trains (`pendingBuild`).
    var pendingBuild: RouterBuild?
    var router = start(build, pending: &pendingBuild)
    var resolved = theme.resolve(terminal.profile)
    var state = Session.initialState(
      router: router, size: terminal.size, themeName: theme.name, themeNames: themeNames, scenarioNames: scenarioNames,
      text: startText)
    state.mouseEnabled = mouse
    state.status = notice
    if let demoScript {
      state.demo = DemoState(script: demoScript)
      state.query.clear()
    }
    var log: DecisionLogFile?
    var models = ModelStrategies(scenario: router.scenario)
    models.textChanged(state.query.text, &state)
    // The text the model strategies were last started on: re-routing the same text with the
    // trained router must not restart (and pay for) their calls.
    var modelText: String? = state.query.text
    terminal.draw(view(state, size: state.size), theme: resolved)
    StartupClock.reportFirstFrame(allStrategies: pendingBuild == nil)

    var reportedTrained = pendingBuild == nil
    /// Takes the trained router in place of the warming-up one (same rows and titles); the next
    /// refresh routes again.
    func adopt(_ ready: Router) {
      router = ready
      pendingBuild = nil
      state.verdicts = []
    }

    loop: while true {
      let events: [Event]
      do {
        let waiting = pendingBuild != nil || state.modelVerdicts.contains { $0.status == .pending }
        events = try terminal.nextEvents(
          timeoutMs: state.demo != nil || waiting ? Self.demoTickMs : Self.idleTickMs)
      } catch {
        break loop  // the terminal hung up or input ended: leave quietly, restoring the terminal
      }
      let now = Stopwatch.now()
      var msgs: [Msg] = events.map { event in
        switch event {
        case .key(let key): .keyPressed(key)
        case .paste(let text): .pasted(text)
        case .mouse(let m): .mouse(m)
        case .resize(let size): .resized(size)
        case .tick: .ticked(now: now)
        }
      }
      if state.demo != nil && !msgs.contains(where: { if case .ticked = $0 { true } else { false } }) {
        msgs.append(.ticked(now: now))
      }
      msgs += models.arrivals()
      // The trained strategies arrived: route the text again with them.
      var trained = false
      if let ready = pendingBuild?.router(waitingAtMost: 0) {
        adopt(ready)
        trained = true
      }
      let size = terminal.size
      if size != state.size && !msgs.contains(where: { if case .resized = $0 { true } else { false } }) {
        msgs.append(.resized(size))
      }
      // An idle tick with nothing to do draws nothing.
      if !trained && state.demo == nil && msgs.allSatisfy({ if case .ticked = $0 { true } else { false } }) { continue }
      var pending = msgs[...]
      while let msg = pending.popFirst() {
        for effect in update(&state, msg) {
          switch effect {
          case .quit:
            break loop
          case .logDecision(let text):
            // A decision is logged with every strategy: wait for the trained ones.
            if let ready = pendingBuild?.router(waitingAtMost: nil) { adopt(ready) }
            pending.append(.decisionLogged(logDecision(text, router: router, log: &log)))
          case .loadScenario(let name):
            do {
              router = start(RouterBuild(try ScenarioLoader.load(name)), pending: &pendingBuild)
              models = ModelStrategies(scenario: router.scenario)
              modelText = nil
              state.strategyTitles = router.strategyTitles
              pending.append(.scenarioLoaded(ScenarioInfo(router.scenario)))
            } catch {
              pending.append(.loadFailed("\(error)"))
            }
          case .loadTheme(let name):
            do {
              guard let catalog else { throw ConfigError(file: name, line: 0, message: "no themes folder found") }
              theme = try catalog.load(name)
              resolved = theme.resolve(terminal.profile)
              pending.append(.themeLoaded(theme.name))
            } catch {
              pending.append(.loadFailed("\(error); theme unchanged"))
            }
          case .setMouse(let on):
            terminal.setMouseCapture(on)
          case .toggleProviderDown:
            pending.append(.decisionLogged(models.toggleProviderDown()))
          case .computePatterns(let text):
            pending.append(.patternsComputed(models.patterns(text, router: router)))
          }
        }
      }
      if refresh(&state, router: router) {
        if modelText != state.query.text {
          models.textChanged(state.query.text, &state)
          modelText = state.query.text
        }
        if state.showPatterns { state.patterns = models.patterns(state.query.text, router: router) }
      }
      terminal.draw(view(state, size: terminal.size), theme: resolved)
      if !reportedTrained && pendingBuild == nil {
        reportedTrained = true
        StartupClock.reportTrained()
      }
    }
  }

  /// `build`'s router if it is ready within `readyWaitMs`; else the untrained strategies, with
  /// `build` left in `pending` for the loop to collect.
  private func start(_ build: RouterBuild, pending: inout RouterBuild?) -> Router {
    if let ready = build.router(waitingAtMost: Self.readyWaitMs) {
      pending = nil
      return ready
    }
    pending = build
    return Router.warmingUp(build.scenario)
  }

  /// Routes `text` with every strategy and appends the decision to the log; returns the status line.
  private func logDecision(_ text: String, router: Router, log: inout DecisionLogFile?) -> String {
    let verdicts = router.routeAll(text)
    let route = verdicts.last { $0.strategy == Router.defaultStrategy }?.route ?? "?"
    do {
      if log == nil {
        let path = try logPath ?? DefaultPaths.decisionLog()
        log = try DecisionLogFile(path: path)
      }
      guard let log else { return "decision: \(route)" }
      log.append(DecisionRecord(scenario: router.scenario.name, text: text, verdicts: verdicts,
                                finalStrategy: Router.defaultStrategy, redact: redact))
      return "logged: \(route) → \(log.path)"
    } catch {
      return "decision: \(route); not logged: \(error)"
    }
  }
}

/// Where RouterLab keeps files it writes without being told where.
enum DefaultPaths {
  /// `$XDG_STATE_HOME/routerlab/decisions.jsonl`, else `~/.local/state/routerlab/decisions.jsonl`.
  /// Throws when neither is set, rather than logging somewhere shared like /tmp.
  static func decisionLog() throws -> String {
    let env = ProcessInfo.processInfo.environment
    guard let base = env["XDG_STATE_HOME"].flatMap({ $0.isEmpty ? nil : $0 })
      ?? env["HOME"].flatMap({ $0.isEmpty ? nil : $0 + "/.local/state" })
    else { throw CommandError("neither XDG_STATE_HOME nor HOME is set; give --log PATH") }
    let dir = base + "/routerlab"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                             attributes: [.posixPermissions: 0o700])
    return dir + "/decisions.jsonl"
  }
}

/// The strategies that call a model (LLM router, cascade) for the playground: started on each
/// text change, debounced and cancelled by the feed, their answers polled by the loop so no
/// keystroke ever waits on the network.
struct ModelStrategies {
  let stack: LLMStack
  let feed: VerdictFeed
  private var lastProviders: [ProviderRow] = []

  init(scenario: Scenario) {
    stack = LLMStack(scenario: scenario, environment: ProcessInfo.processInfo.environment, client: HTTPChatClient())
    feed = VerdictFeed(
      strategies: stack.strategies, debounceNanos: scenario.production.llm.debounceNanos,
      blankRoute: scenario.routes.first?.name)
  }

  /// Starts the model strategies on `text` and puts their first verdicts in the state.
  mutating func textChanged(_ text: String, _ state: inout State) {
    let (generation, verdicts) = feed.textChanged(text)
    _ = update(&state, .modelVerdictsStarted(generation: generation, verdicts))
    for s in stack.strategies { state.strategyTitles[s.name] = s.title }
    if let msg = providerChange() { _ = update(&state, msg) }
  }

  /// Answers that arrived since the last call, and provider changes, as messages.
  mutating func arrivals() -> [Msg] {
    var msgs = feed.drain().map { Msg.modelVerdictArrived(generation: $0.generation, $0.verdict) }
    if let msg = providerChange() { msgs.append(msg) }
    return msgs
  }

  private mutating func providerChange() -> Msg? {
    let now = Stopwatch.now()
    let rows = stack.health.snapshot().map { ProviderRow(name: $0.name, state: $0.label(now: now)) }
    guard rows != lastProviders else { return nil }
    lastProviders = rows
    return .providersChanged(rows)
  }

  /// Marks the first provider down, or up again; returns the status line.
  func toggleProviderDown() -> String {
    guard let first = stack.health.snapshot().first else { return "no model provider configured" }
    let down = stack.health.toggleMarkedDown(first.name)
    return down ? "\(first.name) marked down: calls fall back to the next provider" : "\(first.name) back up"
  }

  /// The four orchestration patterns, estimated from the scenario's prices and latencies.
  func patterns(_ text: String, router: Router) -> [PatternRun] {
    let query = Query(text)
    guard !router.isWarmingUp, let hybrid = router.strategy(named: Router.defaultStrategy) else { return [] }
    let decision = router.route(query, with: hybrid)
    return OrchestrationEstimator(scenario: router.scenario).estimate(decision: decision, cascade: stack.cascade.route(query))
  }
}
