import Foundation
import RouterCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP request/response over URLSession, cancellable from Swift concurrency: cancelling
/// the awaiting task cancels the data task, whose completion then ends the wait.
enum HTTPExchange {
  /// What came back.
  enum Outcome: Sendable {
    case response(status: Int, retryAfter: String?, body: [UInt8])
    case failed(any Error)
    case cancelled
  }

  /// The data task once started, and whether the waiting task was cancelled first.
  private struct Handle {
    var task: URLSessionDataTask?
    var cancelled = false
  }

  static func perform(_ request: URLRequest, on session: URLSession) async -> Outcome {
    let handle = LockedBox(Handle())
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
        let task = session.dataTask(with: request) { data, response, error in
          if let error {
            if let e = error as? URLError, e.code == .cancelled {
              continuation.resume(returning: .cancelled)
            } else {
              continuation.resume(returning: .failed(error))
            }
            return
          }
          guard let http = response as? HTTPURLResponse else {
            continuation.resume(returning: .failed(URLError(.badServerResponse)))
            return
          }
          let retryAfter = http.value(forHTTPHeaderField: "Retry-After")
          continuation.resume(returning: .response(status: http.statusCode, retryAfter: retryAfter, body: Array(data ?? Data())))
        }
        let start = handle.withLock { h -> Bool in
          if h.cancelled { return false }
          h.task = task
          return true
        }
        if start {
          task.resume()
        } else {
          continuation.resume(returning: .cancelled)
        }
      }
    } onCancel: {
      let task = handle.withLock { h -> URLSessionDataTask? in
        h.cancelled = true
        return h.task
      }
      task?.cancel()
    }
  }

  /// A transport error as a short sentence (`connection refused`).
  static func describe(_ error: any Error) -> String {
    if let e = error as? URLError {
      switch e.code {
      case .cannotConnectToHost: return "connection refused"
      case .networkConnectionLost: return "the connection was closed before the answer was complete"
      case .cannotFindHost: return "unknown host"
      case .badServerResponse: return "the server's response is not valid HTTP"
      case .notConnectedToInternet: return "no network"
      default: return e.localizedDescription
      }
    }
    return "\(error)"
  }
}
