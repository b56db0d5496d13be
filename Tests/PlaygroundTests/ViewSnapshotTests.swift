import Playground
import RouterCore
import TerminalUI
import Testing

@Suite struct ViewSnapshotTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var width: Int
    var height: Int
    var text: String
    var testDescription: String { name }
  }

  static let cases = [
    Case(name: "clinic-80x24-interaction", width: 80, height: 24, text: "Can I take ibuprofen with my warfarin?"),
    Case(name: "clinic-120x40-safety", width: 120, height: 40, text: "I want to book Tuesday but honestly I keep thinking about ending my life"),
    Case(name: "clinic-100x30-empty", width: 100, height: 30, text: ""),
    Case(name: "clinic-80x24-wide-characters", width: 80, height: 24, text: "我胸口很痛 🙂 café ñandú"),
    // A safety word used as a topic: the rules say human, the flow's trace shows the match overruled.
    Case(name: "clinic-120x40-overruled", width: 120, height: 40,
         text: "where do we park for the stroke rehab unit? bringing mum for her physio tomorrow"),
  ]

  @Test("frames match their text and style snapshots", arguments: cases)
  func frames(_ c: Case) {
    let s = Fixture.state(c.text, size: Size(width: c.width, height: c.height))
    let frame = view(s, size: s.size)
    assertSnapshot(frame.buffer.lines(), named: c.name)
    assertSnapshot(frame.buffer.styleLines(), named: c.name + ".styles")
  }

  @Test("below 80×24 the screen says so instead of drawing a garbled layout")
  func tooSmall() {
    let size = Size(width: 60, height: 16)
    let s = Fixture.state("hello", size: size)
    let lines = view(s, size: size).buffer.lines()
    assertSnapshot(lines, named: "too-small-60x16")
    #expect(lines.contains { $0.contains("terminal too small (have 60×16, need 80×24)") })
    #expect(view(s, size: Size(width: 79, height: 30)).buffer.lines().joined().contains("have 79×30"))
  }

  @Test("the cost panel shows the seed's figures at 1,000 queries/day and 70% simple")
  func costFigures() {
    let s = Fixture.state("", size: Size(width: 100, height: 30))
    let text = view(s, size: s.size).buffer.lines().joined(separator: "\n")
    #expect(text.contains("$15.00"))
    #expect(text.contains("$5.20"))
    #expect(text.contains("$9.80"))
    #expect(text.contains("$3,577"))
    #expect(text.contains("70%"))
  }

  @Test("the help overlay lists keys from the keymap")
  func help() {
    var s = Fixture.state("", size: Size(width: 100, height: 40))
    s.showHelp = true
    let frame = view(s, size: s.size)
    assertSnapshot(frame.buffer.lines(), named: "help-100x40")
    #expect(frame.cursor == nil)
  }

  @Test("the cursor sits after the typed text in the query box")
  func cursor() {
    let s = Fixture.state("abc", size: Size(width: 80, height: 24))
    #expect(view(s, size: s.size).cursor == Point(x: 6, y: 2))
  }
}

@Suite struct MonoSnapshotTests {
  /// One letter per cell for the attributes a theme gives it: `B` bold, `R` reverse, `U`
  /// underline, `D` dim, `.` none (the first that applies, in that order).
  static func attributeLines(_ buffer: Buffer, _ theme: ResolvedTheme) -> [String] {
    (0..<buffer.size.height).map { y in
      String((0..<buffer.size.width).map { x -> Character in
        let a = theme.resolve(buffer[x, y].style).attributes
        if a.contains(.bold) { return "B" }
        if a.contains(.reverse) { return "R" }
        if a.contains(.underline) { return "U" }
        if a.contains(.dim) { return "D" }
        return "."
      })
    }
  }

  @Test("without colour (NO_COLOR, mono terminals) meaning survives as attributes")
  func mono() {
    let s = Fixture.state("I keep thinking about ending my life", size: Size(width: 80, height: 24))
    let buffer = view(s, size: s.size).buffer
    let mono = Theme.fallback.resolve(.mono)
    let lines = Self.attributeLines(buffer, mono)
    assertSnapshot(lines, named: "clinic-80x24-safety.mono")
    // Every resolved colour is the terminal's own: no greys standing in for meaning.
    for y in 0..<buffer.size.height {
      for x in 0..<buffer.size.width {
        let r = mono.resolve(buffer[x, y].style)
        #expect(r.fg == .default && r.bg == .default)
      }
    }
  }
}
