import ArgumentParser
import Foundation
import Playground
import RouterCore
import TerminalUI

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
    out.writeLine("scenario load \(Benchmark.format(Double(t1 - t0))), router build \(Benchmark.format(Double(t2 - t1))) training the classifier"
      + (cachedLoadNanos(scenario).map { ", \(Benchmark.format(Double($0))) with its weights in the model cache" } ?? ""))
    out.writeLine("")
    let goals: [String: UInt64] = [
      "rules": 5_000, "heuristic": 5_000, "classifier": 50_000, "embedding": 30_000, "hybrid": 100_000,
    ]
    out.writeLine(Benchmark.line(Benchmark.measure("query features (normalise, words)", inputs: texts, rounds: rounds) { _ = Query($0) }))
    for strategy in router.strategies {
      let r = Benchmark.measure("\(strategy.name) (per message)", inputs: queries, rounds: rounds, goalNanos: goals[strategy.name]) {
        _ = strategy.route($0)
      }
      out.writeLine(Benchmark.line(r))
    }
    let all = Benchmark.measure("all strategies from text", inputs: texts, rounds: rounds) { _ = router.routeAll($0) }
    out.writeLine(Benchmark.line(all))

    // The --jsonl path in process: parse a line, route with hybrid, format the answer, in
    // batches the size of a 64 KiB read, as the command does: on every core, then on one.
    guard let hybrid = router.strategy(named: "hybrid") else { return }
    let decide = Decider(router: router, strategy: hybrid, all: false, log: nil, redact: false)
    let lines = texts.enumerated().map { i, text in
      RouteCommand.NumberedLine(line: .bytes(Array(("{\"id\":1,\"text\":" + JSONText.quote(text) + "}").utf8)[...]),
                                number: i + 1)
    }
    let perRead = max(1, (1 << 16) / max(1, lines.reduce(0) { $0 + $1.byteCount } / max(1, lines.count)))
    func rate(parallel: Bool) -> (messages: Int, seconds: Double, bytes: Int) {
      var bytes = 0
      var count = 0
      let start = Stopwatch.now()
      for _ in 0..<rounds {
        var i = 0
        while i < lines.count {
          let batch = Array(lines[i..<min(i + perRead, lines.count)])
          for answer in RouteCommand.answers(batch, decide: decide, parallel: parallel) {
            bytes &+= answer.json.utf8.count
            count += 1
          }
          i += perRead
        }
      }
      return (count, Double(Stopwatch.now() - start) / 1e9, bytes)
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let spread = rate(parallel: true)
    let one = rate(parallel: false)
    let allRate = Double(spread.messages) / spread.seconds
    let oneRate = Double(one.messages) / one.seconds
    out.writeLine("")
    out.writeLine("route --jsonl in process: \(spread.messages) lines in \(Money.fixed(spread.seconds, 3)) s = \(Int(allRate)) messages/s"
      + " on \(cores) cores (goal ≥ 50,000/s, as the command runs here: \(allRate >= 50_000 ? "ok" : "MISSED"));"
      + " one core \(Int(oneRate))/s;"
      + " \(perRead) lines a read, \(spread.bytes / max(1, spread.messages)) bytes an answer")
    out.writeLine("")
    for line in playgroundBenchmarks(router: router, texts: texts) { out.writeLine(line) }
    out.flush()
  }
}

extension BenchCommand {
  /// Time to build the router when the model cache holds its weights (a throw-away cache folder).
  func cachedLoadNanos(_ scenario: Scenario) -> UInt64? {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("routerlab-bench-cache-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let cache = ModelCache(directory: dir, salt: "bench")
    _ = Router(scenario: scenario, cache: cache)
    let start = Stopwatch.now()
    _ = Router(scenario: scenario, cache: cache)
    return Stopwatch.now() - start
  }

  /// The playground's goals: keystroke to updated frame (all offline strategies), rendering a
  /// 200×60 frame, and a 10,000-character paste.
  func playgroundBenchmarks(router: Router, texts: [String]) -> [String] {
    var lines = ["playground (view into a buffer; the terminal write is not included)"]
    let size = Size(width: 120, height: 40)
    var state = Session.initialState(router: router, size: size, themeName: "default", themeNames: ["default"],
                                     scenarioNames: ["clinic"])
    // Every keystroke of every message, typed one at a time: update, refresh (routes), view.
    let keys: [Character] = texts.prefix(200).flatMap { Array($0) + ["\u{1B}"] }
    let keystroke = Benchmark.measure("keystroke → routed frame 120×40", inputs: keys, rounds: max(1, rounds / 2),
                                      goalNanos: 2_000_000) { c in
      let key = c == "\u{1B}" ? Key(.escape) : Key(.char(c))
      _ = update(&state, .keyPressed(key))
      refresh(&state, router: router)
      _ = view(state, size: size)
    }
    lines.append(Benchmark.line(keystroke) + "  (goal is on p99: \(keystroke.percentile(0.99) < 2_000_000 ? "ok" : "MISSED"))")
    let big = Size(width: 200, height: 60)
    state.query.set(texts.first ?? "")
    refresh(&state, router: router)
    let frames = Array(repeating: 0, count: 200)
    let render = Benchmark.measure("render 200×60 frame", inputs: frames, rounds: rounds, goalNanos: 1_000_000) { _ in
      _ = view(state, size: big)
    }
    lines.append(Benchmark.line(render))
    let paste = String(repeating: "my chest hurts and ", count: 10_000 / 19 + 1).prefix(10_000)
    let pastes = Array(repeating: String(paste), count: 20)
    let pasted = Benchmark.measure("paste 10,000 chars → frame", inputs: pastes, rounds: 1) { text in
      _ = update(&state, .keyPressed(Key(.escape)))
      _ = update(&state, .pasted(text))
      refresh(&state, router: router)
      _ = view(state, size: size)
    }
    lines.append(Benchmark.line(pasted))
    return lines
  }
}
