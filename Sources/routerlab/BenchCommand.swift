import ArgumentParser
import RouterCore

/// `routerlab bench`: the speed goals, measured. Run it in a release build.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure routing speed (run with `swift run -c release routerlab bench`).",
    discussion: """
      Times every strategy per message over the scenario's dev and train messages, the whole \
      `route --jsonl` path in process (parse, route, format), and scenario load with training.
      """
  )

  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(name: .long, help: "Passes over the messages for each measurement.")
  var rounds = 5

  func run() throws {
    #if DEBUG
      printError("routerlab bench: this is a debug build; run `swift run -c release routerlab bench` for real figures")
    #endif
    var out = FileOutput(fd: 1)
    let t0 = Stopwatch.now()
    let scenario = try scenarioOptions.load()
    let t1 = Stopwatch.now()
    let router = Router(scenario: scenario)
    let t2 = Stopwatch.now()
    let texts = (scenario.dev + scenario.train).map(\.text)
    let queries = texts.map { Query($0) }
    out.writeLine("routerlab bench · scenario \(scenario.name) · \(texts.count) messages × \(rounds) rounds")
    out.writeLine("scenario load \(Benchmark.format(Double(t1 - t0))), classifier training \(Benchmark.format(Double(t2 - t1)))")
    out.writeLine("")
    let goals: [String: UInt64] = ["rules": 5_000, "heuristic": 5_000, "classifier": 50_000, "hybrid": 100_000]
    out.writeLine(Benchmark.line(Benchmark.measure("query features (normalise, words)", inputs: texts, rounds: rounds) { _ = Query($0) }))
    for strategy in router.strategies {
      let r = Benchmark.measure("\(strategy.name) (per message)", inputs: queries, rounds: rounds, goalNanos: goals[strategy.name]) {
        _ = strategy.route($0)
      }
      out.writeLine(Benchmark.line(r))
    }
    let all = Benchmark.measure("all strategies from text", inputs: texts, rounds: rounds) { _ = router.routeAll($0) }
    out.writeLine(Benchmark.line(all))

    // The --jsonl path in process: parse a line, route with hybrid, format the answer.
    guard let hybrid = router.strategy(named: "hybrid") else { return }
    let decide = Decider(router: router, strategy: hybrid, all: false, log: nil, redact: false)
    let lines = texts.map { Array(("{\"id\":1,\"text\":" + JSONText.quote($0) + "}").utf8) }
    var sink = 0
    let start = Stopwatch.now()
    var count = 0
    for _ in 0..<rounds {
      for line in lines {
        if let text = (try? JSONValue.parse(line))?["text"]?.stringValue {
          sink &+= decide(text).utf8.count
          count += 1
        }
      }
    }
    let seconds = Double(Stopwatch.now() - start) / 1e9
    let rate = Double(count) / seconds
    out.writeLine("")
    out.writeLine("route --jsonl in process: \(count) lines in \(Money.fixed(seconds, 3)) s = \(Int(rate)) messages/s"
      + " (goal ≥ 50,000/s: \(rate >= 50_000 ? "ok" : "MISSED"))  [\(sink % 10) ]")
    out.flush()
  }
}
