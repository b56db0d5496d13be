/// Turns raw `InputToken`s into `Event`s: control characters, Alt as an ESC prefix, SGR mouse
/// reports and bracketed paste. Pure, so the whole input path is testable without a terminal.
///
/// Feed tokens as they are read; when no more input is waiting, call `finish()` to settle a
/// trailing lone ESC (the Escape key) or give up on an incomplete mouse report or paste. While
/// `isMidSequence` is true the rest of a sequence is on its way, and a reader should wait briefly
/// for it before calling `finish()`.
public struct InputDecoder: Sendable {
  private enum Mode: Sendable {
    case normal
    /// An ESC was read: the next key gets Alt, or ESC stands alone.
    case escape
    /// Inside `ESC [ <`, collecting `b;x;y`.
    case mouse(String)
    /// Inside bracketed paste, collecting text.
    case paste(String.UnicodeScalarView)
  }

  private var mode = Mode.normal
  /// Longest SGR mouse body accepted (`b;x;y` plus the final letter).
  private static let maxMouseBody = 32
  /// A body that can never decode, kept while the rest of an overlong report is swallowed.
  private static let invalidMouseBody = "!"

  /// Creates a decoder in its initial state.
  public init() {}

  /// True while a mouse report or a paste has begun but not ended.
  public var isMidSequence: Bool {
    switch mode {
    case .mouse, .paste: true
    case .normal, .escape: false
    }
  }

  /// True while inside a bracketed paste.
  public var isPasting: Bool {
    if case .paste = mode { return true }
    return false
  }

  /// Decodes one token; returns the events it completes (often none or one).
  public mutating func feed(_ token: InputToken) -> [Event] {
    switch mode {
    case .normal:
      return normal(token)
    case .escape:
      return afterEscape(token)
    case .mouse(let body):
      return inMouseReport(body, token)
    case .paste(let text):
      return inPaste(text, token)
    }
  }

  /// Ends a burst of input: a pending ESC becomes the Escape key, an unfinished paste is
  /// delivered as it stands, and an unfinished mouse report is dropped.
  public mutating func finish() -> [Event] {
    defer { mode = .normal }
    switch mode {
    case .normal, .mouse:
      return []
    case .escape:
      return [.key(Key(.escape))]
    case .paste(let text):
      return InputDecoder.pasteEvent(text)
    }
  }

  /// Decodes a complete burst: every token, then `finish()`, then `coalesce`.
  public static func decode(_ tokens: [InputToken]) -> [Event] {
    var decoder = InputDecoder()
    var events = tokens.flatMap { decoder.feed($0) }
    events += decoder.finish()
    return coalesce(events)
  }

  // MARK: - Modes

  private mutating func normal(_ token: InputToken) -> [Event] {
    switch token {
    case .scalar(let scalar):
      if scalar.value == 27 {
        mode = .escape
        return []
      }
      return InputDecoder.key(for: scalar).map { [.key($0)] } ?? []
    case .keyName(let name):
      return KeyName.decode(name).map { [.key($0)] } ?? []
    case .mouseReportStart:
      mode = .mouse("")
      return []
    case .pasteStart:
      mode = .paste(String.UnicodeScalarView())
      return []
    case .pasteEnd:
      return []
    case .resize(let size):
      return [.resize(size)]
    }
  }

  private mutating func afterEscape(_ token: InputToken) -> [Event] {
    switch token {
    case .scalar(let scalar) where scalar.value == 27:
      // ESC ESC: the first was the Escape key; the second may still prefix a key.
      return [.key(Key(.escape))]
    case .scalar(let scalar):
      mode = .normal
      guard var key = InputDecoder.key(for: scalar) else { return [] }
      key.modifiers.insert(.alt)
      return [.key(key)]
    case .keyName(let name):
      mode = .normal
      guard var key = KeyName.decode(name) else { return [] }
      key.modifiers.insert(.alt)
      return [.key(key)]
    case .mouseReportStart, .pasteStart, .pasteEnd, .resize:
      mode = .normal
      return [.key(Key(.escape))] + normal(token)
    }
  }

  private mutating func inMouseReport(_ body: String, _ token: InputToken) -> [Event] {
    guard case .scalar(let scalar) = token else {
      mode = .normal
      return normal(token)
    }
    switch scalar {
    case "0"..."9", ";":
      guard body.unicodeScalars.count < InputDecoder.maxMouseBody else {
        // Too long to be real: swallow the rest of it, then drop it at its final letter.
        mode = .mouse(InputDecoder.invalidMouseBody)
        return []
      }
      mode = .mouse(body + String(Character(scalar)))
      return []
    case "M", "m":
      mode = .normal
      return SGRMouseReport.decode(body + String(Character(scalar))).map { [.mouse($0)] } ?? []
    default:
      // Not a mouse report after all: drop what was collected and read this token afresh.
      mode = .normal
      return normal(token)
    }
  }

  private mutating func inPaste(_ text: String.UnicodeScalarView, _ token: InputToken) -> [Event] {
    var text = text
    switch token {
    case .scalar(let scalar):
      // Keep text, tabs and line breaks; never keep ESC or other controls.
      if scalar == "\t" || scalar == "\n" || scalar == "\r" || !ControlPicture.isControl(scalar) {
        text.append(scalar)
      }
    case .keyName(let name):
      if name == "KEY_ENTER" { text.append("\n") }
    case .mouseReportStart:
      text.append(contentsOf: "[<".unicodeScalars)
    case .pasteStart:
      break
    case .pasteEnd:
      mode = .normal
      return InputDecoder.pasteEvent(text)
    case .resize(let size):
      mode = .paste(text)
      return [.resize(size)]
    }
    mode = .paste(text)
    return []
  }

  // MARK: - Helpers

  private static func pasteEvent(_ scalars: String.UnicodeScalarView) -> [Event] {
    var text = ""
    for character in String(scalars) {
      text.append(character == "\r\n" || character == "\r" ? "\n" : character)
    }
    return text.isEmpty ? [] : [.paste(text)]
  }

  /// The key for a character read on its own: Enter, Tab, Backspace (127 or 8), Ctrl+letter,
  /// or a printable character; nil for C1 controls.
  static func key(for scalar: Unicode.Scalar) -> Key? {
    switch scalar.value {
    case 13, 10: return Key(.enter)
    case 9: return Key(.tab)
    case 8, 127: return Key(.backspace)
    case 27: return Key(.escape)
    case 0: return Key(.char(" "), .ctrl)
    case 1...26:
      guard let letter = Unicode.Scalar(scalar.value + 96) else { return nil }
      return Key(.char(Character(letter)), .ctrl)
    case 28: return Key(.char("\\"), .ctrl)
    case 29: return Key(.char("]"), .ctrl)
    case 30: return Key(.char("^"), .ctrl)
    case 31: return Key(.char("_"), .ctrl)
    case 0x80...0x9F: return nil
    default: return Key(.char(Character(scalar)))
    }
  }
}
