#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of the decision log: when, what (or its hash), every verdict, and the final route.
public struct DecisionRecord: Sendable {
  public var timeNanosSinceEpoch: UInt64
  public var scenario: String
  public var text: String
  public var verdicts: [Verdict]
  /// The strategy whose verdict was acted on.
  public var finalStrategy: String
  public var redact: Bool
  /// A shadow policy's verdict when the message was sampled (shadow mode); it did not affect the route.
  public var shadow: Verdict? = nil

  public init(time: UInt64 = DecisionRecord.wallClockNanos(), scenario: String, text: String, verdicts: [Verdict],
              finalStrategy: String, redact: Bool) {
    self.timeNanosSinceEpoch = time
    self.scenario = scenario
    self.text = text
    self.verdicts = verdicts
    self.finalStrategy = finalStrategy
    self.redact = redact
  }

  public static func wallClockNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
  }

  /// The final route, or nil when the final strategy did not decide.
  public var finalRoute: String? { verdicts.first { $0.strategy == finalStrategy }?.route }

  /// The record as one line of JSON (no newline).
  public var jsonLine: String {
    var out = "{\"time\":\(JSONText.quote(Self.iso8601(timeNanosSinceEpoch))),\"scenario\":\(JSONText.quote(scenario)),"
    if redact {
      out += "\"text_sha256\":\"\(SHA256.hex(text.utf8))\","
    } else {
      out += "\"text\":\(JSONText.quote(text)),"
    }
    out += "\"route\":\(finalRoute.map(JSONText.quote) ?? "null"),\"strategy\":\(JSONText.quote(finalStrategy)),\"verdicts\":["
    // Reasons and trace details quote the message ("matched \"kill myself\""), so a redacted
    // record leaves them out along with the text.
    out += verdicts.map { $0.json(redacted: redact) }.joined(separator: ",")
    out += "]"
    if let shadow { out += ",\"shadow\":" + shadow.json(redacted: redact) }
    out += "}"
    return out
  }

  /// `2026-11-24T07:15:59.123Z`.
  public static func iso8601(_ nanos: UInt64) -> String {
    var t = time_t(nanos / 1_000_000_000)
    var parts = tm()
    gmtime_r(&t, &parts)
    func pad(_ v: Int32, _ n: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    let ms = Int32((nanos / 1_000_000) % 1000)
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
      + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(ms, 3))Z"
  }
}

extension Verdict {
  /// The verdict as a JSON object: strategy, route, score, reason, latency and status.
  public var json: String { json(redacted: false) }

  /// The verdict as JSON; `redacted` leaves out everything that can quote the message
  /// (reason, error text, trace details), keeping routes, scores and timings.
  public func json(redacted: Bool) -> String {
    var out = "{\"strategy\":\(JSONText.quote(strategy)),\"route\":\(route.map(JSONText.quote) ?? "null"),"
    out += "\"score\":\(JSONText.number(score)),\"score_kind\":\"\(scoreKind.rawValue)\","
    if !redacted { out += "\"reason\":\(JSONText.quote(reason)),\"" } else { out += "\"" }
    out += "latency_us\":\(JSONText.number(Double(latencyNanos) / 1000, digits: 1))"
    switch status {
    case .decided: break
    case .pending: out += ",\"status\":\"pending\""
    case .unavailable(let why): out += ",\"status\":\"unavailable\"" + (redacted ? "" : ",\"error\":\(JSONText.quote(why))")
    case .failed(let why): out += ",\"status\":\"failed\"" + (redacted ? "" : ",\"error\":\(JSONText.quote(why))")
    }
    if !trace.isEmpty {
      out += ",\"trace\":[" + trace.map { $0.json(redacted: redacted) }.joined(separator: ",") + "]"
    }
    return out + "}"
  }
}

extension TraceStep {
  /// The step as a JSON object.
  public var json: String { json(redacted: false) }

  /// The step as JSON; `redacted` leaves out the detail, which can quote the message.
  public func json(redacted: Bool) -> String {
    var out = "{\"check\":\(JSONText.quote(name)),\"outcome\":\"\(outcome.rawValue)\""
    if let route { out += ",\"route\":\(JSONText.quote(route))" }
    if let score { out += ",\"score\":\(JSONText.number(score))" }
    if let threshold { out += ",\"threshold\":\(JSONText.number(threshold))" }
    if let margin { out += ",\"margin\":\(JSONText.number(margin))" }
    if let r = runnerUp { out += ",\"runner_up\":{\"route\":\(JSONText.quote(r.route)),\"score\":\(JSONText.number(r.score))}" }
    if let cost { out += ",\"cost\":\(JSONText.number(cost, digits: 6))" }
    if !detail.isEmpty && !redacted { out += ",\"detail\":\(JSONText.quote(detail))" }
    return out + "}"
  }
}
