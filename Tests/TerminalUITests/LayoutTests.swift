import Testing

@testable import TerminalUI

@Suite struct LayoutTests {
  let area = Rect(x: 2, y: 1, width: 20, height: 10)

  @Test("header, body, footer: fill takes what the lengths leave")
  func headerBodyFooter() {
    let parts = area.rows(.length(3), .fill, .length(1))
    #expect(
      parts == [
        Rect(x: 2, y: 1, width: 20, height: 3),
        Rect(x: 2, y: 4, width: 20, height: 6),
        Rect(x: 2, y: 10, width: 20, height: 1),
      ])
  }

  @Test("columns split by percent, the remainder to fill")
  func percentColumns() {
    let parts = area.columns(.percent(25), .fill)
    #expect(
      parts == [
        Rect(x: 2, y: 1, width: 5, height: 10),
        Rect(x: 7, y: 1, width: 15, height: 10),
      ])
  }

  @Test("fills share equally, earlier ones get the odd cells")
  func fillsShare() {
    #expect(Rect.split(10, [.fill, .fill, .fill]) == [4, 3, 3])
    #expect(Rect.split(11, [.length(2), .fill, .length(2), .fill]) == [2, 4, 2, 3])
  }

  @Test("min keeps its base and grows like fill")
  func minGrows() {
    #expect(Rect.split(20, [.min(5), .fill, .length(4)]) == [11, 5, 4])
    #expect(Rect.split(6, [.min(5), .fill, .length(4)]) == [5, 0, 1])
  }

  @Test("too little room: earlier slices win, nothing is negative")
  func tooSmall() {
    let parts = Rect(x: 0, y: 0, width: 4, height: 2).rows(.length(3), .fill, .length(1))
    #expect(parts.map(\.height) == [2, 0, 0])
    #expect(parts.allSatisfy { $0.height >= 0 && $0.width == 4 })
    #expect(Rect.split(-5, [.length(3), .percent(50), .min(2), .fill]) == [0, 0, 0, 0])
    #expect(Rect.split(10, [.length(-3), .percent(150)]) == [0, 10])
  }

  @Test("without fill the leftover stays unused")
  func noFill() {
    #expect(Rect.split(10, [.length(3), .percent(20)]) == [3, 2])
  }

  @Test("slices are contiguous and inside the area")
  func contiguous() {
    let parts = area.columns(.length(4), .min(2), .percent(30), .fill)
    var x = area.x
    for part in parts {
      #expect(part.x == x)
      #expect(area.contains(part))
      x += part.width
    }
    #expect(x == area.maxX)
  }
}

@Suite struct RectTests {
  @Test("contains uses exclusive right and bottom edges")
  func containsPoint() {
    let r = Rect(x: 1, y: 1, width: 3, height: 2)
    #expect(r.contains(Point(x: 1, y: 1)))
    #expect(r.contains(Point(x: 3, y: 2)))
    #expect(!r.contains(Point(x: 4, y: 1)))
    #expect(!r.contains(Point(x: 1, y: 3)))
    #expect(!r.contains(Point(x: 0, y: 1)))
    #expect(!Rect(x: 0, y: 0, width: 0, height: 5).contains(Point(x: 0, y: 0)))
  }

  @Test("negative sizes become zero")
  func clampsNegative() {
    let r = Rect(x: 3, y: 4, width: -2, height: -1)
    #expect(r.width == 0 && r.height == 0 && r.isEmpty)
    #expect(Size(width: -1, height: 3) == Size(width: 0, height: 3))
  }

  @Test("inset shrinks each side and collapses instead of going negative")
  func inset() {
    let r = Rect(x: 0, y: 0, width: 10, height: 4)
    #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
    #expect(r.inset(horizontal: 2) == Rect(x: 2, y: 0, width: 6, height: 4))
    #expect(r.inset(top: 1, left: 2, bottom: 0, right: 3) == Rect(x: 2, y: 1, width: 5, height: 3))
    let collapsed = r.inset(by: 3)
    #expect(collapsed.height == 0 && collapsed.width == 4)
    #expect(
      Rect(x: 5, y: 5, width: 1, height: 1).inset(by: 2) == Rect(x: 6, y: 6, width: 0, height: 0))
  }

  @Test("intersection of overlapping, nested and disjoint rectangles")
  func intersection() {
    let a = Rect(x: 0, y: 0, width: 10, height: 5)
    #expect(
      a.intersection(Rect(x: 5, y: 2, width: 10, height: 10))
        == Rect(x: 5, y: 2, width: 5, height: 3))
    #expect(
      a.intersection(Rect(x: 2, y: 1, width: 2, height: 2)) == Rect(x: 2, y: 1, width: 2, height: 2)
    )
    #expect(a.intersection(Rect(x: 20, y: 0, width: 3, height: 3)).isEmpty)
    #expect(a.intersection(Rect(x: 10, y: 0, width: 3, height: 3)).isEmpty)
  }

  @Test("centered clips to the container")
  func centered() {
    let a = Rect(x: 0, y: 0, width: 10, height: 6)
    #expect(a.centered(Size(width: 4, height: 2)) == Rect(x: 3, y: 2, width: 4, height: 2))
    #expect(a.centered(Size(width: 40, height: 2)) == Rect(x: 0, y: 2, width: 10, height: 2))
  }
}
