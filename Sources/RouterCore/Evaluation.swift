/// How well each strategy routes a labelled set: accuracy, safety recall, quality, cost, speed.
public struct StrategyScore: Sendable {
  /// Strategy name, or `oracle` / `always-<baseline>` for the reference rows.
  public var name: String
  /// True for the oracle and always-baseline rows, which route by construction.
  public var isReference: Bool
  /// Set when the strategy could not run (no endpoint); the other fields are then empty.
  public var unavailable: String?
  public var routes: [String]
  /// `confusion[t][p]`: messages whose true route is `routes[t]` that were sent to `routes[p]`.
  public var confusion: [[Int]]
  public var total: Int
  public var costPerMessage: Double
  public var baselineCostPerMessage: Double
  /// Routing latency per message, sorted ascending, in nanoseconds (empty for reference rows).
  public var latencies: [UInt64]
  /// Messages that were routed below their true route's capability, kept for reports.
  public var misses: [(text: String, expected: String, got: String)]

  public var correct: Int { routes.indices.reduce(0) { $0 + confusion[$1][$1] } }
  public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }

  /// Share of messages of `route` that were sent there.
  public func recall(_ route: String) -> Double? {
    guard let i = routes.firstIndex(of: route) else { return nil }
    let n = confusion[i].reduce(0, +)
    return n > 0 ? Double(confusion[i][i]) / Double(n) : nil
  }

  /// Share sent to a route at least as capable as the true one (seed 003's "quality preserved").
  public var qualityPreserved: Double {
    guard total > 0 else { return 0 }
    var ok = 0
    for t in routes.indices {
      for p in routes.indices where p >= t { ok += confusion[t][p] }
    }
    return Double(ok) / Double(total)
  }

  /// Saving against sending everything to the baseline, as a fraction.
  public var savings: Double {
    baselineCostPerMessage > 0 ? 1 - costPerMessage / baselineCostPerMessage : 0
  }

  public func latencyPercentile(_ p: Double) -> UInt64? {
    guard !latencies.isEmpty else { return nil }
    let i = min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)
    return latencies[max(0, i)]
  }
}

/// Scores every strategy of a router on labelled examples.
public enum Evaluation {
  /// One row per strategy, then the oracle and always-baseline reference rows.
  /// `routes` orders the confusion matrix (cheapest first); unknown labels are skipped.
  /// `resolve`, when given, produces each verdict instead of `router.route` (the command line
  /// passes one that waits for model-calling strategies).
  public static func run(_ router: Router, on examples: [LabeledExample],
                         resolve: ((Query, any RoutingStrategy) -> Verdict)? = nil) -> [StrategyScore] {
    let scenario = router.scenario
    let routes = scenario.routeNames
    let index = Dictionary(uniqueKeysWithValues: routes.enumerated().map { ($1, $0) })
    let cost = scenario.routes.map(\.costPerMessage)
    let baselineIndex = index[scenario.baseline] ?? routes.count - 1
    let usable = examples.filter { index[$0.route] != nil }
    let queries = usable.map { Query($0.text) }

    func empty(_ name: String, reference: Bool) -> StrategyScore {
      StrategyScore(
        name: name, isReference: reference, unavailable: nil, routes: routes,
        confusion: Array(repeating: Array(repeating: 0, count: routes.count), count: routes.count),
        total: 0, costPerMessage: 0, baselineCostPerMessage: cost[baselineIndex], latencies: [], misses: [])
    }

    var rows: [StrategyScore] = []
    for strategy in router.strategies {
      var row = empty(strategy.name, reference: false)
      var spent = 0.0
      row.latencies.reserveCapacity(usable.count)
      for (ex, q) in zip(usable, queries) {
        let v = resolve?(q, strategy) ?? router.route(q, with: strategy)
        if case .unavailable(let why) = v.status {
          row.unavailable = why
          break
        }
        guard let t = index[ex.route] else { continue }
        let p = v.route.flatMap { index[$0] } ?? baselineIndex
        row.confusion[t][p] += 1
        row.total += 1
        spent += cost[p]
        row.latencies.append(v.latencyNanos)
        if p < t { row.misses.append((ex.text, ex.route, routes[p])) }
      }
      row.latencies.sort()
      row.costPerMessage = row.total > 0 ? spent / Double(row.total) : 0
      rows.append(row)
    }
    var oracle = empty("oracle", reference: true)
    var always = empty("always-\(scenario.baseline)", reference: true)
    var oracleSpent = 0.0
    for ex in usable {
      guard let t = index[ex.route] else { continue }
      oracle.confusion[t][t] += 1
      always.confusion[t][baselineIndex] += 1
      oracle.total += 1
      always.total += 1
      oracleSpent += cost[t]
    }
    oracle.costPerMessage = oracle.total > 0 ? oracleSpent / Double(oracle.total) : 0
    always.costPerMessage = cost[baselineIndex]
    return rows + [oracle, always]
  }
}

extension Evaluation {
  /// k-fold cross-validation on the scenario's training examples: each fold is scored by
  /// strategies trained on the other folds, and the folds' counts are added up. This is how
  /// thresholds are tuned without looking at the dev split.
  public static func crossValidate(_ scenario: Scenario, folds k: Int, extra: (Scenario) -> [any RoutingStrategy] = { _ in [] })
    -> [StrategyScore]
  {
    let examples = scenario.train
    let k = max(2, min(k, examples.count))
    var merged: [StrategyScore] = []
    for fold in 0..<k {
      var s = scenario
      s.train = examples.enumerated().filter { $0.offset % k != fold }.map(\.element)
      let held = examples.enumerated().filter { $0.offset % k == fold }.map(\.element)
      let rows = run(Router(scenario: s, extra: extra(s)), on: held)
      if merged.isEmpty {
        merged = rows
        continue
      }
      for (i, row) in rows.enumerated() where i < merged.count {
        var m = merged[i]
        for t in m.confusion.indices {
          for p in m.confusion[t].indices { m.confusion[t][p] += row.confusion[t][p] }
        }
        let spent = m.costPerMessage * Double(m.total) + row.costPerMessage * Double(row.total)
        m.total += row.total
        m.costPerMessage = m.total > 0 ? spent / Double(m.total) : 0
        m.latencies = (m.latencies + row.latencies).sorted()
        m.misses += row.misses
        m.unavailable = m.unavailable ?? row.unavailable
        merged[i] = m
      }
    }
    return merged
  }
}
