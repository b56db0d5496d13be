import RouterCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The decision log on disk: JSON Lines, created with mode 0600, one flushed line per decision.
final class DecisionLogFile: Sendable {
  private let fd: Int32
  let path: String

  /// Opens `path` for appending, creating it readable by its owner only.
  init(path: String) throws {
    self.path = path
    // O_NOFOLLOW: never write patient text through a symbolic link someone planted.
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else {
      throw CommandError("cannot open the decision log \(path): \(String(cString: strerror(errno)))")
    }
    // An existing log keeps its owner's data private too.
    fchmod(fd, 0o600)
    self.fd = fd
  }

  deinit { close(fd) }

  /// Appends one record with a single write(2), so a line is never split or left in a buffer.
  func append(_ record: DecisionRecord) {
    var line = Array(record.jsonLine.utf8)
    line.append(0x0A)
    line.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      var offset = 0
      while offset < raw.count {
        let n = write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}

/// An error for the user, printed as `routerlab: message` with a non-zero exit.
struct CommandError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}
