/// Why a chat call gave no answer. Every case reads as a sentence for the verdict's reason.
public enum ChatFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// No answer within the per-call time limit.
  case timeout(afterNanos: UInt64)
  /// The server answered with a non-2xx status. `retryAfterSeconds` is its Retry-After header.
  case http(status: Int, retryAfterSeconds: Double?, message: String)
  /// The connection could not be made or broke (refused, reset, DNS).
  case transport(String)
  /// A 2xx answer whose body is not an OpenAI chat completion (not JSON, no choices…).
  case malformed(String)
  /// The caller stopped waiting (the text changed, the program is quitting).
  case cancelled

  /// Worth trying the same provider again after a pause: rate limited or briefly unavailable.
  public var isRetryable: Bool {
    if case .http(let status, _, _) = self { return status == 429 || status == 503 }
    return false
  }

  public var description: String {
    switch self {
    case .timeout(let nanos):
      return "no answer within \(Money.fixed(Double(nanos) / 1e9, 1)) s (timed out)"
    case .http(let status, _, let message):
      let name = Self.statusNames[status].map { " \($0)" } ?? ""
      return "HTTP \(status)\(name)" + (message.isEmpty ? "" : ": \(message)")
    case .transport(let why):
      return "cannot reach the endpoint: \(why)"
    case .malformed(let why):
      return "the endpoint's answer is not a chat completion: \(why)"
    case .cancelled:
      return "cancelled"
    }
  }

  private static let statusNames: [Int: String] = [
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 408: "Request Timeout",
    429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout",
  ]
}
