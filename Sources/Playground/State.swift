import RouterCore
import TerminalUI

/// Which part of the screen takes the keys.
public enum Focus: String, CaseIterable, Sendable {
  case query, strategies, slider
}

/// What the screen needs to know of the loaded scenario.
public struct ScenarioInfo: Equatable, Sendable {
  public var name: String
  public var title: String
  public var routes: [Route]
  public var samples: [LabeledExample]
  public var cost: CostModel

  public init(_ scenario: Scenario) {
    name = scenario.name
    title = scenario.title
    routes = scenario.routes
    samples = scenario.samples
    cost = CostModel(scenario: scenario)
  }

  /// The semantic role a route's name is drawn in: cheapest success, people danger, others info.
  public func role(of route: String?) -> Role {
    guard let route, let r = routes.first(where: { $0.name == route }) else { return .muted }
    if r.isHuman { return .danger }
    if r.rank == 0 { return .success }
    return .info
  }
}

/// One model provider's health, for the screen.
public struct ProviderRow: Equatable, Sendable {
  public var name: String
  /// `closed`, `open 12.3 s`, `half-open`, `marked down`.
  public var state: String
  public init(name: String, state: String) {
    self.name = name
    self.state = state
  }
}

/// Everything the screen depends on. `view(state)` draws it; `update` changes it.
public struct State: Equatable, Sendable {
  public var scenario: ScenarioInfo
  public var query = QueryField()
  /// The text the verdicts were computed for; differs from `query.text` until the next refresh.
  public var routedText: String?
  /// Every strategy's verdict for `routedText`, in panel order (hybrid last).
  public var verdicts: [Verdict] = []
  /// Submitted questions, oldest first.
  public var history: [String] = []
  /// Position while browsing history with Up/Down; nil when editing a fresh question.
  public var historyIndex: Int?
  /// The unsent text kept while browsing history.
  public var draft = ""
  public var focus: Focus = .query
  /// Highlighted row of the decision panel.
  public var selectedStrategy = 0
  /// Share of simple questions on the cost slider, 0...100.
  public var simplePercent = 70
  /// Share of questions that need a person, 0...100 (what is left after simple goes to the baseline).
  public var humanPercent = 0
  public var queriesPerDay = 1000
  /// True while the mouse holds the slider thumb: motion anywhere moves it.
  public var dragging = false
  public var showHelp = false
  /// First binding shown in the help overlay when it does not fit.
  public var helpScroll = 0
  /// Index of the sample question shown last.
  public var sampleIndex: Int?
  public var themeName: String
  public var themeNames: [String]
  public var scenarioNames: [String]
  /// One line of feedback in the status bar (a logged decision, a load error).
  public var status: String?
  public var size: Size
  public var demo: DemoState?
  public var mouseEnabled = true
  /// Strategy titles by command-line name, for the panel (`rules` → `Keyword rules`).
  public var strategyTitles: [String: String] = [:]
  /// Verdicts of the strategies that call a model (LLM router, cascade) for `modelGeneration`;
  /// `.pending` shows "thinking…" until the answer arrives.
  public var modelVerdicts: [Verdict] = []
  /// The text generation the model verdicts belong to; answers for older text are dropped.
  public var modelGeneration: UInt64 = 0
  /// Model providers and their circuit-breaker state, as the status lines show them.
  public var providers: [ProviderRow] = []
  /// Whether the orchestration-patterns view replaces the flow trace.
  public var showPatterns = false
  /// The four orchestration patterns for the current question.
  public var patterns: [PatternRun] = []

  /// Rows of the decision panel: offline strategies, then the model ones, the hybrid flow last.
  public var panelVerdicts: [Verdict] {
    guard !modelVerdicts.isEmpty else { return verdicts }
    let hybrid = verdicts.filter { $0.strategy == "hybrid" }
    return verdicts.filter { $0.strategy != "hybrid" } + modelVerdicts + hybrid
  }

  public init(scenario: ScenarioInfo, size: Size, themeName: String = "default", themeNames: [String] = ["default"],
              scenarioNames: [String] = ScenarioLoader.builtIn) {
    self.scenario = scenario
    self.size = size
    self.themeName = themeName
    self.themeNames = themeNames
    self.scenarioNames = scenarioNames
  }

  /// The hybrid flow's verdict, which the screen treats as the decision.
  public var decision: Verdict? { verdicts.last { $0.strategy == "hybrid" } }

  /// Steps of the queries-per-day figure.
  public static let queryPresets = [100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 1_000_000]

  /// The cost table the slider shows.
  public var costBreakdown: CostModel.Breakdown {
    let mix = scenario.cost.sliderMix(simpleShare: Double(simplePercent) / 100, humanShare: Double(humanPercent) / 100)
    return scenario.cost.breakdown(mix: mix, queriesPerDay: Double(queriesPerDay))
  }
}
