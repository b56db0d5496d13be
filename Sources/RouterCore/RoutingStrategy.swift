/// A way of choosing a route for a message. Every strategy in the panel conforms to this.
///
/// Strategies are values built from a scenario; `route` must be pure and fast enough to run on
/// every keystroke. Strategies that wait on a network answer through another path and return a
/// `.pending` or `.unavailable` verdict here.
public protocol RoutingStrategy: Sendable {
  /// Command-line name (`rules`, `heuristic`, `classifier`, `hybrid`).
  var name: String { get }
  /// Name for people (`Keyword rules`).
  var title: String { get }
  /// Chooses a route for `query`. The router fills in latency.
  func route(_ query: Query) -> Verdict
}
