import Dispatch
import RouterCore

/// Runs async work from the synchronous command line and waits for its result. Only for the
/// commands (route, eval), which run on the main thread and have nothing else to do meanwhile;
/// the playground never waits like this.
enum BlockingWait {
  static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = LockedBox<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      let value = await work()
      box.withLock { $0 = value }
      done.signal()
    }
    done.wait()
    guard let value = box.current else { preconditionFailure("the task signalled without a value") }
    return value
  }
}
