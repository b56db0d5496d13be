import RouterCore
import Testing

@Suite struct RouterWarmUpTests {
  @Test("while the router trains, rules and heuristic decide and the trained strategies say they are training")
  func warmingUp() {
    let scenario = Fixtures.clinic
    let warm = Router.warmingUp(scenario)
    #expect(warm.isWarmingUp)
    #expect(!Fixtures.clinicRouter.isWarmingUp)
    // Same rows, in the same order, as the trained router's.
    #expect(warm.strategyNames == Fixtures.clinicRouter.strategyNames)
    #expect(warm.strategies.map(\.title) == Fixtures.clinicRouter.strategies.map(\.title))
    for text in ["I want to kill myself", ""] {
      let verdicts = warm.routeAll(text)
      let byName = Dictionary(uniqueKeysWithValues: verdicts.map { ($0.strategy, $0) })
      #expect(byName["rules"]?.status == .decided)
      #expect(byName["heuristic"]?.status == .decided)
      for name in ["classifier", "embedding", "hybrid"] {
        #expect(byName[name]?.status == .pending)
        #expect(byName[name]?.route == nil)
        #expect(byName[name]?.reason == "training on \(Money.grouped(String(scenario.train.count))) examples…")
      }
    }
    #expect(warm.routeAll("I want to kill myself").first?.route == "human")
  }

  @Test("thousands separators")
  func grouped() {
    #expect(Money.grouped("7") == "7")
    #expect(Money.grouped("1634") == "1,634")
    #expect(Money.grouped("1000000") == "1,000,000")
  }
}
