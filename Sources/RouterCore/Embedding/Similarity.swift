/// A cosine similarity with two decimals (`0.8234` → `0.82`).
public struct Similarity: CustomStringConvertible, Sendable {
  public var value: Double
  public init(_ value: Double) { self.value = value }
  public var description: String {
    guard value.isFinite else { return "–" }
    let hundredths = Int((abs(value) * 100).rounded())
    let sign = value < 0 && hundredths > 0 ? "-" : ""
    let frac = hundredths % 100
    return "\(sign)\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
  }
}
