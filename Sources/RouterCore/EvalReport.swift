/// Text and JSON renderings of evaluation scores, shared by the command line and the playground.
public enum EvalReport {
  /// Routes in the order a report lists their recall: human routes first (the safety number),
  /// then from most to least capable.
  public static func recallOrder(_ scenario: Scenario) -> [String] {
    scenario.routes.sorted { ($0.isHuman ? 1 : 0, $0.rank) > ($1.isHuman ? 1 : 0, $1.rank) }.map(\.name)
  }

  static func pct(_ v: Double?) -> String {
    guard let v else { return "–" }
    return Money.fixed(v * 100, 1) + "%"
  }

  static func micros(_ nanos: UInt64?) -> String {
    guard let nanos else { return "–" }
    let us = Double(nanos) / 1000
    return us < 100 ? Money.fixed(us, 1) + "µs" : Money.fixed(us / 1000, 2) + "ms"
  }

  static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
  }

  /// A fixed-width table for people, with a confusion matrix per strategy.
  public static func table(_ rows: [StrategyScore], scenario: Scenario, file: String, showMisses: Bool = false) -> String {
    let order = recallOrder(scenario)
    let n = rows.first?.total ?? 0
    var out = "Scenario \(scenario.name) · \(file) · \(n) messages\n\n"
    var header = pad("strategy", 16) + pad("accuracy", 9, right: true)
    for r in order { header += pad("\(r) rec", 11, right: true) }
    header += pad("quality", 9, right: true) + pad("$/msg", 9, right: true) + pad("savings", 9, right: true)
    header += pad("p50", 9, right: true) + pad("p99", 9, right: true)
    out += header + "\n" + String(repeating: "─", count: header.count) + "\n"
    for row in rows {
      var line = pad(row.name, 16)
      if let why = row.unavailable {
        out += line + "  unavailable: \(why)\n"
        continue
      }
      line += pad(pct(row.accuracy), 9, right: true)
      for r in order { line += pad(pct(row.recall(r)), 11, right: true) }
      line += pad(pct(row.qualityPreserved), 9, right: true)
      line += pad(Money.fixed(row.costPerMessage, 4), 9, right: true)
      line += pad(pct(row.savings), 9, right: true)
      line += pad(row.isReference ? "" : micros(row.latencyPercentile(0.5)), 9, right: true)
      line += pad(row.isReference ? "" : micros(row.latencyPercentile(0.99)), 9, right: true)
      out += line + "\n"
    }
    out += "\nquality = sent to a route at least as capable as the label; savings against always-\(scenario.baseline).\n"
    out += "\nConfusion matrices (rows: labelled route, columns: routed to)\n"
    for row in rows where !row.isReference && row.unavailable == nil {
      out += "\n\(row.name)\n" + pad("", 10)
      for r in row.routes { out += pad(r, 8, right: true) }
      out += "\n"
      for (t, r) in row.routes.enumerated() {
        out += pad(r, 10)
        for p in row.routes.indices { out += pad(String(row.confusion[t][p]), 8, right: true) }
        out += "\n"
      }
      if showMisses && !row.misses.isEmpty {
        out += "  sent below their label:\n"
        for m in row.misses { out += "    [\(m.expected) → \(m.got)] \(m.text.prefix(120))\n" }
      }
    }
    return out
  }

  /// The same scores as one JSON object.
  public static func json(_ rows: [StrategyScore], scenario: Scenario, file: String) -> String {
    var items: [String] = []
    for row in rows {
      var o = "{\"strategy\":\(JSONText.quote(row.name)),\"reference\":\(row.isReference)"
      if let why = row.unavailable {
        items.append(o + ",\"unavailable\":\(JSONText.quote(why))}")
        continue
      }
      o += ",\"messages\":\(row.total),\"accuracy\":\(JSONText.number(row.accuracy))"
      o += ",\"recall\":{" + recallOrder(scenario).map { "\(JSONText.quote($0)):\(row.recall($0).map { JSONText.number($0) } ?? "null")" }
        .joined(separator: ",") + "}"
      o += ",\"quality_preserved\":\(JSONText.number(row.qualityPreserved))"
      o += ",\"cost_per_message\":\(JSONText.number(row.costPerMessage, digits: 6))"
      o += ",\"savings\":\(JSONText.number(row.savings))"
      if !row.isReference {
        o += ",\"latency_us\":{\"p50\":\(JSONText.number(Double(row.latencyPercentile(0.5) ?? 0) / 1000, digits: 2)),"
        o += "\"p99\":\(JSONText.number(Double(row.latencyPercentile(0.99) ?? 0) / 1000, digits: 2))}"
      }
      o += ",\"confusion\":{\"routes\":[" + row.routes.map(JSONText.quote).joined(separator: ",") + "],\"counts\":["
      o += row.confusion.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]}"
      items.append(o + "}")
    }
    return "{\"scenario\":\(JSONText.quote(scenario.name)),\"file\":\(JSONText.quote(file)),\"baseline\":\(JSONText.quote(scenario.baseline)),"
      + "\"strategies\":[" + items.joined(separator: ",") + "]}"
  }
}

