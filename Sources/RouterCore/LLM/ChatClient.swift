/// Sends one chat request to one OpenAI-compatible endpoint. The only way RouterCore reaches a
/// model: the HTTP implementation lives in the `LLMHTTP` target, tests bring their own.
///
/// Contract: the call returns or throws within about `timeoutNanos` (throwing `.timeout`), and
/// when its task is cancelled it stops promptly and throws `.cancelled`. It never retries; the
/// `ProviderChain` decides about retries and fallbacks.
public protocol ChatClient: Sendable {
  func send(_ request: ChatRequest, to endpoint: Endpoint, timeoutNanos: UInt64) async throws(ChatFailure) -> ChatReply
}
