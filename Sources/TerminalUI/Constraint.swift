/// How much of an area one slice takes when `Rect.rows` or `Rect.columns` splits it.
///
/// Fixed slices (`length`, `percent`, and the base of `min`) are served first, in order, so an
/// area too small for all of them shortens the later ones; what is left is shared equally by
/// `fill` and `min` slices, earlier slices getting the odd cells.
public enum Constraint: Equatable, Hashable, Sendable {
  /// Exactly this many cells (fewer when the area runs out).
  case length(Int)
  /// This percentage of the whole area, rounded down.
  case percent(Int)
  /// An equal share of what the fixed slices leave.
  case fill
  /// At least this many cells, growing like `fill` when there is room.
  case min(Int)
}
