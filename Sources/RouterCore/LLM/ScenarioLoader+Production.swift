import ConfigFile

/// Reading the scenario sections added for the model-calling strategies: `[[faq]]`,
/// `[[endpoints]]`, `[llm]`, `[cascade]`, `[budget]` and `[shadow]`, with file:line errors.
extension ScenarioLoader {
  /// Top-level keys these sections add to a scenario file.
  static let productionKeys = ["faq", "endpoints", "llm", "cascade", "budget", "shadow"]

  /// The `[[faq]]` entries.
  static func faq(_ root: ConfigSection) throws(ConfigError) -> [FAQEntry] {
    var entries: [FAQEntry] = []
    for s in try root.sections("faq") {
      try s.rejectUnknownKeys(["question", "answer", "also"])
      let question = try s.requireString("question")
      let answer = try s.requireString("answer")
      guard !question.allSatisfy(\.isWhitespace) else { throw s.error("an FAQ question cannot be empty", at: "question") }
      guard !answer.allSatisfy(\.isWhitespace) else { throw s.error("an FAQ answer cannot be empty", at: "answer") }
      entries.append(FAQEntry(question: question, answer: answer, also: try s.strings("also") ?? [], line: s.line))
    }
    return entries
  }

  /// Endpoints, router, cascade, call, breaker, budget and shadow settings.
  static func production(_ root: ConfigSection, routes: [Route]) throws(ConfigError) -> ProductionSettings {
    var p = ProductionSettings()
    let modelRoutes = routes.filter { !$0.isHuman }.map(\.name)
    func modelRoute(_ name: String, _ s: ConfigSection, _ key: String) throws(ConfigError) -> String {
      guard modelRoutes.contains(name) else {
        throw s.error("'\(name)' is not a model route (model routes: \(modelRoutes.joined(separator: ", ")))", at: key)
      }
      return name
    }
    func positive(_ s: ConfigSection, _ key: String) throws(ConfigError) -> Double? {
      guard let v = try s.number(key) else { return nil }
      guard v > 0, v.isFinite else { throw s.error("\(key) must be a positive number", at: key) }
      return v
    }
    func fraction(_ s: ConfigSection, _ key: String) throws(ConfigError) -> Double? {
      guard let v = try s.number(key) else { return nil }
      guard (0...1).contains(v) else { throw s.error("\(key) is a share between 0 and 1", at: key) }
      return v
    }

    var names: [String: String] = [:]
    for (i, s) in try root.sections("endpoints").enumerated() {
      for secret in ["key", "api_key", "token"] where s.has(secret) {
        throw s.error("do not write API keys in the scenario; put the key in an environment variable and name it with key_env", at: secret)
      }
      try s.rejectUnknownKeys(["route", "name", "url", "model", "key_env"])
      let route = try modelRoute(try s.requireString("route"), s, "route")
      let url = try s.requireString("url")
      guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
        throw s.error("url must start with http:// or https:// (for example http://127.0.0.1:8080/v1)", at: "url")
      }
      let name = try s.string("name") ?? "\(route)-\(i + 1)"
      if let other = names[name], other != url {
        throw s.error("the endpoint name '\(name)' is used for two different URLs", at: "name")
      }
      names[name] = url
      p.endpoints.append(EndpointConfig(route: route, name: name, url: url, model: try s.requireString("model"),
                                        keyEnv: try s.string("key_env"), line: s.line))
    }

    if let s = try root.section("llm") {
      try s.rejectUnknownKeys(["router_route", "fallback_route", "timeout_s", "retries", "backoff_ms", "debounce_ms",
                               "breaker_failures", "breaker_cooldown_s"])
      if let r = try s.string("router_route") { p.llm.routerRoute = try modelRoute(r, s, "router_route") }
      if let r = try s.string("fallback_route") {
        guard routes.contains(where: { $0.name == r }) else { throw s.error("unknown route '\(r)'", at: "fallback_route") }
        p.llm.fallbackRoute = r
      }
      if let t = try positive(s, "timeout_s") { p.calls.timeoutNanos = UInt64(t * 1e9) }
      if let r = try s.integer("retries") {
        guard (0...10).contains(r) else { throw s.error("retries must be between 0 and 10", at: "retries") }
        p.calls.maxRetries = r
      }
      if let b = try positive(s, "backoff_ms") { p.calls.backoffBaseNanos = UInt64(b * 1e6) }
      if let d = try s.number("debounce_ms") {
        guard d >= 0, d <= 10_000 else { throw s.error("debounce_ms must be between 0 and 10000", at: "debounce_ms") }
        p.llm.debounceNanos = UInt64(d * 1e6)
      }
      if let f = try s.integer("breaker_failures") {
        guard f >= 1 else { throw s.error("breaker_failures must be at least 1", at: "breaker_failures") }
        p.breaker.failureThreshold = f
      }
      if let c = try positive(s, "breaker_cooldown_s") { p.breaker.cooldownNanos = UInt64(c * 1e9) }
    }
    if let s = try root.section("cascade") {
      try s.rejectUnknownKeys(["threshold"])
      if let t = try fraction(s, "threshold") { p.cascade.threshold = t }
    }
    if let s = try root.section("budget") {
      try s.rejectUnknownKeys(["daily"])
      p.budget.daily = try positive(s, "daily")
    }
    if let s = try root.section("shadow") {
      try s.rejectUnknownKeys(["strategy", "share"])
      p.shadow.strategy = try s.string("strategy")
      if let share = try fraction(s, "share") { p.shadow.share = share }
    }
    return p
  }
}
