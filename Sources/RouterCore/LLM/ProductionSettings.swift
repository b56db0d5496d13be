/// A scenario's settings for the strategies that call models and for running them safely:
/// endpoints per tier, the LLM router, the cascade, call limits, the breaker, budget and shadow.
/// Every part is optional in the scenario file; the defaults follow seed 003.
public struct ProductionSettings: Sendable, Equatable {
  /// `[[endpoints]]`: ordered per route; the first is tried first, the rest are fallbacks.
  public var endpoints: [EndpointConfig] = []
  public var llm = LLMRouterSettings()
  public var cascade = CascadeSettings()
  public var calls = CallPolicy()
  public var breaker = BreakerSettings()
  public var budget = BudgetSettings()
  public var shadow = ShadowSettings()

  public init() {}
}

/// One `[[endpoints]]` entry as written: the key itself is never in the file, only the name of
/// the environment variable that holds it.
public struct EndpointConfig: Sendable, Equatable {
  public var route: String
  public var name: String
  public var url: String
  public var model: String
  /// Environment variable holding the API key, if the endpoint needs one.
  public var keyEnv: String?
  /// Line of the entry, for messages.
  public var line: Int

  public init(route: String, name: String, url: String, model: String, keyEnv: String? = nil, line: Int = 0) {
    self.route = route
    self.name = name
    self.url = url
    self.model = model
    self.keyEnv = keyEnv
    self.line = line
  }
}

/// `[llm]`: which tier runs the router prompt, where failures go, and keystroke debounce.
public struct LLMRouterSettings: Sendable, Equatable {
  /// Route whose endpoints answer the router prompt; nil means the cheapest model route.
  public var routerRoute: String?
  /// Route a failed LLM answer falls back to; nil means the most capable model route.
  public var fallbackRoute: String?
  /// Quiet time after the last keystroke before the playground calls the model, in nanoseconds.
  public var debounceNanos: UInt64 = 300_000_000

  public init() {}
}

/// `[cascade]`: the confidence a cheaper tier's answer needs to be accepted.
public struct CascadeSettings: Sendable, Equatable {
  public var threshold = 0.5

  public init() {}
}

/// `[budget]`: the daily spending limit past which the flow routes down a tier.
public struct BudgetSettings: Sendable, Equatable {
  /// Dollars per day; nil means no limit.
  public var daily: Double?

  public init(daily: Double? = nil) { self.daily = daily }
}

/// `[shadow]`: a second policy that scores a sample of traffic without affecting the route.
public struct ShadowSettings: Sendable, Equatable {
  /// Strategy name of the shadow policy; nil means no shadow.
  public var strategy: String?
  /// Share of messages scored, 0...1 (seed 003: 5%).
  public var share = 0.05

  public init(strategy: String? = nil, share: Double = 0.05) {
    self.strategy = strategy
    self.share = share
  }
}
