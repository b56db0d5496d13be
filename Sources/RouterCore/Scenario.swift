/// Everything a routing problem is made of, as data: routes, rules, examples and samples.
public struct Scenario: Sendable {
  /// Short name (`clinic`, `support`), used by `--scenario`.
  public var name: String
  /// Title for the screen.
  public var title: String
  /// A paragraph on what is being routed.
  public var summary: String
  /// The routes, cheapest first (rank 0 first).
  public var routes: [Route]
  /// What a team without a router would send everything to (`expert`): the cost baseline.
  public var baseline: String
  /// Route keyword rules choose when no rule matches.
  public var defaultRoute: String
  /// Ordered keyword rules, safety first.
  public var rules: [KeywordRule]
  /// Settings of the complexity heuristic.
  public var heuristic: HeuristicSettings
  /// Settings of the hybrid decision flow.
  public var flow: FlowSettings
  /// Labelled examples the learned strategies train on.
  public var train: [LabeledExample]
  /// Labelled examples kept apart for evaluation.
  public var dev: [LabeledExample]
  /// Questions to try in the playground and the demo, with the route they should get.
  public var samples: [LabeledExample]
  /// Where the scenario was read from, for messages.
  public var source: String
  /// `[[faq]]`: questions the cascade's offline cheap tier can answer.
  public var faq: [FAQEntry] = []
  /// Endpoints, LLM router, cascade, budget and shadow settings (`[[endpoints]]`, `[llm]`…).
  public var production = ProductionSettings()

  public init(
    name: String, title: String, summary: String, routes: [Route], baseline: String, defaultRoute: String,
    rules: [KeywordRule], heuristic: HeuristicSettings, flow: FlowSettings, train: [LabeledExample],
    dev: [LabeledExample], samples: [LabeledExample], source: String
  ) {
    self.name = name
    self.title = title
    self.summary = summary
    self.routes = routes.sorted { $0.rank < $1.rank }
    self.baseline = baseline
    self.defaultRoute = defaultRoute
    self.rules = rules
    self.heuristic = heuristic
    self.flow = flow
    self.train = train
    self.dev = dev
    self.samples = samples
    self.source = source
  }

  /// The route called `name`, if the scenario has one.
  public func route(named name: String) -> Route? {
    routes.first { $0.name == name }
  }

  /// Rank of a route (capability order); unknown names rank lowest.
  public func rank(of name: String) -> Int {
    route(named: name)?.rank ?? -1
  }

  /// The more capable of two routes: where an unsure router falls back to.
  public func moreCapable(_ a: String, _ b: String) -> String {
    rank(of: a) >= rank(of: b) ? a : b
  }

  public var routeNames: [String] { routes.map(\.name) }

  /// A copy with one route's price changed (for `--human-cost`).
  public func withCost(_ cost: Double, for routeName: String) -> Scenario {
    var copy = self
    if let i = copy.routes.firstIndex(where: { $0.name == routeName }) {
      copy.routes[i].costPerMessage = cost
      copy.routes[i].tokenPricing = nil
    }
    return copy
  }
}

/// Settings of the complexity heuristic: which route each of its three tiers maps to.
public struct HeuristicSettings: Sendable, Equatable {
  /// Route for tier 1 (score < 2), tier 2 (2–4) and tier 3 (5 or more).
  public var tierRoutes: [String]
  public var complexKeywords: [String]
  public var moderateKeywords: [String]

  /// The keyword lists of the usual form of this heuristic (seed 003, "Build an LLM Router").
  public static let usualComplexKeywords = [
    "explain", "compare", "analyze", "why does", "step by step", "trade-off", "debug", "evaluate",
    "pros and cons", "design",
  ]
  public static let usualModerateKeywords = [
    "summarize", "rewrite", "generate", "translate", "convert", "write a", "draft", "list the", "what are the",
  ]

  public init(tierRoutes: [String], complexKeywords: [String] = usualComplexKeywords,
              moderateKeywords: [String] = usualModerateKeywords) {
    self.tierRoutes = tierRoutes
    self.complexKeywords = complexKeywords
    self.moderateKeywords = moderateKeywords
  }
}

/// Settings of the hybrid decision flow.
public struct FlowSettings: Sendable, Equatable {
  /// The classifier's confidence must reach this for its top route to be taken as is.
  public var confidenceThreshold: Double
  /// Route the flow escalates to when the classifier gives it at least `escalateThreshold`
  /// (the clinic's `human`); nil when the scenario has no such route.
  public var escalateRoute: String?
  public var escalateThreshold: Double
  /// In the hybrid flow, a safety rule's match is overruled when the classifier gives the rule's
  /// route less than this: the words matched, but the message uses them as a topic, a past event
  /// or a figure of speech ("my dad had a stroke in 2019, can you renew his PT referral").
  /// 0: never overruled. The keyword safety checks before a model call (`SafetyPrecheck`: LLM
  /// router, cascade) do not read it.
  public var safetyOverruleBelow: Double
  /// A match is only overruled in a message with at least this many words besides the matched
  /// phrase: a short message ("heart attack", "help overdose") has no context to read it by, and
  /// the classifier, which has mostly seen these words as topics, would misread it.
  public var overruleContextWords = 6

  public init(confidenceThreshold: Double = 0.6, escalateRoute: String? = nil, escalateThreshold: Double = 0.35,
              safetyOverruleBelow: Double = 0) {
    self.confidenceThreshold = confidenceThreshold
    self.escalateRoute = escalateRoute
    self.escalateThreshold = escalateThreshold
    self.safetyOverruleBelow = safetyOverruleBelow
  }
}
