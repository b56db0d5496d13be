/// A strategy that may call a model. Its `route` answers at once (a safety rule that fired, or
/// `.pending` / `.unavailable`); `decide` gives the full verdict, waiting on the network.
public protocol AsyncRoutingStrategy: RoutingStrategy {
  /// The full verdict for `query`. Cancelling the task stops any call in flight.
  func decide(_ query: Query) async -> Verdict
}

extension Router {
  /// One strategy's full verdict with its latency: the instant answer, or for a pending
  /// model-calling strategy, the answer once the model replied (or failed).
  public func decide(_ query: Query, with strategy: any RoutingStrategy) async -> Verdict {
    let start = Stopwatch.now()
    var v = strategy.route(query)
    if v.status == .pending, let s = strategy as? any AsyncRoutingStrategy {
      v = await s.decide(query)
    }
    v.latencyNanos = Stopwatch.now() &- start
    return v
  }
}
