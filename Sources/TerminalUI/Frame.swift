/// Everything one screen update shows: the cells, where the cursor goes, and what is clickable.
public struct Frame: Equatable, Sendable {
  /// The cells to show.
  public var buffer: Buffer
  /// Where the text cursor is shown, or nil to hide it.
  public var cursor: Point?
  /// Clickable areas, for mapping mouse events back to targets.
  public var hitMap: HitMap

  /// Creates a frame from its parts.
  public init(buffer: Buffer, cursor: Point? = nil, hitMap: HitMap = HitMap()) {
    self.buffer = buffer
    self.cursor = cursor
    self.hitMap = hitMap
  }

  /// A blank frame of `size`, cells in `style`, no cursor and no targets.
  public init(size: Size, style: Style = .plain) {
    self.init(buffer: Buffer(size: size, style: style))
  }

  /// The frame's size.
  public var size: Size { buffer.size }
}
