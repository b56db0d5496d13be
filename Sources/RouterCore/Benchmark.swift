/// Timing of repeated work: per-iteration percentiles from a monotonic clock.
///
/// Used by `routerlab bench`, never by tests: timings on a shared machine are noisy, so speed
/// goals are checked by running the benchmark in a release build and reading its report.
public struct BenchmarkResult: Sendable {
  public var name: String
  /// Sorted per-iteration times in nanoseconds.
  public var samples: [UInt64]
  /// What the goal is, for the report (`< 5 µs`), and whether it was met.
  public var goalNanos: UInt64?

  public func percentile(_ p: Double) -> UInt64 {
    guard !samples.isEmpty else { return 0 }
    let i = min(samples.count - 1, max(0, Int((p * Double(samples.count)).rounded(.up)) - 1))
    return samples[i]
  }

  public var mean: Double {
    samples.isEmpty ? 0 : Double(samples.reduce(0, +)) / Double(samples.count)
  }

  public var meetsGoal: Bool? { goalNanos.map { percentile(0.5) < $0 } }
}

public enum Benchmark {
  /// Runs `body` over `inputs` for at least `rounds` passes after one warm-up pass, timing each call.
  public static func measure<T>(_ name: String, inputs: [T], rounds: Int = 3, goalNanos: UInt64? = nil,
                                _ body: (T) -> Void) -> BenchmarkResult {
    for x in inputs { body(x) }
    var samples: [UInt64] = []
    samples.reserveCapacity(inputs.count * rounds)
    for _ in 0..<rounds {
      for x in inputs {
        let t0 = Stopwatch.now()
        body(x)
        samples.append(Stopwatch.now() &- t0)
      }
    }
    samples.sort()
    return BenchmarkResult(name: name, samples: samples, goalNanos: goalNanos)
  }

  /// Formats nanoseconds as µs or ms.
  public static func format(_ nanos: Double) -> String {
    if nanos < 1_000_000 { return Money.fixed(nanos / 1000, 2) + " µs" }
    return Money.fixed(nanos / 1_000_000, 2) + " ms"
  }

  /// One report line: name, p50, p99, mean, goal.
  public static func line(_ r: BenchmarkResult) -> String {
    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    var out = pad(r.name, 34) + pad("p50 " + format(Double(r.percentile(0.5))), 16)
      + pad("p99 " + format(Double(r.percentile(0.99))), 16) + pad("mean " + format(r.mean), 17)
    if let goal = r.goalNanos {
      out += "goal p50 < " + format(Double(goal)) + ((r.meetsGoal ?? false) ? "  ok" : "  MISSED")
    }
    return out
  }
}
