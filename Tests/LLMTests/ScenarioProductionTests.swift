import ConfigFile
import RouterCore
import Testing

@Suite struct ScenarioProductionTests {
  static let base = """
    name = "t"
    [[routes]]
    name = "fast"
    cost = 0.001
    [[routes]]
    name = "expert"
    cost = 0.015
    [[routes]]
    name = "human"
    cost = 0.5
    human = true

    """

  func load(_ extra: String) throws(ConfigError) -> Scenario {
    try ScenarioLoader.parse(Self.base + extra, file: "t.toml") { (_: String) throws(ConfigError) -> [UInt8] in [] }
  }

  @Test("FAQ, endpoints, LLM, cascade, budget and shadow sections are read")
  func reads() throws {
    let s = try load("""
      [llm]
      router_route = "fast"
      fallback_route = "human"
      timeout_s = 2.5
      retries = 1
      debounce_ms = 150
      breaker_failures = 3
      breaker_cooldown_s = 10
      [cascade]
      threshold = 0.7
      [budget]
      daily = 12.5
      [shadow]
      strategy = "llm"
      share = 0.1
      [[endpoints]]
      route = "fast"
      name = "local"
      url = "http://127.0.0.1:8080/v1"
      model = "smollm2"
      [[endpoints]]
      route = "fast"
      url = "https://api.example.com/v1"
      model = "small"
      key_env = "EXAMPLE_KEY"
      [[faq]]
      question = "Where can I park?"
      answer = "Behind the building."
      also = ["parking"]
      """)
    #expect(s.faq == [FAQEntry(question: "Where can I park?", answer: "Behind the building.", also: ["parking"], line: 37)])
    let p = s.production
    #expect(p.llm.routerRoute == "fast" && p.llm.fallbackRoute == "human" && p.llm.debounceNanos == 150_000_000)
    #expect(p.calls.timeoutNanos == 2_500_000_000 && p.calls.maxRetries == 1)
    #expect(p.breaker == BreakerSettings(failureThreshold: 3, cooldownNanos: 10_000_000_000))
    #expect(p.cascade.threshold == 0.7 && p.budget.daily == 12.5)
    #expect(p.shadow == ShadowSettings(strategy: "llm", share: 0.1))
    #expect(p.endpoints.map(\.name) == ["local", "fast-2"])
    #expect(p.endpoints[1].keyEnv == "EXAMPLE_KEY")
  }

  @Test("bad values are errors with file and line", arguments: [
    ("[[endpoints]]\nroute = \"fast\"\nurl = \"http://x/v1\"\nmodel = \"m\"\nkey = \"sk-1\"\n", "t.toml:16: do not write API keys"),
    ("[[endpoints]]\nroute = \"fast\"\nurl = \"ftp://x\"\nmodel = \"m\"\n", "t.toml:14: url must start with http:// or https://"),
    ("[[endpoints]]\nroute = \"human\"\nurl = \"http://x/v1\"\nmodel = \"m\"\n", "t.toml:13: 'human' is not a model route"),
    ("[[endpoints]]\nroute = \"fast\"\nurl = \"http://x/v1\"\n", "t.toml:12: missing key 'endpoints[1].model'"),
    ("[shadow]\nshare = 1.5\n", "t.toml:13: share is a share between 0 and 1"),
    ("[budget]\ndaily = -3\n", "t.toml:13: daily must be a positive number"),
    ("[llm]\nrouter_route = \"nurse\"\n", "t.toml:13: 'nurse' is not a model route"),
    ("[[faq]]\nquestion = \"q\"\n", "t.toml:12: missing key 'faq[1].answer'"),
    ("[cascade]\nthreshold = 2\n", "t.toml:13: threshold is a share between 0 and 1"),
    ("[cascade]\nlevel = 2\n", "t.toml:13: unknown key 'level' in cascade"),
  ])
  func errors(_ extra: String, _ message: String) {
    do {
      _ = try load(extra)
      Issue.record("accepted: \(extra)")
    } catch {
      #expect(error.description.hasPrefix(message), "\(error)")
    }
  }

  @Test("endpoints resolve from the environment for every model tier, in the order given")
  func environment() {
    let d = EndpointDirectory.resolve(scenario: LLMFixtures.clinic, environment: [
      "ROUTERLAB_LLM_URL": "http://127.0.0.1:8080/v1, http://127.0.0.1:8081/v1", "ROUTERLAB_LLM_MODEL": "smollm2",
    ])
    #expect(d.problem == nil)
    #expect(d.chain(for: "fast").map(\.name) == ["env-1", "env-2"])
    #expect(d.chain(for: "expert").map(\.baseURL) == ["http://127.0.0.1:8080/v1", "http://127.0.0.1:8081/v1"])
    #expect(d.chain(for: "human").isEmpty)
    #expect(d.chain(for: "fast")[0].model == "smollm2")
    #expect(d.providerNames(routeOrder: LLMFixtures.clinic.routeNames) == ["env-1", "env-2"])
  }

  @Test("scenario endpoints take their tier; the environment fills the others; a bad URL is a problem")
  func mixed() throws {
    let s = try load("[[endpoints]]\nroute = \"expert\"\nname = \"big\"\nurl = \"https://api.example.com/v1\"\nmodel = \"large\"\nkey_env = \"K\"\n")
    let d = EndpointDirectory.resolve(scenario: s, environment: ["ROUTERLAB_LLM_URL": "http://127.0.0.1:8080/v1", "K": "secret"])
    #expect(d.chain(for: "expert").map(\.name) == ["big"])
    #expect(d.chain(for: "expert")[0].key?.authorizationHeader == "Bearer secret")
    #expect(d.chain(for: "fast").map(\.name) == ["env"])
    let noKey = EndpointDirectory.resolve(scenario: s, environment: [:])
    #expect(noKey.notes == ["endpoint big: key_env names K, which is not set; calling without a key"])
    #expect(noKey.chain(for: "fast").isEmpty)
    let bad = EndpointDirectory.resolve(scenario: LLMFixtures.clinic, environment: ["ROUTERLAB_LLM_URL": "127.0.0.1:8080"])
    #expect(bad.problem?.hasPrefix("ROUTERLAB_LLM_URL is not an http(s) base URL") == true)
  }
}
