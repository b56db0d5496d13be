import RouterCore

/// A `ChatClient` for unit tests that answers from a script, in process: each call gets the
/// result `script` returns for it. A `.hang` waits on the given clock until cancelled, so
/// cancellation and timeouts can be tested without a network.
public final class ScriptedChatClient: ChatClient {
  /// What one call does.
  public enum Step: Sendable {
    case reply(String)
    case fail(ChatFailure)
    /// Waits on the clock for `nanos`, then times out (as a real client's deadline would).
    case slowTimeout(nanos: UInt64)
    /// Waits (in real time, at most a minute) until cancelled.
    case hang
  }

  /// One call as the client saw it.
  public struct Call: Sendable {
    public var index: Int
    public var endpoint: Endpoint
    public var request: ChatRequest
    public var timeoutNanos: UInt64
  }

  private let script: @Sendable (Int, Endpoint, ChatRequest) -> Step
  private let clock: any LLMClock
  private let state = LockedBox((calls: [Call](), cancelled: 0))

  public init(clock: any LLMClock = InstantClock(), _ script: @escaping @Sendable (Int, Endpoint, ChatRequest) -> Step) {
    self.clock = clock
    self.script = script
  }

  /// A client that answers every call with `content`.
  public convenience init(always content: String) {
    self.init { _, _, _ in .reply(content) }
  }

  public var calls: [Call] { state.withLock { $0.calls } }
  public var cancelledCalls: Int { state.withLock { $0.cancelled } }

  public func send(_ request: ChatRequest, to endpoint: Endpoint, timeoutNanos: UInt64) async throws(ChatFailure) -> ChatReply {
    let index = state.withLock { s -> Int in
      s.calls.append(Call(index: s.calls.count, endpoint: endpoint, request: request, timeoutNanos: timeoutNanos))
      return s.calls.count - 1
    }
    switch script(index, endpoint, request) {
    case .reply(let content):
      return ChatReply(content: content, usage: TokenUsage(prompt: 100, completion: 20), model: "scripted", latencyNanos: 1_000_000)
    case .fail(let failure):
      throw failure
    case .slowTimeout(let nanos):
      do { try await clock.sleep(nanoseconds: min(nanos, timeoutNanos)) } catch { throw noteCancelled() }
      throw .timeout(afterNanos: timeoutNanos)
    case .hang:
      // Real time, not the test clock: an instant clock would never hold the call. Bounded.
      do { try await Task.sleep(nanoseconds: 60_000_000_000) } catch { throw noteCancelled() }
      throw .timeout(afterNanos: timeoutNanos)
    }
  }

  private func noteCancelled() -> ChatFailure {
    state.withLock { $0.cancelled += 1 }
    return .cancelled
  }
}
