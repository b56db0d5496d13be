/// Text and JSON renderings of a cost breakdown.
public enum CostReport {
  public static func table(_ b: CostModel.Breakdown) -> String {
    func pad(_ s: String, _ w: Int, right: Bool = true) -> String {
      s.count >= w ? s : (right ? String(repeating: " ", count: w - s.count) + s : s + String(repeating: " ", count: w - s.count))
    }
    var out = "\(Int(b.queriesPerDay)) queries/day\n\n"
    out += pad("route", 10, right: false) + pad("share", 8) + pad("queries", 10) + pad("$/msg", 10) + pad("$/day", 12) + "\n"
    for l in b.lines {
      out += pad(l.route, 10, right: false) + pad(Money.fixed(l.share * 100, 1) + "%", 8)
        + pad(Money.fixed(l.queriesPerDay, 0), 10) + pad(Money.perMessage(l.costPerMessage), 10) + pad(Money.format(l.costPerDay), 12) + "\n"
    }
    out += "\n"
    out += pad("", 30, right: false) + pad("per day", 12) + pad("per year", 14) + "\n"
    out += pad("without routing (all \(b.baselineRoute))", 30, right: false) + pad(Money.format(b.withoutRoutingPerDay), 12)
      + pad(Money.format(b.withoutRoutingPerYear), 14) + "\n"
    out += pad("with routing", 30, right: false) + pad(Money.format(b.withRoutingPerDay), 12) + pad(Money.format(b.withRoutingPerYear), 14) + "\n"
    out += pad("saving", 30, right: false) + pad(Money.format(b.savingPerDay), 12) + pad(Money.format(b.savingPerYear), 14)
      + "  (" + Money.fixed(b.savingShare * 100, 1) + "%)\n"
    return out
  }

  public static func json(_ b: CostModel.Breakdown) -> String {
    let lines = b.lines.map {
      "{\"route\":\(JSONText.quote($0.route)),\"share\":\(JSONText.number($0.share)),\"queries_per_day\":\(JSONText.number($0.queriesPerDay, digits: 2)),"
        + "\"cost_per_message\":\(JSONText.number($0.costPerMessage, digits: 6)),\"cost_per_day\":\(JSONText.number($0.costPerDay, digits: 6))}"
    }
    return "{\"queries_per_day\":\(JSONText.number(b.queriesPerDay)),\"baseline\":\(JSONText.quote(b.baselineRoute)),\"routes\":[\(lines.joined(separator: ","))],"
      + "\"without_routing\":{\"per_day\":\(JSONText.number(b.withoutRoutingPerDay, digits: 6)),\"per_year\":\(JSONText.number(b.withoutRoutingPerYear, digits: 4))},"
      + "\"with_routing\":{\"per_day\":\(JSONText.number(b.withRoutingPerDay, digits: 6)),\"per_year\":\(JSONText.number(b.withRoutingPerYear, digits: 4))},"
      + "\"saving\":{\"per_day\":\(JSONText.number(b.savingPerDay, digits: 6)),\"per_year\":\(JSONText.number(b.savingPerYear, digits: 4)),\"share\":\(JSONText.number(b.savingShare))}}"
  }
}
