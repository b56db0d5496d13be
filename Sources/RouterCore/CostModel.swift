/// Daily and yearly cost of a traffic mix, with routing and without (everything to the baseline).
public struct CostModel: Sendable, Equatable {
  public let routes: [Route]
  /// The route everything goes to without a router.
  public let baseline: Route
  public static let daysPerYear = 365.0

  public init(scenario: Scenario) {
    routes = scenario.routes
    baseline = scenario.route(named: scenario.baseline) ?? scenario.routes[scenario.routes.count - 1]
  }

  /// One route's share of the traffic and what it costs.
  public struct Line: Sendable, Equatable {
    public var route: String
    /// Fraction of messages, 0...1.
    public var share: Double
    public var queriesPerDay: Double
    public var costPerMessage: Double
    public var costPerDay: Double
  }

  /// The cost table for a mix.
  public struct Breakdown: Sendable, Equatable {
    public var queriesPerDay: Double
    public var lines: [Line]
    public var withRoutingPerDay: Double
    public var withoutRoutingPerDay: Double
    public var baselineRoute: String
    public var savingPerDay: Double { withoutRoutingPerDay - withRoutingPerDay }
    public var withRoutingPerYear: Double { withRoutingPerDay * CostModel.daysPerYear }
    public var withoutRoutingPerYear: Double { withoutRoutingPerDay * CostModel.daysPerYear }
    public var savingPerYear: Double { savingPerDay * CostModel.daysPerYear }
    /// Saving as a fraction of the cost without routing.
    public var savingShare: Double { withoutRoutingPerDay > 0 ? savingPerDay / withoutRoutingPerDay : 0 }
  }

  /// Costs for `mix` (route name → fraction; fractions should sum to 1) at `queriesPerDay`.
  public func breakdown(mix: [String: Double], queriesPerDay: Double) -> Breakdown {
    var lines: [Line] = []
    var total = 0.0
    for r in routes {
      let share = mix[r.name] ?? 0
      let q = share * queriesPerDay
      // Multiply before dividing by nothing: cost = queries × price, in one rounding step.
      let cost = q * r.costPerMessage
      total += cost
      lines.append(Line(route: r.name, share: share, queriesPerDay: q, costPerMessage: r.costPerMessage, costPerDay: cost))
    }
    return Breakdown(
      queriesPerDay: queriesPerDay, lines: lines, withRoutingPerDay: total,
      withoutRoutingPerDay: queriesPerDay * baseline.costPerMessage, baselineRoute: baseline.name)
  }

  /// A mix where `simpleShare` goes to the cheapest route, `humanShare` to the human route (if
  /// any), and the rest to the baseline: what the playground's slider drags.
  public func sliderMix(simpleShare: Double, humanShare: Double = 0) -> [String: Double] {
    let simple = max(0, min(1, simpleShare))
    var mix: [String: Double] = [:]
    let cheapest = routes[0].name
    mix[cheapest, default: 0] += simple
    let rest = 1 - simple
    if let human = routes.first(where: \.isHuman), human.name != baseline.name {
      let h = min(rest, max(0, humanShare))
      mix[human.name, default: 0] += h
      mix[baseline.name, default: 0] += rest - h
    } else {
      mix[baseline.name, default: 0] += rest
    }
    return mix
  }

  /// Parses `fast=70,expert=30` (percentages of known routes that add up to 100) into fractions.
  public func parseMix(_ text: String) throws(CostModelError) -> [String: Double] {
    var mix: [String: Double] = [:]
    var sum = 0.0
    for part in text.split(separator: ",") {
      let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
      guard kv.count == 2, let pct = Double(kv[1]), pct.isFinite, pct >= 0 else {
        throw CostModelError("'\(part)' is not route=percent (for example fast=70)")
      }
      guard routes.contains(where: { $0.name == kv[0] }) else {
        throw CostModelError("unknown route '\(kv[0])' (routes: \(routes.map(\.name).joined(separator: ", ")))")
      }
      mix[kv[0], default: 0] += pct / 100
      sum += pct
    }
    guard abs(sum - 100) < 1e-9 else {
      throw CostModelError("the mix adds up to \(JSONText.number(sum, digits: 2))%, not 100%")
    }
    return mix
  }
}

/// A cost-model input that cannot be used, with what is wrong.
public struct CostModelError: Error, CustomStringConvertible, Equatable {
  public var description: String
  init(_ d: String) { description = d }
}

/// Dollar amounts as people read them: `$5.20`, `$3,577`, `$0.0150`.
public enum Money {
  /// Digits with thousands separators: `1000000` → `1,000,000`.
  public static func grouped(_ digits: String) -> String {
    var digits = digits
    var out = ""
    while digits.count > 3 {
      out = "," + digits.suffix(3) + out
      digits.removeLast(3)
    }
    return digits + out
  }

  /// Cents with thousands separators (`$3,577.00`); fractions of a cent get 4 decimals.
  public static func format(_ dollars: Double, cents: Bool = true) -> String {
    let negative = dollars < 0
    let v = abs(dollars)
    if v > 0 && v < 0.01 {
      return (negative ? "-$" : "$") + fixed(v, 4)
    }
    let rounded = cents ? (v * 100).rounded() / 100 : v.rounded()
    let whole = Int(rounded)
    var grouped = Money.grouped(String(whole))
    if cents {
      let c = Int(((rounded - Double(whole)) * 100).rounded())
      grouped += "." + (c < 10 ? "0" : "") + String(c)
    }
    return (negative ? "-$" : "$") + grouped
  }

  /// A price per message with the digits it needs: `$0.001`, `$0.015`, `$0.50`.
  public static func perMessage(_ dollars: Double) -> String {
    if dollars == 0 { return "$0" }
    if dollars >= 0.1 { return format(dollars) }
    var places = 2
    while places < 8 {
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      if abs(dollars * scale - (dollars * scale).rounded()) < 1e-9 { break }
      places += 1
    }
    return "$" + fixed(dollars, places)
  }

  /// `v` with exactly `places` decimals, without Foundation.
  public static func fixed(_ v: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let n = Int((abs(v) * scale).rounded())
    let whole = n / Int(scale)
    var frac = String(n % Int(scale))
    while frac.count < places { frac = "0" + frac }
    return (v < 0 && n != 0 ? "-" : "") + String(whole) + (places > 0 ? "." + frac : "")
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
