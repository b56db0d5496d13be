import Testing

@testable import RouterCore

@Suite struct CostModelTests {
  let model = CostModel(scenario: Fixtures.clinic)

  @Test("1,000 queries a day: all-expert $15.00; 70% fast $5.20; $9.80 saved, $3,577 a year")
  func seedFigures() throws {
    let b = model.breakdown(mix: try model.parseMix("fast=70,expert=30"), queriesPerDay: 1000)
    #expect(Money.format(b.withoutRoutingPerDay) == "$15.00")
    #expect(Money.format(b.withRoutingPerDay) == "$5.20")
    #expect(Money.format(b.savingPerDay) == "$9.80")
    #expect(Money.format(b.savingPerYear, cents: false) == "$3,577")
    #expect(abs(b.withRoutingPerDay - 5.2) < 1e-9)
    #expect(abs(b.savingPerYear - 3577) < 1e-6)
  }

  @Test("the slider mix puts the simple share on the cheapest route and the rest on the baseline")
  func sliderMix() {
    let mix = model.sliderMix(simpleShare: 0.7)
    #expect(mix == ["fast": 0.7, "expert": 0.30000000000000004, "human": 0])
    let b = model.breakdown(mix: mix, queriesPerDay: 1000)
    #expect(Money.format(b.withRoutingPerDay) == "$5.20")
    let withHuman = model.sliderMix(simpleShare: 0.5, humanShare: 0.1)
    #expect(abs((withHuman["human"] ?? 0) - 0.1) < 1e-12)
    #expect(abs((withHuman["expert"] ?? 0) - 0.4) < 1e-12)
  }

  @Test("a mix must name known routes and add up to 100%", arguments: [
    ("fast=70", "the mix adds up to 70%, not 100%"),
    ("fast=70,robot=30", "unknown route 'robot' (routes: fast, expert, human)"),
    ("fast:70", "'fast:70' is not route=percent (for example fast=70)"),
  ])
  func badMix(_ text: String, _ message: String) {
    #expect(throws: CostModelError(message)) { try model.parseMix(text) }
  }

  @Test("money is formatted as people read it")
  func money() {
    #expect(Money.format(3577) == "$3,577.00")
    #expect(Money.format(1_234_567.891) == "$1,234,567.89")
    #expect(Money.perMessage(0.001) == "$0.001")
    #expect(Money.perMessage(0.015) == "$0.015")
    #expect(Money.perMessage(0.5) == "$0.50")
    #expect(Money.fixed(-0.25, 2) == "-0.25")
  }
}
