import Foundation
import RouterCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The OpenAI-compatible chat client over URLSession: `POST <base>/chat/completions`. The only
/// networking code in RouterLab. Each call has its own deadline and stops at once when its task
/// is cancelled; retries and fallbacks are the `ProviderChain`'s business, not this client's.
public final class HTTPChatClient: ChatClient {
  private let session: URLSession

  public init() {
    let config = URLSessionConfiguration.ephemeral
    config.urlCache = nil
    config.requestCachePolicy = .reloadIgnoringLocalCacheData
    config.httpMaximumConnectionsPerHost = 4
    config.httpCookieStorage = nil
    session = URLSession(configuration: config)
  }

  deinit { session.invalidateAndCancel() }

  public func send(_ request: ChatRequest, to endpoint: Endpoint, timeoutNanos: UInt64) async throws(ChatFailure) -> ChatReply {
    guard let url = URL(string: endpoint.chatCompletionsURL), let scheme = url.scheme, scheme == "http" || scheme == "https" else {
      throw .transport("'\(endpoint.baseURL)' is not an http(s) URL")
    }
    var r = URLRequest(url: url)
    r.httpMethod = "POST"
    // The deadline is kept by `withDeadline` below, not by URLSession: on Linux its timeout
    // fires early when several sessions are busy, so it only backs ours up, well after it.
    r.timeoutInterval = Double(timeoutNanos) / 1e9 + 30
    r.setValue("application/json", forHTTPHeaderField: "Content-Type")
    r.setValue("application/json", forHTTPHeaderField: "Accept")
    if let key = endpoint.key { r.setValue(key.authorizationHeader, forHTTPHeaderField: "Authorization") }
    r.httpBody = Data(OpenAIWire.requestBody(request, model: endpoint.model).utf8)
    if Task.isCancelled { throw .cancelled }

    let start = Stopwatch.now()
    let prepared = r
    let outcome = await Self.withDeadline(timeoutNanos) { [session] in await HTTPExchange.perform(prepared, on: session) }
    let took = Stopwatch.now() &- start
    switch outcome {
    case .none:
      if Task.isCancelled { throw .cancelled }
      throw .timeout(afterNanos: timeoutNanos)
    case .some(.cancelled):
      if Task.isCancelled { throw .cancelled }
      throw .timeout(afterNanos: timeoutNanos)
    case .some(.failed(let error)):
      if let e = error as? URLError, e.code == .timedOut { throw .timeout(afterNanos: timeoutNanos) }
      throw .transport(HTTPExchange.describe(error))
    case .some(.response(let status, let retryAfter, let body)):
      guard (200..<300).contains(status) else {
        throw .http(status: status, retryAfterSeconds: OpenAIWire.retryAfterSeconds(retryAfter),
                    message: OpenAIWire.errorSummary(body))
      }
      return try OpenAIWire.parseReply(body, latencyNanos: took)
    }
  }

  /// Runs `operation`, returning nil if it has not finished after `nanos` (and cancelling it).
  static func withDeadline<T: Sendable>(_ nanos: UInt64, _ operation: @escaping @Sendable () async -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
      group.addTask { await operation() }
      group.addTask {
        try? await Task.sleep(nanoseconds: nanos)
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
  }
}
