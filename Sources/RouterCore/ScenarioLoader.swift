import ConfigFile
import Foundation

/// Reads scenarios: the built-in ones by name, or a user's TOML file by path.
public enum ScenarioLoader {
  /// Names of the scenarios that ship with RouterLab.
  public static let builtIn = ["clinic", "support"]

  /// Loads a built-in scenario by name, or a scenario file when `nameOrPath` is a path.
  public static func load(_ nameOrPath: String) throws(ConfigError) -> Scenario {
    if builtIn.contains(nameOrPath) {
      guard let url = Bundle.module.url(forResource: nameOrPath, withExtension: "toml", subdirectory: "Scenarios") else {
        throw ConfigError(file: nameOrPath, line: 0, message: "the built-in scenario is missing from the package resources")
      }
      return try load(path: url.path, label: "<\(nameOrPath)>")
    }
    if !nameOrPath.contains("/") && !nameOrPath.hasSuffix(".toml") && !FileManager.default.fileExists(atPath: nameOrPath) {
      throw ConfigError(file: nameOrPath, line: 0,
                        message: "no such scenario (built in: \(builtIn.joined(separator: ", ")); or give a path to a .toml file)")
    }
    return try load(path: nameOrPath, label: nameOrPath)
  }

  /// Loads the scenario file at `path`; data files it names are read relative to it.
  public static func load(path: String, label: String? = nil) throws(ConfigError) -> Scenario {
    let shown = label ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: shown, line: 0, message: "cannot read the scenario file (does it exist?)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: shown, line: 0, message: "the file is not UTF-8 text")
    }
    let directory = (path as NSString).deletingLastPathComponent
    return try parse(text, file: shown) { (name) throws(ConfigError) -> [UInt8] in
      let full = name.hasPrefix("/") ? name : (directory as NSString).appendingPathComponent(name)
      guard let d = FileManager.default.contents(atPath: full) else {
        throw ConfigError(file: shown, line: 0, message: "cannot read the data file \(name) (looked for \(full))")
      }
      return Array(d)
    }
  }

  /// Builds a scenario from TOML text; `readData` returns the bytes of a data file it names.
  public static func parse(_ text: String, file: String,
                           readData: (String) throws(ConfigError) -> [UInt8]) throws(ConfigError) -> Scenario {
    let root = ConfigSection(try ConfigReader.parse(text, file: file), file: file, name: "")
    try root.rejectUnknownKeys(Set(["name", "title", "summary", "baseline", "default_route", "train", "dev",
                                    "routes", "rules", "heuristic", "flow", "samples"] + productionKeys))
    let name = try root.requireString("name")
    let routeSections = try root.sections("routes")
    guard !routeSections.isEmpty else { throw root.error("a scenario needs at least one [[routes]] entry") }
    var routes: [Route] = []
    for (rank, s) in routeSections.enumerated() {
      try s.rejectUnknownKeys(["name", "meaning", "cost", "human", "latency_ms", "input_per_million",
                               "output_per_million", "input_tokens", "output_tokens"])
      let routeName = try s.requireString("name")
      guard !routeName.isEmpty, routeName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
        throw s.error("route names are letters, digits, '-' and '_' only: '\(routeName)'", at: "name")
      }
      if routes.contains(where: { $0.name == routeName }) { throw s.error("the route '\(routeName)' is defined twice", at: "name") }
      var pricing: TokenPricing?
      if s.has("input_per_million") || s.has("output_per_million") {
        pricing = TokenPricing(
          inputPerMillion: try s.requireNumber("input_per_million"), outputPerMillion: try s.requireNumber("output_per_million"),
          inputTokens: try s.number("input_tokens") ?? 500, outputTokens: try s.number("output_tokens") ?? 250)
      }
      let cost: Double
      if let c = try s.number("cost") {
        cost = c
      } else if let pricing {
        cost = pricing.costPerMessage
      } else {
        throw s.error("route '\(routeName)' needs a cost (dollars per message) or token prices")
      }
      guard cost >= 0 else { throw s.error("a cost cannot be negative", at: "cost") }
      routes.append(Route(
        name: routeName, meaning: try s.string("meaning") ?? "", costPerMessage: cost, rank: rank,
        isHuman: try s.bool("human") ?? false, typicalLatencyMs: try s.number("latency_ms") ?? 0, tokenPricing: pricing))
    }
    let names = Set(routes.map(\.name))
    func checkRoute(_ r: String, _ section: ConfigSection, _ key: String) throws(ConfigError) -> String {
      guard names.contains(r) else {
        throw section.error("unknown route '\(r)' (routes: \(routes.map(\.name).joined(separator: ", ")))", at: key)
      }
      return r
    }
    let lastRoute = routes[routes.count - 1].name
    let baseline = try checkRoute(try root.string("baseline") ?? lastRoute, root, "baseline")
    let defaultRoute = try checkRoute(try root.string("default_route") ?? baseline, root, "default_route")

    var rules: [KeywordRule] = []
    for s in try root.sections("rules") {
      try s.rejectUnknownKeys(["name", "stage", "route", "phrases", "unless", "negatable"])
      let stageName = try s.requireString("stage")
      guard let stage = KeywordRule.Stage(rawValue: stageName) else {
        throw s.error("unknown stage '\(stageName)' (stages: safety, escalation, routing)", at: "stage")
      }
      let rule = KeywordRule(
        name: try s.requireString("name"), stage: stage, route: try checkRoute(try s.requireString("route"), s, "route"),
        phrases: try s.strings("phrases") ?? [], unless: try s.strings("unless") ?? [],
        negatable: try s.bool("negatable") ?? false, line: s.line)
      if let bad = PhraseMatcher.invalidPhrases(of: rule).first {
        throw s.error("the phrase '\(bad)' cannot be matched (it needs a word; a wildcard stem needs 3 letters)", at: "phrases")
      }
      rules.append(rule)
    }

    var heuristic = HeuristicSettings(tierRoutes: [routes[0].name, routes[min(1, routes.count - 1)].name, lastRoute])
    if let h = try root.section("heuristic") {
      try h.rejectUnknownKeys(["routes", "complex_keywords", "moderate_keywords"])
      if let tiers = try h.strings("routes") {
        guard tiers.count == 3 else { throw h.error("heuristic.routes needs three routes: tier 1, tier 2, tier 3", at: "routes") }
        for t in tiers { _ = try checkRoute(t, h, "routes") }
        heuristic.tierRoutes = tiers
      }
      if let k = try h.strings("complex_keywords") { heuristic.complexKeywords = k }
      if let k = try h.strings("moderate_keywords") { heuristic.moderateKeywords = k }
    }

    var flow = FlowSettings()
    if let f = try root.section("flow") {
      try f.rejectUnknownKeys(["confidence", "escalate_route", "escalate_threshold", "safety_overrule_below"])
      if let c = try f.number("confidence") {
        guard (0...1).contains(c) else { throw f.error("confidence is a probability between 0 and 1", at: "confidence") }
        flow.confidenceThreshold = c
      }
      if let r = try f.string("escalate_route") { flow.escalateRoute = try checkRoute(r, f, "escalate_route") }
      if let t = try f.number("escalate_threshold") {
        guard (0...1).contains(t) else { throw f.error("escalate_threshold is a probability between 0 and 1", at: "escalate_threshold") }
        flow.escalateThreshold = t
      }
      if let t = try f.number("safety_overrule_below") {
        // Above the escalation threshold it would overrule matches the classifier itself sends
        // to staff; and an untrained classifier's even split must not overrule every match.
        let bound = min(flow.escalateThreshold, 0.25)
        guard t >= 0, t < bound else {
          throw f.error(
            "safety_overrule_below is a small probability, from 0 up to (not including) \(bound)"
              + (bound == flow.escalateThreshold ? " (escalate_threshold)" : ""), at: "safety_overrule_below")
        }
        flow.safetyOverruleBelow = t
      }
    }

    var samples: [LabeledExample] = []
    for s in try root.sections("samples") {
      try s.rejectUnknownKeys(["text", "route"])
      samples.append(LabeledExample(text: try s.requireString("text"),
                                    route: try checkRoute(try s.requireString("route"), s, "route"), line: s.line))
    }

    func data(_ key: String) throws(ConfigError) -> [LabeledExample] {
      guard let name = try root.string(key) else { return [] }
      let bytes = try readData(name)
      return try LabeledData.parse(bytes, file: name, routes: names)
    }
    let train = try data("train")
    if train.isEmpty && root.has("train") { throw root.error("the training file has no examples", at: "train") }

    var scenario = Scenario(
      name: name, title: try root.string("title") ?? name, summary: try root.string("summary") ?? "", routes: routes,
      baseline: baseline, defaultRoute: defaultRoute, rules: rules, heuristic: heuristic, flow: flow, train: train,
      dev: try data("dev"), samples: samples, source: file)
    scenario.faq = try faq(root)
    scenario.production = try production(root, routes: routes)
    return scenario
  }
}
