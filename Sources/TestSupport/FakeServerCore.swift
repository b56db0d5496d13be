import Foundation
import RouterCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The test server's accept loop and connection handling. Kept apart from `FakeChatServer` so
/// the threads hold this, not the server: dropping the server stops everything.
final class FakeServerCore: Sendable {
  private let listener: Int32
  private let behave: @Sendable (FakeChatRequest) -> FakeChatBehavior
  private let state = LockedBox(ServerState())

  private struct ServerState {
    var stopped = false
    var requests: [FakeChatRequest] = []
    var count = 0
  }

  init(listener: Int32, behave: @escaping @Sendable (FakeChatRequest) -> FakeChatBehavior) {
    self.listener = listener
    self.behave = behave
  }

  func stop() {
    let first = state.withLock { s -> Bool in
      defer { s.stopped = true }
      return !s.stopped
    }
    if first { shutdown(listener, Int32(SHUT_RDWR)) }
  }

  var requests: [FakeChatRequest] { state.withLock { $0.requests } }
  var requestCount: Int { state.withLock { $0.count } }
  private var stopped: Bool { state.withLock { $0.stopped } }

  /// Accepts connections until stopped or `deadline`, one thread per connection.
  func acceptLoop(until deadline: UInt64) {
    defer { close(listener) }
    while !stopped && Stopwatch.now() < deadline {
      var p = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
      if poll(&p, 1, 100) <= 0 { continue }
      let client = accept(listener, nil, nil)
      if client < 0 { continue }
      var timeout = timeval(tv_sec: 5, tv_usec: 0)
      setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      let thread = Thread { [self] in serve(client) }
      thread.start()
    }
    state.withLock { $0.stopped = true }
  }

  private func serve(_ fd: Int32) {
    defer { close(fd) }
    guard let raw = HTTPRequestReader.read(fd) else { return }
    let request = state.withLock { s -> FakeChatRequest in
      let r = FakeChatRequest(index: s.count, method: raw.method, path: raw.path, headers: raw.headers, body: raw.body)
      s.count += 1
      if s.requests.count < 5000 { s.requests.append(r) }
      return r
    }
    guard request.method == "POST", request.path.hasSuffix("/chat/completions") else {
      respond(fd, status: 404, headers: [], body: "{\"error\":{\"message\":\"no route for \(request.method) \(request.path)\"}}")
      return
    }
    switch behave(request) {
    case .answer(let content):
      respond(fd, status: 200, headers: [], body: FakeChatServer.completion(content))
    case .slow(let content, let seconds):
      if wait(seconds) { respond(fd, status: 200, headers: [], body: FakeChatServer.completion(content)) }
    case .status(let code, let retryAfter):
      let headers = retryAfter.map { ["Retry-After: \(JSONText.number($0, digits: 3))"] } ?? []
      respond(fd, status: code, headers: headers, body: "{\"error\":{\"message\":\"test server says \(code)\",\"code\":\(code)}}")
    case .rawBody(let body):
      respond(fd, status: 200, headers: [], body: body)
    case .hang:
      _ = wait(FakeChatServer.hangLimit)
    case .dropConnection:
      return
    }
  }

  /// Waits up to `seconds` in short steps; false when the server stopped meanwhile.
  private func wait(_ seconds: Double) -> Bool {
    let end = Stopwatch.now() &+ UInt64(min(seconds, FakeChatServer.hangLimit) * 1e9)
    while Stopwatch.now() < end {
      if stopped { return false }
      usleep(5_000)
    }
    return !stopped
  }

  private func respond(_ fd: Int32, status: Int, headers: [String], body: String) {
    let reason = [200: "OK", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error",
                  503: "Service Unavailable"][status] ?? "Status"
    var text = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
    text += "Connection: close\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n" + body
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n <= 0 { return }
      offset += n
    }
  }
}
