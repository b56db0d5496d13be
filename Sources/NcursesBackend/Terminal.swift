import CNcursesw
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal, driven through ncursesw: start it, read `Event`s, draw `Frame`s, stop it.
///
/// ```swift
/// let terminal = try Terminal.start(TerminalOptions(color: nil, mouse: true))
/// defer { terminal.stop() }
/// let theme = loadedTheme.resolve(terminal.profile)
/// terminal.draw(view(state, terminal.size), theme: theme)
/// loop: while true {
///   for event in try terminal.nextEvents(timeoutMs: 100) { ... update ... }
///   terminal.draw(view(state, terminal.size), theme: theme)
/// }
/// ```
///
/// Only one terminal runs at a time. Use it from one thread (the main one); it is not Sendable.
/// If the process is interrupted, killed, crashes or exits without `stop()`, the terminal is
/// still restored (see `TerminalRestorer`).
public final class Terminal {
  /// The colour profile in use; resolve themes with it.
  public let profile: ColorProfile
  /// The `TERM` the terminal was started with.
  public let terminalType: String
  /// True until `stop()`.
  public private(set) var isRunning = true
  /// True while mouse reports are requested from the terminal.
  public private(set) var mouseCapture: Bool

  let screen: OpaquePointer
  let window: UnsafeMutablePointer<WINDOW>
  let options: TerminalOptions
  var decoder = InputDecoder()
  var pairs: ColorPairAllocator
  /// Whether `use_default_colors` worked, so colour -1 means the terminal's own colour.
  let hasDefaultColors: Bool
  var cursorShown: Bool?
  /// Consecutive wake-ups that said "readable" but yielded no input: end of input.
  var emptyWakeups = 0

  /// Private key codes ncurses returns for sequences registered with `define_key`.
  static let mouseReportCode: Int32 = 0x7000
  static let pasteStartCode: Int32 = 0x7001
  static let pasteEndCode: Int32 = 0x7002

  static let mouseOn = "\u{1B}[?1002h\u{1B}[?1006h"
  static let mouseOff = "\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1000l"
  static let pasteOn = "\u{1B}[?2004h"
  static let pasteOff = "\u{1B}[?2004l"

  private init(
    screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, profile: ColorProfile,
    terminalType: String, options: TerminalOptions, hasDefaultColors: Bool
  ) {
    self.screen = screen
    self.window = window
    self.profile = profile
    self.terminalType = terminalType
    self.options = options
    self.mouseCapture = options.mouse
    self.hasDefaultColors = hasDefaultColors
    self.pairs = ColorPairAllocator(capacity: profile == .mono ? 1 : Int(routerlab_color_pairs()))
  }

  deinit {
    stop()
  }

  /// Takes over the terminal: alternate screen, raw keyboard input, colours, mouse and paste.
  ///
  /// Refuses, with a message saying why, when standard input or output is not a terminal, when
  /// `TERM` is unset, `dumb`, unknown to terminfo or cannot address the cursor, and when a
  /// terminal is already running.
  /// A parent may start us with signals blocked (thread pools block them, and a child inherits
  /// the mask): then no SIGWINCH would ever reach ncurses and resizes would go unseen, and Ctrl+C
  /// from `kill` would not restore the terminal. Unblock the ones a terminal program lives on.
  static func unblockTerminalSignals() {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCONT, SIGTSTP] { sigaddset(&set, signal) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  public static func start(_ options: TerminalOptions = TerminalOptions()) throws(TerminalError)
    -> Terminal
  {
    guard !TerminalRestorer.isArmed else { throw .alreadyRunning }
    guard isatty(0) == 1 else { throw .notATerminal("standard input") }
    guard isatty(1) == 1 else { throw .notATerminal("standard output") }
    guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
      throw .terminalTypeUnset
    }
    guard term != "dumb" else { throw .dumbTerminal }

    selectUTF8Locale()
    unblockTerminalSignals()
    var shellSettings = termios()
    let haveSettings = tcgetattr(0, &shellSettings) == 0
    TerminalRestorer.install()

    // newterm, unlike initscr, returns NULL for an unknown TERM instead of exiting.
    guard let screen = routerlab_newterm(), let window = routerlab_stdscr() else {
      throw .unknownTerminal(term)
    }
    guard routerlab_string_cap("cup") != nil else {
      endwin()
      delscreen(screen)
      throw .noCursorAddressing(term)
    }

    raw()
    noecho()
    nonl()
    keypad(window, true)
    intrflush(window, false)
    meta(window, true)
    set_escdelay(25)
    wtimeout(window, 0)
    curs_set(0)

    var hasDefaultColors = false
    var detected = ColorProfile.mono
    if has_colors() {
      start_color()
      hasDefaultColors = use_default_colors() == OK
      detected = ColorProfile.detect(
        colors: Int(routerlab_colors()), hasColors: true, noColor: nil)
    }
    let noColor = getenv("NO_COLOR").map { String(cString: $0) }
    let profile =
      options.color.map { $0.capped(at: detected) }
      ?? ColorProfile.detect(
        colors: Int(routerlab_colors()), hasColors: has_colors(), noColor: noColor)

    if options.mouse {
      // Drop ncurses' own mouse sequence so ours is the only binding for the SGR prefix.
      define_key(nil, KEY_MOUSE)
      define_key("\u{1B}[<", mouseReportCode)
    }
    defineFallbackKeys()
    if options.bracketedPaste {
      define_key("\u{1B}[200~", pasteStartCode)
      define_key("\u{1B}[201~", pasteEndCode)
    }

    TerminalRestorer.arm(
      resetSequence: resetSequence(), settings: haveSettings ? shellSettings : nil)

    let terminal = Terminal(
      screen: screen, window: window, profile: profile, terminalType: term, options: options,
      hasDefaultColors: hasDefaultColors)
    // First refresh: enters the alternate screen and clears it; flushes ncurses' output before
    // the modes below are written straight to the terminal.
    werase(window)
    wnoutrefresh(window)
    doupdate()
    var modes = ""
    if options.mouse { modes += mouseOn }
    if options.bracketedPaste { modes += pasteOn }
    writeToTerminal(modes)
    return terminal
  }

