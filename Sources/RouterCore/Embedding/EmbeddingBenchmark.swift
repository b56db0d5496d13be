import Foundation

/// Speed, start-up cost and dev accuracy of the embedding strategy, as a printable report.
///
/// Meant for a release build (`scripts/bench-embedding.sh`, or `routerlab bench` once it calls
/// this); timings in a debug build or under load mean little. Never used by tests.
public enum EmbeddingBenchmark {
  /// Loads the table, trains on `scenario.train`, then times encoding and routing every dev
  /// message `rounds` times, and scores the strategy on the dev split.
  public static func run(scenario: Scenario, rounds: Int = 20) -> String {
    var lines: [String] = []
    let rssBefore = residentBytes()

    // Start-up: the first load maps the files and builds the vocabulary's hash table.
    var loads: [UInt64] = []
    var loaded: StaticEmbeddingEncoder?
    for _ in 0..<5 {
      let t0 = Stopwatch.now()
      loaded = try? StaticEmbeddingEncoder.bundled()
      loads.append(Stopwatch.now() &- t0)
    }
    guard let encoder = loaded else {
      return "embedding benchmark: the table could not be loaded"
    }
    let rssLoaded = residentBytes()
    let t0 = Stopwatch.now()
    let strategy = EmbeddingStrategy(scenario: scenario, encoder: encoder)
    let trainNanos = Stopwatch.now() &- t0
    let t1 = Stopwatch.now()
    _ = EmbeddingReferences(
      examples: EmbeddingReferences.sample(scenario.train, limit: strategy.settings.maxReferences),
      routes: scenario.routeNames, encoder: encoder)
    let referencesNanos = Stopwatch.now() &- t1
    let texts = scenario.dev.map(\.text)
    let queries = texts.map { Query($0) }

    lines.append(
      "embedding strategy, \(scenario.name): \(encoder.table.rows) × \(encoder.dim) int8 table, "
        + "\(scenario.train.count) training examples, \(strategy.references?.count ?? 0) searched, "
        + "\(texts.count) dev messages")
    lines.append(
      "table load: first \(Benchmark.format(Double(loads[0]))), "
        + "median of 5 \(Benchmark.format(Double(loads.sorted()[2])))   (goal < 30 ms)")
    lines.append(
      "references embedded + classifier trained: \(Benchmark.format(Double(trainNanos))) "
        + "(references embedded and indexed alone: \(Benchmark.format(Double(referencesNanos))))")

    let encode = Benchmark.measure("encode (tokenize + pool)", inputs: texts, rounds: rounds) {
      _ = encoder.encode($0)
    }
    lines.append(Benchmark.line(encode))
    let route = Benchmark.measure(
      "embedding route (per message)", inputs: queries, rounds: rounds,
      goalNanos: 30_000
    ) { _ = strategy.route($0) }
    lines.append(Benchmark.line(route))
    // The other goal is relative: 300 times faster than the full model's forward pass on this
    // machine, which only Python can run (scripts/minilm_onnx.py); this says what that needs.
    lines.append(
      "  300× a full MiniLM forward pass needs the route's p50 ≤ its p50 / 300 "
        + "(scripts/.venv/bin/python scripts/minilm_onnx.py --threads 2)")
    let decision = Benchmark.measure("  encode + classifier", inputs: queries, rounds: rounds) {
      _ = strategy.rank($0, neighbours: false)
    }
    lines.append(Benchmark.line(decision))
    let vectors = texts.map { encoder.encode($0) }
    if let refs = strategy.references {
      lines.append(Benchmark.line(searchTime(refs, vectors, rounds: rounds)))
    }
    let rssAfter = residentBytes()
    // The same with other reference sets: the first 879 training examples (the split's size
    // before it grew), and every training example searched, without the sample.
    var all = EmbeddingSettings()
    all.maxReferences = .max
    var small = scenario
    small.train = Array(scenario.train.prefix(879))
    for (title, other, settings) in [
      ("with the first 879 training examples:", small, EmbeddingSettings()),
      ("searching all \(scenario.train.count) training examples:", scenario, all),
    ] {
      let s = EmbeddingStrategy(scenario: other, encoder: encoder, settings: settings)
      guard s.references?.count != strategy.references?.count else { continue }
      lines.append(title)
      lines.append(
        Benchmark.line(
          Benchmark.measure("embedding route (per message)", inputs: queries, rounds: rounds, goalNanos: 30_000) {
            _ = s.route($0)
          }))
      if let refs = s.references {
        lines.append(Benchmark.line(searchTime(refs, vectors, rounds: rounds)))
      }
    }
    if let a = rssBefore, let b = rssLoaded, let c = rssAfter {
      lines.append(
        "resident memory: +\(mib(b - a)) after loading, +\(mib(c - a)) after training and routing "
          + "(table file \(mib(Int(encoder.table.rows * (encoder.dim + 4))))); goal < 20 MiB")
    }

    var correct = 0
    var humans = 0
    var humansCaught = 0
    let human = scenario.routes.first(where: \.isHuman)?.name
    for (ex, q) in zip(scenario.dev, queries) {
      let got = strategy.route(q).route
      if got == ex.route { correct += 1 }
      if ex.route == human {
        humans += 1
        if got == human { humansCaught += 1 }
      }
    }
    if !scenario.dev.isEmpty {
      var acc = "dev accuracy \(Percent1(Double(correct) / Double(scenario.dev.count)))"
      if humans > 0 { acc += ", human recall \(Percent1(Double(humansCaught) / Double(humans)))" }
      lines.append(acc)
    }
    return lines.joined(separator: "\n")
  }

  /// Time of `EmbeddingReferences.nearest` alone on precomputed message vectors.
  static func searchTime(_ refs: EmbeddingReferences, _ vectors: [[Float]], rounds: Int) -> BenchmarkResult {
    Benchmark.measure("  nearest references (\(refs.count))", inputs: vectors, rounds: rounds) { v in
      v.withUnsafeBufferPointer { _ = refs.nearest(to: $0) }
    }
  }

  /// Resident set size from /proc (Linux); nil elsewhere.
  static func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  private static func mib(_ bytes: Int) -> String {
    let tenths = Int((Double(bytes) / 1_048_576 * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10)) MiB"
  }
}

/// A fraction as a percentage with one decimal (`0.8125` → `81.3%`).
struct Percent1: CustomStringConvertible {
  var value: Double
  init(_ value: Double) { self.value = value }
  var description: String {
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}
