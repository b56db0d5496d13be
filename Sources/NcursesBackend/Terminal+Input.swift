import CNcursesw
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading input: poll, drain ncurses, decode.
extension Terminal {
  /// Longest a mouse report may take to arrive in full once its prefix was read.
  static let mouseReportWaitMs: Int32 = 50
  /// Longest a paste may pause between chunks before what arrived is delivered.
  static let pasteWaitMs: Int32 = 250
  /// Tokens read before handing a batch back, so a flood of input cannot starve drawing.
  static let maxTokensPerBatch = 4096
  /// Readable-but-empty wake-ups in a row that mean the input has reached its end.
  static let emptyWakeupLimit = 3

  /// Waits up to `timeoutMs` milliseconds (-1: forever) for input and returns it as events.
  ///
  /// Returns `[.tick]` when the time passed with no input, possibly `[]` when a signal
  /// interrupted the wait without producing input, and otherwise the decoded events of
  /// everything waiting (consecutive drags and resizes coalesced). Never busy-waits.
  ///
  /// - Throws: `TerminalError.inputClosed` when the terminal hangs up or input reaches its end
  ///   (the app should stop and exit), `.notRunning` after `stop()`.
  public func nextEvents(timeoutMs: Int) throws(TerminalError) -> [Event] {
    guard isRunning else { throw .notRunning }
    // Input ncurses already holds (or a resize it noticed) does not wake poll.
    let (pending, _) = drain()
    if !pending.isEmpty { return pending }

    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, Int32(clamping: timeoutMs))
    if ready < 0 {
      guard errno == EINTR else { throw .inputFailed(errno) }
      // SIGWINCH interrupts poll; ncurses then reports KEY_RESIZE.
      return drain().events
    }
    if ready == 0 {
      emptyWakeups = 0
      return [.tick]
    }
    let revents = Int32(descriptor.revents)
    if revents & Int32(POLLIN) == 0, revents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 {
      throw .inputClosed
    }
    let (events, tokens) = drain()
    if tokens == 0 {
      emptyWakeups += 1
      if emptyWakeups >= Terminal.emptyWakeupLimit { throw .inputClosed }
    } else {
      emptyWakeups = 0
    }
    return events
  }

  /// Reads everything ncurses has without blocking (waiting briefly only to complete a mouse
  /// report or paste), decodes it, and returns the events and the number of tokens read.
  func drain() -> (events: [Event], tokens: Int) {
    var events: [Event] = []
    var tokens = 0
    var waiting = false
    defer { if waiting { wtimeout(window, 0) } }
    while tokens < Terminal.maxTokensPerBatch || decoder.isMidSequence {
      var character: wint_t = 0
      let result = wget_wch(window, &character)
      if result == ERR {
        guard decoder.isMidSequence, !waiting else { break }
        waiting = true
        wtimeout(window, decoder.isPasting ? Terminal.pasteWaitMs : Terminal.mouseReportWaitMs)
        continue
      }
      if waiting {
        waiting = false
        wtimeout(window, 0)
      }
      tokens += 1
      if let token = self.token(result: result, character: character) {
        events += decoder.feed(token)
      }
    }
    events += decoder.finish()
    return (InputDecoder.coalesce(events), tokens)
  }

  /// The token for one `wget_wch` result.
  private func token(result: Int32, character: wint_t) -> InputToken? {
    guard result == KEY_CODE_YES else {
      return Unicode.Scalar(UInt32(character)).map(InputToken.scalar)
    }
    let code = Int32(bitPattern: UInt32(character))
    switch code {
    case KEY_RESIZE: return .resize(size)
    case Terminal.mouseReportCode: return .mouseReportStart
    case Terminal.pasteStartCode: return .pasteStart
    case Terminal.pasteEndCode: return .pasteEnd
    case Terminal.fallbackKeyBase..<(Terminal.fallbackKeyBase + Int32(Terminal.fallbackKeys.count)):
      return .keyName(Terminal.fallbackKeys[Int(code - Terminal.fallbackKeyBase)].name)
    default: return keyname(code).map { .keyName(String(cString: $0)) }
    }
  }
}
