import Foundation

/// A value shared between threads behind a lock: the only mutable state the network path keeps
/// (breaker states, the keystroke feed's in-flight task). Every access is one short critical
/// section, so a keystroke never waits behind the network.
public final class LockedBox<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) { self.value = value }

  /// Runs `body` with the value locked and returns its result.
  public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }

  /// A copy of the value.
  public var current: Value { withLock { $0 } }
}
