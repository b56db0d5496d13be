/// One decision-log line read back: the fields the log summary needs, with safe defaults for
/// anything missing (logs written by older versions, or by hand).
struct LoggedDecision {
  struct Step {
    var check: String
    var outcome: String
    var route: String?
    var cost: Double?
    var detail: String
  }

  struct LoggedVerdict {
    var strategy: String
    var route: String?
    var latencyMicros: Double
    var trace: [Step]

    /// Dollars the decision cost: the trace's model-call costs, plus the route's price unless a
    /// cascade tier step already paid for the answer.
    func cost(route: String, prices: [String: Double]) -> Double {
      let calls = trace.compactMap(\.cost).reduce(0, +)
      let tierPaid = trace.contains { $0.outcome == "fired" && $0.cost != nil && $0.check.hasSuffix(" tier") }
      return calls + (tierPaid ? 0 : prices[route] ?? 0)
    }
  }

  var time: String?
  var scenario: String?
  /// The text, or `sha256:<first 12 hex digits>` for a redacted log.
  var text: String
  var route: String?
  var strategy: String
  var verdicts: [LoggedVerdict]
  var shadow: LoggedVerdict?

  init(_ v: JSONValue) {
    time = v["time"]?.stringValue
    scenario = v["scenario"]?.stringValue
    text = v["text"]?.stringValue ?? v["text_sha256"]?.stringValue.map { "sha256:" + String($0.prefix(12)) } ?? ""
    route = v["route"]?.stringValue
    strategy = v["strategy"]?.stringValue ?? ""
    if case .array(let items)? = v["verdicts"] { verdicts = items.map(Self.verdict) } else { verdicts = [] }
    shadow = v["shadow"].flatMap { $0 == .null ? nil : Self.verdict($0) }
  }

  static func verdict(_ v: JSONValue) -> LoggedVerdict {
    var steps: [Step] = []
    if case .array(let items)? = v["trace"] {
      steps = items.map { s in
        var cost: Double?
        if case .number(let c)? = s["cost"] { cost = c }
        return Step(check: s["check"]?.stringValue ?? "", outcome: s["outcome"]?.stringValue ?? "", route: s["route"]?.stringValue,
                    cost: cost, detail: s["detail"]?.stringValue ?? "")
      }
    }
    var latency = 0.0
    if case .number(let l)? = v["latency_us"] { latency = l }
    return LoggedVerdict(strategy: v["strategy"]?.stringValue ?? "", route: v["route"]?.stringValue, latencyMicros: latency, trace: steps)
  }
}
