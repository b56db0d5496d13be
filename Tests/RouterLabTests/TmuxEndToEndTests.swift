import Foundation
import TestSupport
import Playground
import TerminalUI
import Testing

/// The playground in a real terminal (tmux): type, route, drag, resize, quit, and a clean terminal after.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed")) struct TmuxEndToEndTests {
  @Test("type a question, see every strategy route it, drag the slider, resize, quit cleanly")
  func session() throws {
    let t = try TmuxSession(width: 100, height: 30, command: CommandRunner.binary.path)
    let first = try t.waitFor { $0.contains("Decision · every strategy") }
    #expect(first.contains("RouterLab"), "first frame:\n\(first)")
    #expect(try t.modes() == "0 1 1 1 1")

    try t.type("Can I take ibuprofen with my warfarin?")
    let routed = try t.waitFor { $0.contains("warfarin?") && $0.contains("Hybrid flow") && $0.contains("expert") }
    #expect(routed.contains("Keyword rules"))
    #expect(routed.contains("classifier confident"), "trace:\n\(routed)")

    // Drag the slider with SGR reports: press on the track, move off it, release.
    // Rows of the decision panel: between its header and its bottom border.
    let rows = routed.components(separatedBy: "\n")
    let header = rows.firstIndex { $0.hasPrefix("│ strategy") } ?? 0
    let strategies = rows[(header + 1)...].prefix { !$0.hasPrefix("╰") }.count
    let layout = PlaygroundLayout(size: Size(width: 100, height: 30), strategies: strategies)
    let track = layout.sliderTrack
    #expect(routed.contains("$5.20"))
    try t.mouse(button: 0, x: layout.sliderColumn(for: 70), y: track.y)
    try t.mouse(button: 32, x: track.x, y: track.y + 3)
    try t.mouse(button: 0, x: track.x, y: track.y + 3, release: true)
    let dragged = try t.waitFor { $0.contains(" 0%") && !$0.contains("$5.20") }
    #expect(dragged.contains("$15.00"), "after drag:\n\(dragged)")

    try t.resize(width: 70, height: 20)
    let small = try t.waitFor { $0.contains("terminal too small") }
    #expect(small.contains("have 70×20, need 80×24"))
    try t.resize(width: 120, height: 40)
    let big = try t.waitFor { $0.contains("Decision · every strategy") }
    #expect(big.contains("warfarin?"))

    try t.keys("C-c")
    let after = try t.waitFor { !$0.contains("Decision · every strategy") }
    #expect(!after.contains("Decision · every strategy"))
    #expect(try t.modes() == "0 0 0 0 0")
  }

  @Test("not a terminal, or an unusable TERM: a clear message and a non-zero exit")
  func notATerminal() throws {
    let r = try CommandRunner.run([])
    #expect(r.status != 0)
    #expect(r.stderr.contains("terminal"), "stderr: \(r.stderr)")
    let t = try TmuxSession(width: 100, height: 30, command: "env TERM=dumb \(CommandRunner.binary.path); echo EXIT=$?")
    let dumb = try t.waitFor { $0.contains("EXIT=") }
    #expect(dumb.contains("EXIT=1"), "dumb terminal:\n\(dumb)")
    let t2 = try TmuxSession(width: 100, height: 30, command: "env TERM=no-such-terminal \(CommandRunner.binary.path); echo EXIT=$?")
    let unknown = try t2.waitFor { $0.contains("EXIT=") }
    #expect(unknown.contains("no-such-terminal"), "unknown terminal:\n\(unknown)")
  }
}
