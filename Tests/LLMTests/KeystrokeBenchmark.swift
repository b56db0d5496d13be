import Foundation
import LLMHTTP
import RouterCore
import TestSupport
import Testing

/// The keystroke path with a 2-second endpoint, measured: typing through `VerdictFeed` while
/// debounced calls go out over HTTP and are cancelled by the next keystroke. A benchmark, not a
/// test: it asserts behaviour only and prints the timings. Run it with
/// `ROUTERLAB_BENCH=1 swift test --filter KeystrokeBenchmark`.
@Suite(.serialized) struct KeystrokeBenchmark {
  static let enabled = ProcessInfo.processInfo.environment["ROUTERLAB_BENCH"] == "1"

  @Test("typing never waits on a 2-second endpoint", .enabled(if: enabled, "set ROUTERLAB_BENCH=1 to run the keystroke benchmark"))
  func typing() async throws {
    let server = try FakeChatServer(always: .slow("{\"route\":\"expert\",\"reason\":\"slow endpoint\"}", seconds: 2))
    let stack = LLMStack(scenario: LLMFixtures.clinic, environment: [EndpointDirectory.urlVariable: server.baseURL],
                         client: HTTPChatClient(), policy: CallPolicy(timeoutNanos: 10_000_000_000))
    let delivered = LockedBox([VerdictFeed.Update]())
    let feed = VerdictFeed(strategies: stack.strategies, debounceNanos: 150_000_000) { u in delivered.withLock { $0.append(u) } }
    let texts = LLMFixtures.clinic.dev.prefix(12).map(\.text)
    var samples: [UInt64] = []
    var generation: UInt64 = 0
    for text in texts {
      var typed = ""
      for (i, ch) in text.prefix(60).enumerated() {
        typed.append(ch)
        let t0 = Stopwatch.now()
        generation = feed.textChanged(typed).generation
        samples.append(Stopwatch.now() &- t0)
        // Mostly 20 ms between keys; a pause every 15 keys lets a debounced call go out.
        try await Task.sleep(nanoseconds: i % 15 == 14 ? 400_000_000 : 20_000_000)
      }
    }
    try await Task.sleep(nanoseconds: 2_600_000_000)
    samples.sort()
    func pct(_ p: Double) -> String { Benchmark.format(Double(samples[min(samples.count - 1, Int(Double(samples.count) * p))])) }
    let late = delivered.current.filter { $0.generation != generation }
    print("keystroke benchmark: \(samples.count) keystrokes, 2 s endpoint, debounce 150 ms; textChanged p50 \(pct(0.5)) "
      + "p99 \(pct(0.99)) max \(Benchmark.format(Double(samples.last ?? 0))); requests sent \(server.requestCount), "
      + "answers delivered \(delivered.current.count) (stale: \(late.count))")
    #expect(late.isEmpty)
    #expect(delivered.current.contains { $0.generation == generation && $0.verdict.route == "expert" })
  }
}
