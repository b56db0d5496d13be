#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one HTTP/1.1 request (request line, headers, Content-Length body) from a socket, with
/// bounded sizes: enough for the test server, which answers and closes each connection.
enum HTTPRequestReader {
  struct Raw {
    var method: String
    var path: String
    var headers: [String: String]
    var body: String
  }

  static let maxBytes = 4 << 20

  static func read(_ fd: Int32) -> Raw? {
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    var headerEnd: Int?
    var contentLength = 0
    while data.count < maxBytes {
      if let end = headerEnd, data.count >= end + contentLength { break }
      let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n <= 0 { return nil }
      data.append(contentsOf: chunk[0..<n])
      if headerEnd == nil, let end = find(data) {
        headerEnd = end
        contentLength = lengthHeader(data[0..<end])
        // curl holds back a large body until told to go on.
        if data.count < end + contentLength, String(decoding: data[0..<end], as: UTF8.self).lowercased().contains("expect: 100-continue") {
          let go = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
          _ = go.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
      }
    }
    guard let end = headerEnd else { return nil }
    let head = String(decoding: data[0..<end], as: UTF8.self)
    var lines = head.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
    guard !lines.isEmpty else { return nil }
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let value = line[line.index(after: colon)...].drop { $0 == " " }
      headers[line[..<colon].lowercased()] = String(value)
    }
    let bodyBytes = data[end..<min(data.count, end + contentLength)]
    return Raw(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
               body: String(decoding: bodyBytes, as: UTF8.self))
  }

  /// Index just past the blank line that ends the headers.
  private static func find(_ d: [UInt8]) -> Int? {
    guard d.count >= 4 else { return nil }
    for i in 0...(d.count - 4) where d[i] == 13 && d[i + 1] == 10 && d[i + 2] == 13 && d[i + 3] == 10 {
      return i + 4
    }
    return nil
  }

  private static func lengthHeader(_ head: ArraySlice<UInt8>) -> Int {
    let text = String(decoding: head, as: UTF8.self).lowercased()
    for line in text.split(separator: "\r\n") where line.hasPrefix("content-length:") {
      return min(Int(line.dropFirst(15).trimmingPrefix(while: { $0 == " " })) ?? 0, maxBytes)
    }
    return 0
  }
}

extension Substring {
  fileprivate func trimmingPrefix(while p: (Character) -> Bool) -> Substring { drop(while: p) }
}
