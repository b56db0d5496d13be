import RouterCore

/// A clock whose `sleep` returns at once and moves virtual time forward by the amount asked, so
/// retry, back-off and cool-down logic runs in tests without waiting. Records every sleep.
public final class InstantClock: LLMClock {
  private let state = LockedBox((now: UInt64(1_000_000_000), sleeps: [UInt64]()))

  public init() {}

  public func now() -> UInt64 { state.withLock { $0.now } }

  public func sleep(nanoseconds: UInt64) async throws {
    try Task.checkCancellation()
    state.withLock {
      $0.now &+= nanoseconds
      $0.sleeps.append(nanoseconds)
    }
  }

  /// Moves virtual time forward (a cool-down passing).
  public func advance(_ nanos: UInt64) { state.withLock { $0.now &+= nanos } }

  /// Every sleep asked for, in order.
  public var sleeps: [UInt64] { state.withLock { $0.sleeps } }
}

/// A clock whose sleepers wait until the test moves time past their deadline with `advance`;
/// cancelling a sleeper wakes it with `CancellationError`. For debounce tests.
public final class ManualClock: LLMClock {
  private struct Sleeper {
    var id: Int
    var deadline: UInt64
    var continuation: CheckedContinuation<Void, any Error>
  }

  private let state = LockedBox((now: UInt64(1_000_000_000), nextID: 0, sleepers: [Sleeper](), started: 0))

  public init() {}

  public func now() -> UInt64 { state.withLock { $0.now } }

  /// Sleeps that have started so far.
  public var sleepsStarted: Int { state.withLock { $0.started } }
  /// Sleepers waiting now.
  public var waiting: Int { state.withLock { $0.sleepers.count } }

  public func sleep(nanoseconds: UInt64) async throws {
    let id = state.withLock { s -> Int in
      s.nextID += 1
      return s.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
        let resumeNow = state.withLock { s -> Bool in
          s.started += 1
          if Task.isCancelled { return true }
          s.sleepers.append(Sleeper(id: id, deadline: s.now &+ nanoseconds, continuation: c))
          return false
        }
        if resumeNow { c.resume(throwing: CancellationError()) }
      }
    } onCancel: {
      let c = state.withLock { s -> CheckedContinuation<Void, any Error>? in
        guard let i = s.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
        return s.sleepers.remove(at: i).continuation
      }
      c?.resume(throwing: CancellationError())
    }
  }

  /// Moves time forward and wakes every sleeper whose deadline has passed.
  public func advance(_ nanos: UInt64) {
    let due = state.withLock { s -> [CheckedContinuation<Void, any Error>] in
      s.now &+= nanos
      let now = s.now
      let ready = s.sleepers.filter { $0.deadline <= now }
      s.sleepers.removeAll { $0.deadline <= now }
      return ready.map(\.continuation)
    }
    for c in due { c.resume() }
  }
}
