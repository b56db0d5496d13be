import Foundation
import RouterCore

/// A scenario's `Router`, trained on a thread of its own, so the playground can draw its first
/// frame at once (with the keyword rules and the heuristic, and "training…" rows) and fill in
/// the trained strategies when they are ready. With the weights in the model cache the build
/// takes tens of milliseconds; training them on the clinic's 16,616 examples takes about 4 s.
final class RouterBuild: @unchecked Sendable {
  let scenario: Scenario
  private let condition = NSCondition()
  /// Guarded by `condition`.
  private var built: Router?

  /// Starts building `scenario`'s router.
  init(_ scenario: Scenario) {
    self.scenario = scenario
    let thread = Thread { [self] in
      let router = Router(scenario: scenario, cache: .forCommands)
      condition.lock()
      built = router
      condition.broadcast()
      condition.unlock()
    }
    thread.name = "routerlab: training"
    thread.start()
  }

  /// The router once built, waiting at most `milliseconds` for it (0: only if it is ready now;
  /// nil: as long as it takes).
  func router(waitingAtMost milliseconds: Int?) -> Router? {
    condition.lock()
    defer { condition.unlock() }
    let deadline = milliseconds.map { Date(timeIntervalSinceNow: Double($0) / 1000) } ?? .distantFuture
    while built == nil {
      if !condition.wait(until: deadline) { break }
    }
    return built
  }
}
