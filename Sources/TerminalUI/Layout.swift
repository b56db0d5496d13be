/// Splitting a rectangle into rows or columns by `Constraint`s.
extension Rect {
  /// Splits the area top to bottom, one rectangle per constraint, in order.
  ///
  /// `let parts = area.rows(.length(3), .fill, .length(1))` gives a 3-row header, a body that
  /// takes the rest and a 1-row footer. Sizes are never negative; slices may be empty.
  public func rows(_ constraints: Constraint...) -> [Rect] {
    rows(constraints)
  }

  /// Splits the area top to bottom; the array form of `rows(_:...)`.
  public func rows(_ constraints: [Constraint]) -> [Rect] {
    var top = y
    return Rect.split(height, constraints).map { size in
      defer { top += size }
      return Rect(x: x, y: top, width: width, height: size)
    }
  }

  /// Splits the area left to right, one rectangle per constraint, in order.
  public func columns(_ constraints: Constraint...) -> [Rect] {
    columns(constraints)
  }

  /// Splits the area left to right; the array form of `columns(_:...)`.
  public func columns(_ constraints: [Constraint]) -> [Rect] {
    var left = x
    return Rect.split(width, constraints).map { size in
      defer { left += size }
      return Rect(x: left, y: y, width: size, height: height)
    }
  }

  /// Sizes for `constraints` sharing `total` cells; their sum never exceeds `total`.
  static func split(_ total: Int, _ constraints: [Constraint]) -> [Int] {
    let total = Swift.max(0, total)
    var remaining = total
    var sizes = constraints.map { constraint -> Int in
      let wanted: Int
      switch constraint {
      case .length(let n): wanted = n
      case .percent(let p): wanted = total * Swift.min(Swift.max(p, 0), 100) / 100
      case .min(let n): wanted = n
      case .fill: wanted = 0
      }
      let size = Swift.min(Swift.max(0, wanted), remaining)
      remaining -= size
      return size
    }
    let flexible = constraints.indices.filter {
      switch constraints[$0] {
      case .fill, .min: true
      case .length, .percent: false
      }
    }
    guard !flexible.isEmpty, remaining > 0 else { return sizes }
    let share = remaining / flexible.count
    let odd = remaining % flexible.count
    for (rank, index) in flexible.enumerated() {
      sizes[index] += share + (rank < odd ? 1 : 0)
    }
    return sizes
  }
}
