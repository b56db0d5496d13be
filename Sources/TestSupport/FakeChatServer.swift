import Foundation
import RouterCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) that speaks the OpenAI chat API and
/// answers each request as `behave` says: well, slowly, with 429/503, with malformed bodies, or
/// not at all. Loopback only; every loop is bounded; it stops on `stop()`, on deinit, or by
/// itself after `lifetime` seconds.
public final class FakeChatServer: Sendable {
  /// The base URL clients take: `http://127.0.0.1:PORT/v1`.
  public let baseURL: String
  public let port: UInt16
  private let core: FakeServerCore
  /// Longest a `.hang` or `.slow` holds a connection, in seconds.
  public static let hangLimit = 30.0

  /// Starts a server that answers with `behave`; it stops by itself after `lifetime` seconds.
  public init(lifetime: Double = 300, _ behave: @escaping @Sendable (FakeChatRequest) -> FakeChatBehavior) throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw FakeServerError("socket: \(String(cString: strerror(errno)))") }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      close(fd)
      throw FakeServerError("bind/listen on 127.0.0.1: \(String(cString: strerror(errno)))")
    }
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    port = UInt16(bigEndian: addr.sin_port)
    baseURL = "http://127.0.0.1:\(port)/v1"
    core = FakeServerCore(listener: fd, behave: behave)
    let deadline = Stopwatch.now() &+ UInt64(lifetime * 1e9)
    let core = core
    let thread = Thread { core.acceptLoop(until: deadline) }
    thread.start()
  }

  /// A server that answers every request the same way.
  public convenience init(always behavior: FakeChatBehavior, lifetime: Double = 300) throws {
    try self.init(lifetime: lifetime) { _ in behavior }
  }

  deinit { core.stop() }

  /// Stops accepting and releases held connections.
  public func stop() { core.stop() }

  /// Requests received so far, oldest first.
  public var requests: [FakeChatRequest] { core.requests }
  public var requestCount: Int { core.requestCount }

  /// An OpenAI chat completion body with `content` as the message.
  public static func completion(_ content: String) -> String {
    "{\"id\":\"test\",\"object\":\"chat.completion\",\"model\":\"fake-model\",\"choices\":[{\"index\":0,"
      + "\"message\":{\"role\":\"assistant\",\"content\":\(JSONText.quote(content))},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":20,\"total_tokens\":140}}"
  }
}

/// Why the test server could not start.
public struct FakeServerError: Error, CustomStringConvertible {
  public var description: String
  init(_ d: String) { description = d }
}
