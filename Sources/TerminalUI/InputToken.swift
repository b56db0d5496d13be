/// One unit of raw input as a terminal library reports it, before it becomes an `Event`.
///
/// The ncurses backend turns each `wget_wch` result into a token; `InputDecoder` does the rest,
/// so key and mouse decoding can be tested without a terminal.
public enum InputToken: Equatable, Sendable {
  /// A character as read (control characters included: 3 for Ctrl+C, 27 for ESC, 127 for DEL).
  case scalar(Unicode.Scalar)
  /// A function key by its terminfo key name as `keyname()` reports it: `KEY_UP`, `KEY_F(5)`,
  /// `KEY_BTAB`, or an extended name with an xterm modifier digit such as `kRIT5` (Ctrl+Right).
  case keyName(String)
  /// The prefix `ESC [ <` of an SGR mouse report; `b;x;y` and `M` or `m` follow as scalars.
  case mouseReportStart
  /// `ESC [ 200 ~`: bracketed paste begins.
  case pasteStart
  /// `ESC [ 201 ~`: bracketed paste ends.
  case pasteEnd
  /// The terminal was resized to this size.
  case resize(Size)
}
