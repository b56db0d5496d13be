/// A width and height in terminal columns and rows; never negative.
public struct Size: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// Creates a size; negative values are clamped to zero.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// A size with no cells.
  public static let zero = Size(width: 0, height: 0)

  /// True when the size holds no cells.
  public var isEmpty: Bool { width == 0 || height == 0 }

  /// `WxH`, the form used in messages such as "terminal too small".
  public var description: String { "\(width)×\(height)" }
}
