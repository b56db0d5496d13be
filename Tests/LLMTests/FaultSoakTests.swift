import Foundation
import RouterCore
import TestSupport
import Testing

/// 1,000 decisions through `routerlab route --strategy llm --log` while the endpoint misbehaves
/// in every way it can; not one decision may be lost from the output or the log.
@Suite(.serialized) struct FaultSoakTests {
  /// The fault for message number `i`: a rotation of every fault, and a run of 503s that
  /// opens the circuit.
  static func behavior(_ i: Int, attempt: Int) -> FakeChatBehavior {
    if (400..<410).contains(i) { return .status(503, retryAfter: 0) }
    switch i % 10 {
    case 0: return .route("fast", "hours")
    case 1: return attempt == 0 ? .status(429, retryAfter: 0) : .route("expert", "meds")
    case 2: return .status(503, retryAfter: 0)
    case 3: return .rawBody("<html>502 Bad Gateway</html>")
    case 4: return .answer("I think this should go to an expert.")
    case 5: return .route("doctor")
    case 6: return i % 50 == 6 ? .hang : .answer("Sure! {\"route\":\"fast\",\"reason\":\"x\"}")
    case 7: return .dropConnection
    case 8: return .rawBody("{\"choices\":[]}")
    default: return .answer("")
    }
  }

  @Test("1,000 decisions under injected faults: every one answered and logged, and the log summary counts them")
  func soak() throws {
    let attempts = LockedBox([Int: Int]())
    let faulty = try FakeChatServer { r in
      let text = r.userMessage ?? ""
      let i = Int(text.split(separator: "#").last ?? "") ?? 0
      let n = attempts.withLock { a -> Int in
        defer { a[i, default: 0] += 1 }
        return a[i, default: 0]
      }
      return Self.behavior(i, attempt: n)
    }
    let backup = try FakeChatServer(always: .route("expert", "backup provider"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("routerlab-soak-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("decisions.jsonl").path
    let messages = (0..<1000).map { "{\"text\":\"What time do you open? message #\($0)\"}" }.joined(separator: "\n") + "\n"
    let env = [EndpointDirectory.urlVariable: "\(faulty.baseURL),\(backup.baseURL)", EndpointDirectory.modelVariable: "test"]
    let r = try CommandRunner.run(["route", "--jsonl", "--strategy", "llm", "--llm-timeout", "0.3", "--log", log],
                              environment: env, stdin: Data(messages.utf8))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lines.count == 1000)
    let routed = r.lines.compactMap { try? JSONValue.parse($0) }.filter { $0["route"]?.stringValue != nil }
    #expect(routed.count == 1000)

    let logLines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    #expect(logLines.count == 1000)
    let parsed = logLines.compactMap { try? JSONValue.parse(String($0)) }
    #expect(parsed.count == 1000)
    #expect(parsed.allSatisfy { $0["route"]?.stringValue != nil && $0["strategy"] == .string("llm") })

    let summary = try CommandRunner.run(["log", log, "--json"])
    #expect(summary.status == 0, "\(summary.stderr)")
    let s = try JSONValue.parse(summary.lines.first ?? "")
    #expect(s["decisions"] == .number(1000))
    #expect(s["unreadable_lines"] == .number(0))
    guard case .number(let providerFallbacks)? = s["provider_fallbacks"], case .number(let routeFallbacks)? = s["route_fallbacks"],
      case .number(let trips)? = s["breaker_trips"]?["env-1"]
    else {
      Issue.record("summary fields missing: \(summary.stdout)")
      return
    }
    #expect(providerFallbacks > 0)
    #expect(routeFallbacks > 0)
    #expect(trips >= 1)
    let text = try CommandRunner.run(["log", log])
    #expect(text.stdout.contains("Decision log \(log): 1000 decisions"))
    #expect(text.stdout.contains("Slowest decisions"))
  }
}
