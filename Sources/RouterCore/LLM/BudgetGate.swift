/// The daily budget gate (seed 003's cost control): once today's spend has reached the budget,
/// a decision is routed down to the cheapest model tier, except a safety route (a person, or a
/// route a safety check chose), which is never downgraded. The trace says which happened.
public struct BudgetGate: Sendable {
  /// Dollars per day.
  public let daily: Double
  /// The tier a downgraded decision goes to.
  public let cheapest: Route
  private let routes: [Route]

  public static let checkName = "budget gate"

  /// A gate for `scenario`'s `[budget]`, or for `daily` when given; nil when there is no budget.
  public init?(scenario: Scenario, daily: Double? = nil) {
    guard let limit = daily ?? scenario.production.budget.daily else { return nil }
    guard let cheapest = scenario.routes.first(where: { !$0.isHuman }) else { return nil }
    self.daily = limit
    self.cheapest = cheapest
    routes = scenario.routes
  }

  /// `verdict` with the gate's step appended, downgraded when `spentToday` has reached the budget.
  public func apply(_ verdict: Verdict, spentToday: Double) -> Verdict {
    var v = verdict
    guard let routeName = v.route, let route = routes.first(where: { $0.name == routeName }) else { return v }
    let over = spentToday >= daily
    let spent = "\(Money.format(spentToday)) spent of \(Money.format(daily)) today"
    var step = TraceStep(name: Self.checkName, question: "has today's spend reached the daily budget?", outcome: .passed,
                         route: routeName, score: spentToday, threshold: daily, detail: spent + "; under budget")
    if over {
      if route.isHuman || SafetyPrecheck.decidedBySafety(v) {
        step.detail = spent + "; \(routeName) is a safety route: never downgraded"
      } else if route.rank <= cheapest.rank {
        step.detail = spent + "; already the cheapest tier"
      } else {
        step.outcome = .fired
        step.route = cheapest.name
        step.detail = spent + "; over budget: \(routeName) → \(cheapest.name)"
        v.route = cheapest.name
        v.reason = "over the daily budget (\(spent)): routed down from \(routeName) to \(cheapest.name); was: \(v.reason)"
      }
    }
    v.trace.append(step)
    return v
  }
}

/// Today's spend, reset when the UTC day changes. A value: the caller keeps it and records each
/// decision's cost.
public struct BudgetLedger: Sendable, Equatable {
  /// Days since 1970-01-01 (UTC) of `spent`.
  public private(set) var day: UInt64
  public private(set) var spent: Double

  public init(day: UInt64 = 0, spent: Double = 0) {
    self.day = day
    self.spent = spent
  }

  public static func day(ofWallNanos nanos: UInt64) -> UInt64 { nanos / 86_400_000_000_000 }

  /// Spend so far on the day of `wallNanos` (0 on a new day).
  public func spent(atWallNanos wallNanos: UInt64) -> Double {
    Self.day(ofWallNanos: wallNanos) == day ? spent : 0
  }

  /// Adds `cost` at `wallNanos`, starting a new day's total when the day changed.
  public mutating func record(_ cost: Double, atWallNanos wallNanos: UInt64) {
    let d = Self.day(ofWallNanos: wallNanos)
    if d != day {
      day = d
      spent = 0
    }
    spent += cost
  }
}
