/// Plain-text views of a buffer, for tests and `--dump`.
extension Buffer {
  /// Each row as text: continuation cells are omitted, trailing spaces kept.
  public func lines() -> [String] {
    (0..<size.height).map { y in
      var row = ""
      for x in 0..<size.width {
        row += self[x, y].text
      }
      return row
    }
  }

  /// Each row as one `Role.letter` per column (continuation cells included), for style snapshots.
  public func styleLines() -> [String] {
    (0..<size.height).map { y in
      String((0..<size.width).map { self[$0, y].style.role.letter })
    }
  }
}
