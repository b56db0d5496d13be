import Testing

@testable import TerminalUI

@Suite struct BoxTests {
  @Test("rounded box with a title, inner area returned")
  func titled() {
    var b = Buffer(size: Size(width: 12, height: 4), fill: "x")
    let inner = b.drawBox(Rect(x: 0, y: 0, width: 12, height: 4), title: "Query")
    #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
    #expect(
      b.lines() == [
        "╭─ Query ──╮",
        "│xxxxxxxxxx│",
        "│xxxxxxxxxx│",
        "╰──────────╯",
      ])
    #expect(
      b.styleLines() == [
        "bbbhhhhhbbbb",
        "bttttttttttb",
        "bttttttttttb",
        "bbbbbbbbbbbb",
      ])
  }

  @Test("long titles are truncated, leaving a dash before the corner")
  func longTitle() {
    var b = Buffer(size: Size(width: 10, height: 2), fill: "x")
    b.drawBox(Rect(x: 0, y: 0, width: 10, height: 2), title: "Decision flow")
    #expect(b.lines() == ["╭─ Dec… ─╮", "╰────────╯"])
  }

  @Test("no title room in narrow boxes; tiny rects get nothing")
  func narrow() {
    var b = Buffer(size: Size(width: 6, height: 3), fill: "x")
    b.drawBox(Rect(x: 0, y: 0, width: 6, height: 3), title: "Title")
    #expect(b.lines() == ["╭────╮", "│xxxx│", "╰────╯"])
    var t = Buffer(size: Size(width: 3, height: 3), fill: "x")
    t.drawBox(Rect(x: 0, y: 0, width: 1, height: 3))
    #expect(t.lines() == ["xxx", "xxx", "xxx"])
  }

  @Test("a box partly outside the buffer is clipped")
  func clipped() {
    var b = Buffer(size: Size(width: 5, height: 3), fill: "x")
    b.drawBox(Rect(x: 2, y: 1, width: 6, height: 4))
    #expect(b.lines() == ["xxxxx", "xx╭──", "xx│xx"])
  }
}

@Suite struct HitMapTests {
  @Test("the topmost region containing the point wins")
  func topmost() {
    var hits = HitMap()
    hits.add(Rect(x: 0, y: 0, width: 10, height: 5), target: "panel")
    hits.add(Rect(x: 2, y: 2, width: 4, height: 1), target: "slider")
    hits.add(Rect(x: 0, y: 0, width: 0, height: 3), target: "empty")
    #expect(hits.target(at: Point(x: 3, y: 2)) == "slider")
    #expect(hits.target(at: Point(x: 6, y: 2)) == "panel")
    #expect(hits.target(at: Point(x: 10, y: 0)) == nil)
    #expect(hits.regions.count == 2)
    #expect(hits.rect(of: "slider") == Rect(x: 2, y: 2, width: 4, height: 1))
    #expect(hits.rect(of: "missing") == nil)
  }

  @Test("merging puts the other map on top")
  func merge() {
    var a = HitMap([.init(rect: Rect(x: 0, y: 0, width: 5, height: 1), target: "a")])
    a.merge(HitMap([.init(rect: Rect(x: 0, y: 0, width: 2, height: 1), target: "b")]))
    #expect(a.target(at: Point(x: 1, y: 0)) == "b")
    #expect(a.target(at: Point(x: 3, y: 0)) == "a")
  }

  @Test("a frame carries buffer, cursor and hit map")
  func frame() {
    var frame = Frame(size: Size(width: 4, height: 2))
    frame.cursor = Point(x: 1, y: 1)
    frame.hitMap.add(Rect(x: 0, y: 0, width: 4, height: 1), target: "top")
    #expect(frame.size == Size(width: 4, height: 2))
    #expect(frame.hitMap.target(at: Point(x: 3, y: 0)) == "top")
    #expect(frame.buffer.lines() == ["    ", "    "])
  }
}
