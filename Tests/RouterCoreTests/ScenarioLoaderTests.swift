import ConfigFile
import Foundation
import Testing

@testable import RouterCore

@Suite struct ScenarioLoaderTests {
  @Test("the built-in clinic scenario has its routes, prices, rules, splits and samples")
  func clinic() {
    let s = Fixtures.clinic
    #expect(s.routeNames == ["fast", "expert", "human"])
    #expect(s.routes.map(\.costPerMessage) == [0.001, 0.015, 0.5])
    #expect(s.route(named: "human")?.isHuman == true)
    #expect(s.baseline == "expert")
    #expect(s.rules.first?.stage == .safety)
    #expect(s.train.count > 400)
    #expect(s.dev.count > 150)
    #expect(s.samples.count >= 20)
    #expect(Set(s.samples.map(\.route)) == ["fast", "expert", "human"])
  }

  @Test("the built-in support scenario prices its tiers per token")
  func support() throws {
    let s = try ScenarioLoader.load("support")
    #expect(s.routeNames == ["tier1", "tier2", "tier3"])
    #expect(s.routes[0].tokenPricing?.inputPerMillion == 0.25)
    #expect(s.routes[2].tokenPricing?.outputPerMillion == 75)
    #expect(s.train.count > 100)
  }

  func parse(_ text: String, data: [String: String] = [:]) throws(ConfigError) -> Scenario {
    try ScenarioLoader.parse(text, file: "my.toml") { (name) throws(ConfigError) -> [UInt8] in
      guard let d = data[name] else { throw ConfigError(file: "my.toml", line: 0, message: "cannot read \(name)") }
      return Array(d.utf8)
    }
  }

  static let minimal = """
    name = "mini"
    [[routes]]
    name = "cheap"
    cost = 0.001
    [[routes]]
    name = "big"
    cost = 0.01
    """

  @Test("a minimal user scenario loads, with defaults")
  func minimal() throws {
    let s = try parse(Self.minimal)
    #expect(s.baseline == "big")
    #expect(s.heuristic.tierRoutes == ["cheap", "big", "big"])
    // A safety rule is never overruled unless the scenario says so.
    #expect(s.flow.safetyOverruleBelow == 0)
    #expect(try parse(Self.minimal + "\n[flow]\nsafety_overrule_below = 0.01\n").flow.safetyOverruleBelow == 0.01)
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    var append: String
    var data: [String: String] = [:]
    var error: String
    var testDescription: String { error }
  }

  @Test("a malformed scenario names the file, the line and what is wrong", arguments: [
    BadCase(append: "\n[[rules]]\nname = \"r\"\nstage = \"safety\"\nroute = \"nobody\"\n",
            error: "my.toml:11: unknown route 'nobody' (routes: cheap, big)"),
    BadCase(append: "\n[[rules]]\nname = \"r\"\nstage = \"first\"\nroute = \"big\"\n",
            error: "my.toml:10: unknown stage 'first' (stages: safety, escalation, routing)"),
    BadCase(append: "\ncolour = \"red\"\n", error: "my.toml:8: unknown key 'colour' in routes[2] (allowed: cost, human, input_per_million, input_tokens, latency_ms, meaning, name, output_per_million, output_tokens)"),
    BadCase(append: "\n[flow]\nconfidence = 1.5\n", error: "my.toml:9: confidence is a probability between 0 and 1"),
    BadCase(append: "\n[flow]\nsafety_overrule_below = 0.5\n",
            error: "my.toml:9: safety_overrule_below is a small probability, from 0 up to (not including) 0.25"),
    BadCase(append: "\n[flow]\nsafety_overrule_below = -0.01\n",
            error: "my.toml:9: safety_overrule_below is a small probability, from 0 up to (not including) 0.25"),
    BadCase(append: "\n[flow]\nescalate_threshold = 0.1\nsafety_overrule_below = 0.2\n",
            error: "my.toml:10: safety_overrule_below is a small probability, from 0 up to (not including) 0.1 (escalate_threshold)"),
    BadCase(append: "\n[[rules]]\nname = \"r\"\nstage = \"safety\"\nroute = \"big\"\nphrases = [\"ab*\"]\n",
            error: "my.toml:12: the phrase 'ab*' cannot be matched (it needs a word; a wildcard stem needs 3 letters)"),
  ])
  func malformed(_ c: BadCase) {
    do {
      _ = try parse(Self.minimal + c.append, data: c.data)
      Issue.record("loaded")
    } catch {
      #expect(error.description == c.error)
    }
  }

  @Test("a bad line in a data file is reported with its file and line")
  func badData() {
    let text = Self.minimal.replacingOccurrences(of: "name = \"mini\"", with: "name = \"mini\"\ntrain = \"t.jsonl\"")
    let cases: [(String, String)] = [
      ("{\"text\":\"a\",\"route\":\"cheap\"}\n{\"text\":\"b\"}\n", "t.jsonl:2: missing the string field \"route\""),
      ("\n\n{\"text\":\"a\",\"route\":\"huge\"}\n", "t.jsonl:3: unknown route \"huge\" (this scenario's routes: big, cheap)"),
      ("{\"text\":\"a\",\"route\":\"cheap\"}\nnot json\n", "t.jsonl:2: not valid JSON: expected a JSON value (at byte 1)"),
    ]
    for (data, message) in cases {
      do {
        _ = try parse(text, data: ["t.jsonl": data])
        Issue.record("loaded \(data)")
      } catch {
        #expect(error.description == message)
      }
    }
  }

  @Test("an unknown scenario name says which ones exist")
  func unknownName() {
    #expect(throws: ConfigError(file: "dentist", line: 0, message: "no such scenario (built in: clinic, support; or give a path to a .toml file)")) {
      try ScenarioLoader.load("dentist")
    }
  }
}
