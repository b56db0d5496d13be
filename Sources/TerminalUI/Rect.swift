/// A rectangle of cells: origin at the top-left, sizes never negative.
public struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Left column.
  public var x: Int
  /// Top row.
  public var y: Int
  /// Columns; never negative.
  public var width: Int
  /// Rows; never negative.
  public var height: Int

  /// Creates a rectangle; a negative width or height becomes zero.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// A rectangle at `origin` with `size`.
  public init(origin: Point = .zero, size: Size) {
    self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
  }

  /// The top-left corner.
  public var origin: Point { Point(x: x, y: y) }
  /// Width and height.
  public var size: Size { Size(width: width, height: height) }
  /// First column to the right of the rectangle (exclusive bound).
  public var maxX: Int { x + width }
  /// First row below the rectangle (exclusive bound).
  public var maxY: Int { y + height }
  /// True when the rectangle holds no cells.
  public var isEmpty: Bool { width == 0 || height == 0 }

  /// True when `point` lies inside the rectangle.
  public func contains(_ point: Point) -> Bool {
    point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
  }

  /// True when every cell of `other` lies inside this rectangle (an empty `other` is contained).
  public func contains(_ other: Rect) -> Bool {
    other.isEmpty || (other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY)
  }

  /// The rectangle shrunk by `amount` on every side.
  public func inset(by amount: Int) -> Rect {
    inset(top: amount, left: amount, bottom: amount, right: amount)
  }

  /// The rectangle shrunk by `horizontal` columns on the left and right and by `vertical` rows
  /// at the top and bottom.
  public func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
    inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
  }

  /// The rectangle shrunk on each side; it collapses to an empty rectangle rather than going
  /// negative, and its origin never moves past the opposite edge.
  public func inset(top: Int, left: Int, bottom: Int, right: Int) -> Rect {
    let newX = x + min(left, width)
    let newY = y + min(top, height)
    return Rect(
      x: newX, y: newY, width: width - left - right, height: height - top - bottom)
  }

  /// The cells shared by both rectangles; an empty rectangle (width or height 0) when disjoint.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    guard right > left, bottom > top else {
      return Rect(x: left, y: top, width: 0, height: 0)
    }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// A rectangle of `size` centred in this one (clipped to it when larger).
  public func centered(_ size: Size) -> Rect {
    let w = min(size.width, width)
    let h = min(size.height, height)
    return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
  }

  /// `x,y WxH`.
  public var description: String { "\(x),\(y) \(width)×\(height)" }
}
