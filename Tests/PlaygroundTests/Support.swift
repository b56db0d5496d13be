import Foundation
import Playground
import RouterCore
import TerminalUI
import Testing

/// Shared fixtures: the clinic router, trained once per test process.
enum Fixture {
  static let router: Router = {
    do { return Router(scenario: try ScenarioLoader.load("clinic")) } catch { fatalError("\(error)") }
  }()

  static func state(_ text: String = "", size: Size = Size(width: 100, height: 30)) -> State {
    var s = Session.initialState(router: router, size: size, themeName: "default", themeNames: ["default", "light", "mono"],
                                 scenarioNames: ["clinic", "support"], text: text)
    zeroLatency(&s)
    return s
  }

  /// Applies messages as the run loop does (update each, then one refresh), with latencies
  /// zeroed so frames are deterministic. Returns every effect.
  @discardableResult
  static func send(_ state: inout State, _ msgs: Msg...) -> [Effect] {
    var effects: [Effect] = []
    for m in msgs { effects += update(&state, m) }
    refresh(&state, router: router)
    zeroLatency(&state)
    return effects
  }

  static func zeroLatency(_ state: inout State) {
    for i in state.verdicts.indices { state.verdicts[i].latencyNanos = 0 }
  }

  static func type(_ state: inout State, _ text: String) {
    for c in text { send(&state, .keyPressed(.char(c))) }
  }
}

/// Compares text with a snapshot file beside the tests; `RECORD_SNAPSHOTS=1` rewrites the file
/// and fails, so a recording is never mistaken for a pass.
func assertSnapshot(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = dir.appendingPathComponent("\(name).txt")
  let text = lines.joined(separator: "\n") + "\n"
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    Issue.record("recorded snapshot \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record("missing snapshot \(file.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    return
  }
  if expected != text {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }
    let where_ = first.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "length differs"
    Issue.record("snapshot \(name) differs at \(where_)", sourceLocation: sourceLocation)
  }
}
