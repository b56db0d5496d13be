/// Which interactive target lies under each screen cell, for mouse hit-testing in `update`.
public struct HitMap: Equatable, Sendable {
  /// One clickable area and the id of what it stands for.
  public struct Region: Equatable, Hashable, Sendable {
    /// The cells that belong to the target.
    public var rect: Rect
    /// The app's name for the target, e.g. `"slider"` or `"strategy.3"`.
    public var target: String

    /// Creates a region.
    public init(rect: Rect, target: String) {
      self.rect = rect
      self.target = target
    }
  }

  /// Regions in the order they were added; later ones lie on top.
  public private(set) var regions: [Region]

  /// Creates a hit map from regions (later ones lie on top).
  public init(_ regions: [Region] = []) {
    self.regions = regions
  }

  /// Adds a region on top of the others; empty rectangles are ignored.
  public mutating func add(_ rect: Rect, target: String) {
    guard !rect.isEmpty else { return }
    regions.append(Region(rect: rect, target: target))
  }

  /// Adds every region of `other` on top of these.
  public mutating func merge(_ other: HitMap) {
    regions += other.regions
  }

  /// The topmost target containing `point`, or nil.
  public func target(at point: Point) -> String? {
    regions.last { $0.rect.contains(point) }?.target
  }

  /// The rectangle of the topmost region named `target`, or nil (e.g. to map a drag to a track).
  public func rect(of target: String) -> Rect? {
    regions.last { $0.target == target }?.rect
  }
}
