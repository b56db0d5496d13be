/// Time for the network path: what time it is and how to wait. Injected so tests can run the
/// retry, back-off, cool-down and debounce logic without really waiting.
public protocol LLMClock: Sendable {
  /// Monotonic nanoseconds.
  func now() -> UInt64
  /// Waits `nanoseconds`; throws `CancellationError` when the task is cancelled.
  func sleep(nanoseconds: UInt64) async throws
}

/// The real clock: `Stopwatch` time and `Task.sleep`.
public struct SystemClock: LLMClock {
  public init() {}
  public func now() -> UInt64 { Stopwatch.now() }
  public func sleep(nanoseconds: UInt64) async throws {
    if nanoseconds == 0 {
      try Task.checkCancellation()
      return
    }
    try await Task.sleep(nanoseconds: nanoseconds)
  }
}
