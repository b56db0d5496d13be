/// Shadow mode over a labelled set (`routerlab eval --shadow NAME`): which sampled messages the
/// shadow policy routed differently from the primary, and which of the two the label agrees with.
public struct ShadowReport: Sendable {
  public var primary: String
  public var shadow: String
  public var share: Double
  /// Messages in the set.
  public var total: Int
  public var comparisons: [ShadowComparison]
  /// Set when the shadow policy could not run.
  public var unavailable: String?

  /// Scores the sampled share of `examples` with both policies; `resolve` gives each verdict.
  public init(examples: [LabeledExample], primary: any RoutingStrategy, shadow: any RoutingStrategy, share: Double,
              resolve: (Query, any RoutingStrategy) -> Verdict) {
    self.primary = primary.name
    self.shadow = shadow.name
    self.share = share
    total = examples.count
    comparisons = []
    for ex in examples {
      let q = Query(ex.text)
      guard ShadowSampler.isSampled(q, share: share) else { continue }
      let s = resolve(q, shadow)
      if case .unavailable(let why) = s.status {
        unavailable = why
        comparisons = []
        return
      }
      comparisons.append(ShadowComparison(text: ex.text, primary: resolve(q, primary), shadow: s, expected: ex.route))
    }
  }

  public var disagreements: [ShadowComparison] { comparisons.filter(\.disagrees) }

  /// A section for the eval table.
  public var text: String {
    var out = "\nShadow: \(shadow) scored \(comparisons.count) of \(total) messages (\(Money.fixed(share * 100, 1))% sampled by text hash)"
    if let unavailable { return out + "; unavailable: \(unavailable)\n" }
    let d = disagreements
    out += "; disagreed with \(primary) on \(d.count)\n"
    for c in d {
      let label = c.expected.map { " [label \($0)]" } ?? ""
      out += "  \(primary) \(c.primary.route ?? "none"), \(shadow) \(c.shadow.route ?? "none")\(label): \(LLMRouter.clip(c.text, 80))\n"
    }
    return out
  }

  /// The same as one JSON object.
  public var json: String {
    var out = "{\"shadow\":{\"primary\":\(JSONText.quote(primary)),\"strategy\":\(JSONText.quote(shadow)),"
    out += "\"share\":\(JSONText.number(share)),\"messages\":\(total),\"sampled\":\(comparisons.count)"
    if let unavailable { return out + ",\"unavailable\":\(JSONText.quote(unavailable))}}" }
    out += ",\"disagreements\":[" + disagreements.map { c in
      "{\"text\":\(JSONText.quote(c.text)),\"label\":\(c.expected.map(JSONText.quote) ?? "null"),"
        + "\"primary\":\(c.primary.route.map(JSONText.quote) ?? "null"),\"shadow\":\(c.shadow.route.map(JSONText.quote) ?? "null")}"
    }.joined(separator: ",") + "]}}"
    return out
  }
}
