/// What a decision log says in aggregate (`routerlab log PATH`): route mix, cost, where
/// strategies and the shadow policy disagreed with the final route, provider fallbacks and
/// breaker trips, budget downgrades, and the slowest decisions.
public struct DecisionLogSummary: Sendable {
  /// Lines that were decisions.
  public var decisions = 0
  /// Lines that could not be read, with why (first 20 kept).
  public var unreadable: [(line: Int, why: String)] = []
  public var unreadableCount = 0
  public var scenarios: [String: Int] = [:]
  /// Final route → decisions (`none` when the final strategy did not decide).
  public var routeCounts: [String: Int] = [:]
  /// Final strategy → decisions.
  public var strategyCounts: [String: Int] = [:]
  /// Dollars for all decisions, when route prices were given.
  public var cost: Double?
  /// Per strategy that was logged next to the final one: decisions compared and disagreements.
  public var disagreements: [String: Disagreement] = [:]
  /// The shadow policy's disagreements with the final route.
  public var shadow = Disagreement()
  public var shadowStrategies: [String: Int] = [:]
  /// Decisions where a provider failed or was skipped and another answered.
  public var providerFallbacks = 0
  /// Decisions where no usable model answer came and the flow fell back to the more capable route.
  public var routeFallbacks = 0
  /// Failed provider calls, by provider.
  public var providerFailures: [String: Int] = [:]
  /// Circuit openings, by provider.
  public var breakerTrips: [String: Int] = [:]
  /// Decisions the budget gate routed down.
  public var budgetDowngrades = 0
  /// The slowest decisions (final verdict latency), slowest first.
  public var slowest: [Slow] = []
  public var firstTime: String?
  public var lastTime: String?

  /// How often a strategy (or the shadow) disagreed with the final route, with examples.
  public struct Disagreement: Sendable, Equatable {
    public var compared = 0
    public var disagreed = 0
    /// Up to five: line, text (or hash), final route, the other route.
    public var examples: [Example] = []
    public init() {}
  }

  public struct Example: Sendable, Equatable {
    public var line: Int
    public var text: String
    public var finalRoute: String
    public var otherRoute: String
    public var strategy: String
  }

  public struct Slow: Sendable, Equatable {
    public var line: Int
    public var latencyMicros: Double
    public var strategy: String
    public var route: String?
    public var text: String
  }

  /// How many slowest decisions are kept.
  public static let slowestKept = 5

  public init() {}

  /// Reads a decision log (JSON Lines). `prices` (route → dollars per message) enables the cost line.
  public static func read(_ bytes: [UInt8], prices: [String: Double]? = nil) -> DecisionLogSummary {
    var s = DecisionLogSummary()
    if prices != nil { s.cost = 0 }
    var lineNumber = 0
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      lineNumber += 1
      let slice = bytes[start..<end]
      start = end + 1
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      do {
        let value = try JSONValue.parse(slice)
        guard case .object = value, case .array = value["verdicts"] else {
          s.noteUnreadable(lineNumber, "not a decision record (no \"verdicts\")")
          continue
        }
        s.add(LoggedDecision(value), line: lineNumber, prices: prices)
      } catch {
        s.noteUnreadable(lineNumber, "not JSON: \(error)")
      }
    }
    s.slowest.sort { $0.latencyMicros > $1.latencyMicros }
    return s
  }

  private mutating func noteUnreadable(_ line: Int, _ why: String) {
    unreadableCount += 1
    if unreadable.count < 20 { unreadable.append((line, why)) }
  }

  private mutating func add(_ d: LoggedDecision, line: Int, prices: [String: Double]?) {
    decisions += 1
    if let sc = d.scenario { scenarios[sc, default: 0] += 1 }
    if firstTime == nil { firstTime = d.time }
    lastTime = d.time ?? lastTime
    routeCounts[d.route ?? "none", default: 0] += 1
    strategyCounts[d.strategy, default: 0] += 1
    let final = d.verdicts.first { $0.strategy == d.strategy }
    if let prices, let route = d.route, let f = final { cost = (cost ?? 0) + f.cost(route: route, prices: prices) }
    if let route = d.route {
      for v in d.verdicts where v.strategy != d.strategy && v.route != nil {
        disagreements[v.strategy, default: Disagreement()].record(v.route != route, Example(
          line: line, text: d.text, finalRoute: route, otherRoute: v.route ?? "", strategy: v.strategy))
      }
      if let sh = d.shadow {
        shadowStrategies[sh.strategy, default: 0] += 1
        if let r = sh.route {
          shadow.record(r != route, Example(line: line, text: d.text, finalRoute: route, otherRoute: r, strategy: sh.strategy))
        }
      }
    }
    var fellBack = false
    var providerFellBack = false
    for v in d.verdicts + (d.shadow.map { [$0] } ?? []) {
      var failedBefore = false
      for step in v.trace {
        if step.check.hasPrefix("provider ") {
          let provider = String(step.check.dropFirst("provider ".count))
          if step.outcome == "passed" || step.outcome == "skipped" {
            failedBefore = true
            if step.outcome == "passed" { providerFailures[provider, default: 0] += 1 }
          } else if step.outcome == "fired" && failedBefore {
            providerFellBack = true
          }
        } else if step.check == "circuit breaker" && step.outcome == "fired" {
          let provider = step.detail.split(separator: " ").dropFirst(2).first.map(String.init) ?? "?"
          breakerTrips[provider, default: 0] += 1
        } else if step.check == "fallback" && step.outcome == "fired" && v.strategy == "llm" {
          fellBack = true
        }
      }
    }
    if providerFellBack { providerFallbacks += 1 }
    if fellBack { routeFallbacks += 1 }
    if final?.trace.contains(where: { $0.check == BudgetGate.checkName && $0.outcome == "fired" }) == true {
      budgetDowngrades += 1
    }
    if let f = final {
      slowest.append(Slow(line: line, latencyMicros: f.latencyMicros, strategy: f.strategy, route: d.route, text: d.text))
      if slowest.count > Self.slowestKept {
        slowest.sort { $0.latencyMicros > $1.latencyMicros }
        slowest.removeLast(slowest.count - Self.slowestKept)
      }
    }
  }
}

extension DecisionLogSummary.Disagreement {
  mutating func record(_ differs: Bool, _ example: DecisionLogSummary.Example) {
    compared += 1
    if differs {
      disagreed += 1
      if examples.count < 5 { examples.append(example) }
    }
  }
}
