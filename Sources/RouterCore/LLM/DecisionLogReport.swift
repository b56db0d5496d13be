/// Text and JSON renderings of a decision-log summary, for `routerlab log`.
public enum DecisionLogReport {
  static func pct(_ n: Int, _ of: Int) -> String { of > 0 ? Money.fixed(Double(n) * 100 / Double(of), 1) + "%" : "–" }

  static func clip(_ s: String, _ n: Int) -> String { LLMRouter.clip(s, n) }

  /// A report for people.
  public static func text(_ s: DecisionLogSummary, file: String) -> String {
    var out = "Decision log \(file): \(s.decisions) decisions"
    if let a = s.firstTime, let b = s.lastTime { out += ", \(a) to \(b)" }
    out += "\n"
    if s.unreadableCount > 0 {
      out += "\(s.unreadableCount) unreadable lines: " + s.unreadable.prefix(5).map { "line \($0.line) (\($0.why))" }.joined(separator: "; ") + "\n"
    }
    out += "\nRoute mix\n"
    for (route, n) in s.routeCounts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
      out += "  " + EvalReport.pad(route, 12) + EvalReport.pad(String(n), 8, right: true) + EvalReport.pad(pct(n, s.decisions), 9, right: true) + "\n"
    }
    out += "Final strategy: " + s.strategyCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
    if let cost = s.cost {
      out += "Cost: \(Money.format(cost)) in all, \(s.decisions > 0 ? Money.perMessage(cost / Double(s.decisions)) : "$0") per decision\n"
    }
    out += "\nDisagreements with the final route\n"
    if s.disagreements.isEmpty { out += "  (no other strategy logged; use route --all or --log)\n" }
    for (name, d) in s.disagreements.sorted(by: { $0.key < $1.key }) {
      out += "  \(EvalReport.pad(name, 12)) \(d.disagreed) of \(d.compared) (\(pct(d.disagreed, d.compared)))\n"
      for e in d.examples.prefix(3) { out += "    line \(e.line): final \(e.finalRoute), \(name) \(e.otherRoute): \(clip(e.text, 70))\n" }
    }
    if s.shadow.compared > 0 {
      let names = s.shadowStrategies.keys.sorted().joined(separator: ", ")
      out += "\nShadow (\(names)): scored \(s.shadow.compared) sampled decisions, disagreed on \(s.shadow.disagreed) (\(pct(s.shadow.disagreed, s.shadow.compared)))\n"
      for e in s.shadow.examples.prefix(5) { out += "    line \(e.line): final \(e.finalRoute), shadow \(e.otherRoute): \(clip(e.text, 70))\n" }
    }
    out += "\nSafety net\n"
    out += "  provider fallbacks  \(s.providerFallbacks) decisions (another provider answered after a failure or skip)\n"
    out += "  route fallbacks     \(s.routeFallbacks) decisions (no usable model answer: sent to the more capable route)\n"
    let failures = s.providerFailures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    out += "  failed calls        \(failures.isEmpty ? "none" : failures)\n"
    let trips = s.breakerTrips.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    out += "  breaker trips       \(trips.isEmpty ? "none" : trips)\n"
    out += "  budget downgrades   \(s.budgetDowngrades)\n"
    out += "\nSlowest decisions\n"
    for d in s.slowest {
      out += "  " + EvalReport.pad(LatencyText.format(UInt64(d.latencyMicros * 1000)), 10, right: true)
        + "  line \(d.line) \(d.strategy) → \(d.route ?? "none"): \(clip(d.text, 60))\n"
    }
    return out
  }

  /// The same summary as one JSON object.
  public static func json(_ s: DecisionLogSummary, file: String) -> String {
    func counts(_ d: [String: Int]) -> String {
      "{" + d.sorted { $0.key < $1.key }.map { "\(JSONText.quote($0.key)):\($0.value)" }.joined(separator: ",") + "}"
    }
    func disagreement(_ d: DecisionLogSummary.Disagreement) -> String {
      "{\"compared\":\(d.compared),\"disagreed\":\(d.disagreed),\"examples\":["
        + d.examples.map {
          "{\"line\":\($0.line),\"text\":\(JSONText.quote($0.text)),\"final\":\(JSONText.quote($0.finalRoute)),\"other\":\(JSONText.quote($0.otherRoute))}"
        }.joined(separator: ",") + "]}"
    }
    var out = "{\"file\":\(JSONText.quote(file)),\"decisions\":\(s.decisions),\"unreadable_lines\":\(s.unreadableCount),"
    out += "\"routes\":\(counts(s.routeCounts)),\"final_strategies\":\(counts(s.strategyCounts)),"
    out += "\"cost\":\(s.cost.map { JSONText.number($0, digits: 6) } ?? "null"),"
    out += "\"disagreements\":{" + s.disagreements.sorted { $0.key < $1.key }.map { "\(JSONText.quote($0.key)):\(disagreement($0.value))" }
      .joined(separator: ",") + "},"
    out += "\"shadow\":\(disagreement(s.shadow)),\"provider_fallbacks\":\(s.providerFallbacks),\"route_fallbacks\":\(s.routeFallbacks),"
    out += "\"failed_calls\":\(counts(s.providerFailures)),\"breaker_trips\":\(counts(s.breakerTrips)),\"budget_downgrades\":\(s.budgetDowngrades),"
    out += "\"slowest\":[" + s.slowest.map {
      "{\"line\":\($0.line),\"latency_us\":\(JSONText.number($0.latencyMicros, digits: 1)),\"strategy\":\(JSONText.quote($0.strategy)),"
        + "\"route\":\($0.route.map(JSONText.quote) ?? "null"),\"text\":\(JSONText.quote($0.text))}"
    }.joined(separator: ",") + "]}"
    return out
  }
}
