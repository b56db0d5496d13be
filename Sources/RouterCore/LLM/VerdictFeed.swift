/// Keeps model-calling verdicts off the keystroke path. On every edit the playground calls
/// `textChanged`, which returns at once with what to show now (a safety decision, "not
/// configured", or "thinking…") and, for strategies that must call a model, schedules the call
/// after a quiet `debounceNanos`, cancelling whatever the previous text had in flight. Answers
/// for the latest text arrive through `deliver` (or `drain`), tagged with their generation;
/// answers for older text are dropped, never delivered.
public final class VerdictFeed: Sendable {
  /// A finished verdict for the text of `generation`.
  public struct Update: Sendable {
    public let generation: UInt64
    public let text: String
    public let verdict: Verdict
  }

  private struct State {
    var generation: UInt64 = 0
    var tasks: [Task<Void, Never>] = []
    var ready: [Update] = []
  }

  public let strategies: [any AsyncRoutingStrategy]
  public let debounceNanos: UInt64
  /// With a route here, a blank message calls no model: every available strategy gets
  /// `Router.emptyMessage` with this route, as the offline strategies do.
  public let blankRoute: String?
  private let clock: any LLMClock
  private let deliver: (@Sendable (Update) -> Void)?
  private let state = LockedBox(State())

  /// `deliver` is called from a background task for each answer of the current text; without it,
  /// answers wait in the feed until `drain()`.
  public init(strategies: [any AsyncRoutingStrategy], debounceNanos: UInt64 = 300_000_000,
              clock: any LLMClock = SystemClock(), blankRoute: String? = nil,
              deliver: (@Sendable (Update) -> Void)? = nil) {
    self.strategies = strategies
    self.blankRoute = blankRoute
    self.debounceNanos = debounceNanos
    self.clock = clock
    self.deliver = deliver
  }

  deinit { cancelAll() }

  /// Call on every keystroke. Never waits on the network: routes the instant part of every
  /// strategy (a few microseconds), cancels the previous text's calls and schedules new ones.
  /// Returns the generation of `text` and the verdicts to show until the answers arrive.
  @discardableResult
  public func textChanged(_ text: String) -> (generation: UInt64, verdicts: [Verdict]) {
    let query = Query(text)
    let blank = blankRoute != nil && query.isBlank
    let instant = strategies.map { strategy in
      let start = Stopwatch.now()
      var v = strategy.route(query)
      if blank, let cheapest = blankRoute {
        if case .unavailable = v.status {} else { v = Router.emptyMessage(strategy.name, cheapest: cheapest) }
      }
      if v.status != .pending { v.latencyNanos = Stopwatch.now() &- start }
      return v
    }
    let (generation, old) = state.withLock { s in
      s.generation &+= 1
      let old = s.tasks
      s.tasks.removeAll(keepingCapacity: true)
      s.ready.removeAll(keepingCapacity: true)
      let generation = s.generation
      for (strategy, v) in zip(strategies, instant) where v.status == .pending {
        s.tasks.append(schedule(strategy, query, generation))
      }
      return (generation, old)
    }
    // Cancelling runs the HTTP client's cancellation handler (URLSession work) on the calling
    // thread: do it off the keystroke path. Until then a stale answer is dropped by generation.
    if !old.isEmpty { Task.detached(priority: .utility) { for t in old { t.cancel() } } }
    return (generation, instant)
  }

  /// Cancels every call in flight (the text was cleared, the program quits).
  public func cancelAll() {
    state.withLock { s in
      s.generation &+= 1
      for t in s.tasks { t.cancel() }
      s.tasks.removeAll()
    }
  }

  /// Answers that arrived for the current text since the last drain (only when there is no `deliver`).
  public func drain() -> [Update] {
    state.withLock { s in
      defer { s.ready.removeAll(keepingCapacity: true) }
      return s.ready
    }
  }

  /// The generation of the latest text.
  public var generation: UInt64 { state.withLock { $0.generation } }

  private func schedule(_ strategy: any AsyncRoutingStrategy, _ query: Query, _ generation: UInt64) -> Task<Void, Never> {
    let clock = clock
    let delay = debounceNanos
    let deliver = deliver
    let state = state
    return Task.detached(priority: .utility) {
      do { try await clock.sleep(nanoseconds: delay) } catch { return }
      if Task.isCancelled { return }
      // Cancelling old tasks happens off the keystroke path, so a stale one may wake before its
      // cancel lands: check the generation before spending a model call on outdated text.
      guard state.withLock({ $0.generation == generation }) else { return }
      let verdict = await strategy.decide(query)
      if Task.isCancelled { return }
      let update = Update(generation: generation, text: query.text, verdict: verdict)
      let current = state.withLock { s -> Bool in
        guard s.generation == generation else { return false }
        if deliver == nil { s.ready.append(update) }
        return true
      }
      if current { deliver?(update) }
    }
  }
}
