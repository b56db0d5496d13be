/// The query box's text and cursor, edited by grapheme cluster so wide characters, emoji and
/// combining marks move and delete as one.
public struct QueryField: Equatable, Sendable {
  /// The text as grapheme clusters.
  public private(set) var characters: [Character] = []
  /// Cursor position: 0...characters.count, before the character at that index.
  public private(set) var cursor = 0

  /// Longest text the box holds; longer pastes are cut (the router cuts even earlier).
  public static let maxCharacters = 100_000

  public init(_ text: String = "") {
    set(text)
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }

  /// Replaces the text and puts the cursor at the end.
  public mutating func set(_ text: String) {
    characters = Array(Self.clean(text).prefix(Self.maxCharacters))
    cursor = characters.count
  }

  /// Inserts typed or pasted text at the cursor. Line breaks become spaces and other control
  /// characters are dropped, so nothing pasted can reach the terminal or break the one-line box.
  public mutating func insert(_ text: String) {
    let cleaned = Self.clean(text)
    let room = Self.maxCharacters - characters.count
    guard room > 0, !cleaned.isEmpty else { return }
    let add = Array(cleaned.prefix(room))
    characters.insert(contentsOf: add, at: cursor)
    cursor += add.count
  }

  static func clean(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      switch s.value {
      case 0x0A, 0x0D, 0x09: out.append(" ")
      case 0..<0x20, 0x7F, 0x80..<0xA0: continue
      default: out.append(s)
      }
    }
    return String(out)
  }

  public mutating func moveLeft() { cursor = max(0, cursor - 1) }
  public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
  public mutating func moveHome() { cursor = 0 }
  public mutating func moveEnd() { cursor = characters.count }

  /// Words are runs of anything but white space and punctuation (so an emoji is a word too).
  private static func isWordCharacter(_ c: Character) -> Bool { !c.isWhitespace && (!c.isPunctuation || c == "'") }

  /// Start of the word before the cursor (skipping spaces and punctuation first).
  func wordStartBefore(_ i: Int) -> Int {
    var k = i
    while k > 0 && !Self.isWordCharacter(characters[k - 1]) { k -= 1 }
    while k > 0 && Self.isWordCharacter(characters[k - 1]) { k -= 1 }
    return k
  }

  /// End of the word after the cursor.
  func wordEndAfter(_ i: Int) -> Int {
    var k = i
    while k < characters.count && !Self.isWordCharacter(characters[k]) { k += 1 }
    while k < characters.count && Self.isWordCharacter(characters[k]) { k += 1 }
    return k
  }

  public mutating func moveWordLeft() { cursor = wordStartBefore(cursor) }
  public mutating func moveWordRight() { cursor = wordEndAfter(cursor) }

  public mutating func deleteBackward() {
    guard cursor > 0 else { return }
    characters.remove(at: cursor - 1)
    cursor -= 1
  }

  public mutating func deleteForward() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  public mutating func deleteWordBackward() {
    let start = wordStartBefore(cursor)
    characters.removeSubrange(start..<cursor)
    cursor = start
  }

  public mutating func deleteWordForward() {
    let end = wordEndAfter(cursor)
    characters.removeSubrange(cursor..<end)
  }

  public mutating func deleteToStart() {
    characters.removeSubrange(0..<cursor)
    cursor = 0
  }

  public mutating func deleteToEnd() {
    characters.removeSubrange(cursor..<characters.count)
  }

  public mutating func clear() {
    characters.removeAll()
    cursor = 0
  }
}
