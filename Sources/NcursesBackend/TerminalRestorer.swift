#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts the terminal back the way the shell expects it when the process dies without calling
/// `Terminal.stop()`: on SIGINT, SIGTERM, SIGHUP, on crash signals (SIGSEGV, SIGBUS, SIGILL,
/// SIGTRAP, SIGABRT, SIGFPE: a Swift trap lands here), and at `exit` via `atexit`.
///
/// Signal handlers may only make async-signal-safe calls, so the restore is precomputed: the
/// reset bytes (mouse and paste modes off, attributes reset, cursor shown, keypad mode and
/// alternate screen left, taken from terminfo at start) are written with `write(2)` and the
/// original terminal settings put back with `tcsetattr`; this is what `endwin` does, minus its
/// bookkeeping. The handler then hands the signal on to whoever handled it before (the default
/// action, or Swift's crash reporter), so exit status and backtraces are unchanged.
///
/// This is the one place with process-wide state: signal handlers cannot receive context.
enum TerminalRestorer {
  private static let capacity = 1024
  private static let handledSignals: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE,
  ]
  private static let maxSignal = 65

  nonisolated(unsafe) private static var resetBytes = UnsafeMutablePointer<UInt8>.allocate(
    capacity: capacity)
  nonisolated(unsafe) private static var resetCount = 0
  nonisolated(unsafe) private static var savedSettings = UnsafeMutablePointer<termios>.allocate(
    capacity: 1)
  nonisolated(unsafe) private static var hasSavedSettings = false
  nonisolated(unsafe) private static var previousActions = UnsafeMutablePointer<sigaction>
    .allocate(capacity: maxSignal)
  nonisolated(unsafe) private static var armed = false
  nonisolated(unsafe) private static var installed = false

  /// True while a restore is pending (a terminal is running).
  static var isArmed: Bool { armed }

  /// Installs the signal handlers and the `atexit` hook, once per process. Call before
  /// `newterm`, so ncurses sees handlers already in place and leaves SIGINT/SIGTERM to us.
  static func install() {
    guard !installed else { return }
    installed = true
    // Touch every piece of state now, so the handler never triggers lazy initialisation.
    _ = (resetBytes, resetCount, savedSettings, hasSavedSettings, previousActions, armed)
    for signal in handledSignals {
      // A signal the user chose to ignore (nohup) stays ignored.
      let current = previousActions + Int(signal)
      sigaction(signal, nil, current)
      if isIgnored(current.pointee) { continue }
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handleSignal
      #else
        action.__sigaction_u.__sa_handler = handleSignal
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signal, &action, previousActions + Int(signal))
    }
    atexit(restoreAtExit)
  }

  /// True when `action` is `SIG_IGN` (which Swift cannot import as a constant: it is the
  /// handler pointer 1).
  private static func isIgnored(_ action: sigaction) -> Bool {
    #if canImport(Glibc)
      let handler = action.__sigaction_handler.sa_handler
    #else
      let handler = action.__sigaction_u.__sa_handler
    #endif
    return unsafeBitCast(handler, to: Int.self) == 1
  }

  /// Records what to write and which settings to restore, and enables the restore.
  static func arm(resetSequence: [UInt8], settings: termios?) {
    armed = false
    let count = min(resetSequence.count, capacity)
    resetSequence.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { resetBytes.update(from: base, count: count) }
    }
    resetCount = count
    if let settings {
      savedSettings.pointee = settings
      hasSavedSettings = true
    } else {
      hasSavedSettings = false
    }
    armed = true
  }

  /// Disables the restore (after `Terminal.stop()` restored the terminal itself).
  static func disarm() {
    armed = false
  }

  /// Writes the reset bytes and restores the terminal settings, once; async-signal-safe.
  static func restoreNow() {
    guard armed else { return }
    armed = false
    var offset = 0
    while offset < resetCount {
      let written = write(1, resetBytes + offset, resetCount - offset)
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    if hasSavedSettings {
      _ = tcsetattr(0, TCSANOW, savedSettings)
    }
  }

  private static let handleSignal: @convention(c) (Int32) -> Void = { signal in
    TerminalRestorer.restoreNow()
    // Hand the signal to whoever had it before (default action or crash reporter).
    if signal > 0, signal < TerminalRestorer.maxSignal {
      sigaction(signal, TerminalRestorer.previousActions + Int(signal), nil)
    }
    raise(signal)
  }

  private static let restoreAtExit: @convention(c) () -> Void = {
    TerminalRestorer.restoreNow()
  }
}
