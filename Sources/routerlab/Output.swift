#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered writes to a file descriptor, flushed when large and on demand.
struct FileOutput {
  let fd: Int32
  private var buffer: [UInt8] = []
  private let limit: Int

  init(fd: Int32, bufferSize: Int = 1 << 16) {
    self.fd = fd
    self.limit = bufferSize
    buffer.reserveCapacity(bufferSize + 4096)
  }

  mutating func write(_ s: String) {
    buffer.append(contentsOf: s.utf8)
    if buffer.count >= limit { flush() }
  }

  mutating func writeLine(_ s: String) {
    write(s)
    buffer.append(0x0A)
    if buffer.count >= limit { flush() }
  }

  mutating func flush() {
    var offset = 0
    buffer.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      while offset < raw.count {
        let n = Glibc.write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return  // the reader went away (EPIPE); nothing useful to do
        }
        offset += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Writes a message to standard error.
func printError(_ message: String) {
  var err = FileOutput(fd: 2)
  err.writeLine(message)
  err.flush()
}
