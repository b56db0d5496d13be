/// Strategy 1: ordered keyword rules, safety first; the first rule with a valid match wins.
public struct KeywordRules: RoutingStrategy {
  public let name = "rules"
  public let title = "Keyword rules"
  public let rules: [KeywordRule]
  public let defaultRoute: String
  private let matcher: PhraseMatcher

  /// Words that, just before a match, say it is absent (`no chest pain`, `not bleeding`).
  static let negations: Set<String> = [
    "no", "not", "never", "without", "don't", "dont", "didn't", "didnt", "isn't", "isnt", "wasn't",
    "wasnt", "haven't", "havent", "hasn't", "hasnt", "denies", "nor", "none",
  ]
  /// How many words before a match a negation may stand.
  static let negationWindow = 3

  public init(rules: [KeywordRule], defaultRoute: String) {
    self.rules = rules
    self.defaultRoute = defaultRoute
    self.matcher = PhraseMatcher(rules: rules)
  }

  public init(scenario: Scenario) {
    self.init(rules: scenario.rules, defaultRoute: scenario.defaultRoute)
  }

  /// A rule that matched, with the words it matched in the message.
  public struct Hit: Sendable, Equatable {
    public var ruleIndex: Int
    public var rule: KeywordRule
    public var matched: String
  }

  /// All rules whose phrases validly match `query`, in rule order, one hit per rule
  /// (negated and figurative matches removed).
  public func hits(_ query: Query) -> [Hit] {
    let all = matcher.matches(in: query.words)
    if all.isEmpty { return [] }
    var best: [Int: PhraseMatcher.Match] = [:]
    for m in all where !m.isException {
      if best[m.rule] != nil { continue }
      if isCancelled(m, among: all, words: query.words) { continue }
      best[m.rule] = m
    }
    return best.keys.sorted().compactMap { r in
      guard let m = best[r] else { return nil }
      let text = query.words[m.start..<(m.start + m.length)].joined(separator: " ")
      return Hit(ruleIndex: r, rule: rules[r], matched: text)
    }
  }

  private func isCancelled(_ m: PhraseMatcher.Match, among all: [PhraseMatcher.Match], words: [String]) -> Bool {
    for e in all where e.isException && e.rule == m.rule {
      let overlap = e.start < m.start + m.length && m.start < e.start + e.length
      if overlap { return true }
    }
    if rules[m.rule].negatable {
      let from = max(0, m.start - Self.negationWindow)
      for k in from..<m.start where Self.negations.contains(words[k]) { return true }
    }
    return false
  }

  public func route(_ query: Query) -> Verdict {
    let hits = hits(query)
    guard let first = hits.first else {
      return Verdict(
        strategy: name, route: defaultRoute, score: 0, scoreKind: .match,
        reason: "no rule matched; default route \(defaultRoute)",
        evidence: [Evidence("rules checked", "\(rules.count)")])
    }
    var evidence = [Evidence("rule", "\(first.rule.name) (\(first.rule.stage.rawValue))"),
                    Evidence("matched", "\"\(first.matched)\"")]
    for other in hits.dropFirst().prefix(3) {
      evidence.append(Evidence("also matched", "\(other.rule.name): \"\(other.matched)\" → \(other.rule.route)"))
    }
    return Verdict(
      strategy: name, route: first.rule.route, score: 1, scoreKind: .match,
      reason: "rule \(first.rule.name) matched \"\(first.matched)\"", evidence: evidence)
  }
}