  /// Gives the terminal back: mouse and paste modes off, cursor visible, ncurses ended, shell
  /// settings restored. Safe to call more than once.
  public func stop() {
    guard isRunning else { return }
    isRunning = false
    Terminal.writeToTerminal(Terminal.mouseOff + Terminal.pasteOff)
    curs_set(1)
    endwin()
    delscreen(screen)
    TerminalRestorer.disarm()
  }

  /// The terminal's current size in cells.
  public var size: Size {
    guard isRunning else { return .zero }
    return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  /// Turns mouse reporting on or off, e.g. off to let the user select text natively.
  ///
  /// Has no effect when the terminal was started with `mouse: false`.
  public func setMouseCapture(_ on: Bool) {
    guard isRunning, options.mouse, on != mouseCapture else { return }
    mouseCapture = on
    Terminal.writeToTerminal(on ? Terminal.mouseOn : Terminal.mouseOff)
  }

  /// Common encodings of navigation keys, recognised even when the terminfo entry for `TERM`
  /// does not list them (e.g. `TERM=xterm-256color` inside tmux sends Home as `ESC [ 1 ~`).
  static let fallbackKeys: [(sequence: String, name: String)] = [
    ("\u{1B}[1~", "KEY_HOME"), ("\u{1B}[7~", "KEY_HOME"), ("\u{1B}[H", "KEY_HOME"),
    ("\u{1B}OH", "KEY_HOME"), ("\u{1B}[4~", "KEY_END"), ("\u{1B}[8~", "KEY_END"),
    ("\u{1B}[F", "KEY_END"), ("\u{1B}OF", "KEY_END"), ("\u{1B}[A", "KEY_UP"),
    ("\u{1B}OA", "KEY_UP"), ("\u{1B}[B", "KEY_DOWN"), ("\u{1B}OB", "KEY_DOWN"),
    ("\u{1B}[C", "KEY_RIGHT"), ("\u{1B}OC", "KEY_RIGHT"), ("\u{1B}[D", "KEY_LEFT"),
    ("\u{1B}OD", "KEY_LEFT"), ("\u{1B}[2~", "KEY_IC"), ("\u{1B}[3~", "KEY_DC"),
    ("\u{1B}[5~", "KEY_PPAGE"), ("\u{1B}[6~", "KEY_NPAGE"), ("\u{1B}[Z", "KEY_BTAB"),
  ]
  /// First private key code of `fallbackKeys` (one code per entry, in order).
  static let fallbackKeyBase: Int32 = 0x7010

  /// Registers each `fallbackKeys` sequence that the terminfo entry leaves unbound.
  private static func defineFallbackKeys() {
    for (offset, key) in fallbackKeys.enumerated() where key_defined(key.sequence) == 0 {
      define_key(key.sequence, fallbackKeyBase + Int32(offset))
    }
  }

  /// Bytes that undo everything the terminal was put into, for `TerminalRestorer`.
  private static func resetSequence() -> [UInt8] {
    var bytes = Array((mouseOff + pasteOff).utf8)
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      if let value = routerlab_string_cap(capability) {
        bytes += Array(String(cString: value).utf8)
      }
    }
    return bytes
  }

  /// Makes wide characters work: the user's locale, or C.UTF-8 when that is not UTF-8.
  private static func selectUTF8Locale() {
    setlocale(LC_ALL, "")
    let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
    if codeset.uppercased() != "UTF-8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  /// Writes escape sequences straight to the terminal (ncurses has no call for these modes).
  static func writeToTerminal(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { raw in
        write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        return
      }
    }
  }
}
