/// A cell position: `x` is the column and `y` the row, both 0-based from the top-left corner.
public struct Point: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Column, 0-based.
  public var x: Int
  /// Row, 0-based.
  public var y: Int

  /// Creates a point; coordinates may be negative (such points fall outside every buffer).
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }

  /// The top-left corner.
  public static let zero = Point(x: 0, y: 0)

  /// `(x,y)`.
  public var description: String { "(\(x),\(y))" }
}
