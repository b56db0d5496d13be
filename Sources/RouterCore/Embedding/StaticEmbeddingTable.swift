import Foundation

/// One vector per vocabulary token, stored as int8 with a float scale per row.
///
/// The file (`minilm-static.bin`, written by `scripts/distill_embeddings.py`) is little-endian:
/// the magic `RLSTATIC`, then six UInt32 (version 1, rows, dim, flags, offset of the scales,
/// offset of the values), `rows` Float32 scales, and `rows × dim` Int8 values. Row `r`,
/// component `j` is `values[r * dim + j] * scales[r]`. The file is memory-mapped, so loading
/// costs a header check and the pages a message touches are read on demand.
public struct StaticEmbeddingTable: Sendable {
  /// Number of rows (vocabulary size).
  public let rows: Int
  /// Components per row.
  public let dim: Int
  private let data: Data
  private let scalesOffset: Int
  private let valuesOffset: Int
  /// A 64-bit digest of every row's scale and a sample of the values (every 61st row), for
  /// model-cache keys: a re-distilled table has other scales, so weights trained on the old
  /// one are not read back. About 30 µs, once.
  public let fingerprint: UInt64

  /// Why a table could not be read.
  public struct FormatError: Error, CustomStringConvertible {
    public var description: String
  }

  static let magic = Array("RLSTATIC".utf8)
  static let version: UInt32 = 1
  static let headerSize = 32

  /// Maps the file at `url` and checks its header and size.
  public init(contentsOf url: URL) throws {
    try self.init(data: Data(contentsOf: url, options: .alwaysMapped))
  }

  /// Reads a table held in memory (tests build small ones).
  public init(data: Data) throws(FormatError) {
    guard data.count >= Self.headerSize, Array(data.prefix(8)) == Self.magic else {
      throw FormatError(description: "not a RouterLab static embedding table (bad magic)")
    }
    func u32(_ at: Int) -> Int {
      var v: UInt32 = 0
      for i in 0..<4 { v |= UInt32(data[data.startIndex + at + i]) << (8 * UInt32(i)) }
      return Int(v)
    }
    let version = u32(8)
    guard version == Self.version else {
      throw FormatError(description: "table format version \(version), this build reads \(Self.version)")
    }
    rows = u32(12)
    dim = u32(16)
    scalesOffset = u32(24)
    valuesOffset = u32(28)
    guard rows > 0, dim > 0, scalesOffset % 4 == 0, scalesOffset >= Self.headerSize,
      valuesOffset >= scalesOffset + 4 * rows, data.count >= valuesOffset + rows * dim
    else {
      throw FormatError(description: "table header does not match its size (\(rows) × \(dim), \(data.count) bytes)")
    }
    self.data = data
    fingerprint = Self.digest(data, rows: rows, dim: dim, scalesOffset: scalesOffset, valuesOffset: valuesOffset)
  }

  static func digest(_ data: Data, rows: Int, dim: Int, scalesOffset: Int, valuesOffset: Int) -> UInt64 {
    data.withUnsafeBytes { raw -> UInt64 in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      @inline(__always) func mix(_ v: UInt64) {
        h = (h ^ v) &* 0x0000_0100_0000_01B3
        h ^= h >> 29
      }
      var offset = scalesOffset
      while offset + 8 <= scalesOffset + 4 * rows {
        mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
      }
      for row in stride(from: 0, to: rows, by: 61) {
        let start = valuesOffset + row * dim
        var j = 0
        while j + 8 <= dim {
          mix(raw.loadUnaligned(fromByteOffset: start + j, as: UInt64.self))
          j += 8
        }
      }
      return h
    }
  }

  /// Adds the rows `ids` to `sum` (which holds `dim` floats), skipping ids outside the table;
  /// one trip into the mapped bytes for the lot.
  @inline(__always)
  public func accumulate(rows ids: [Int32], into sum: UnsafeMutablePointer<Float>) {
    data.withUnsafeBytes { raw in
      guard let start = raw.baseAddress else { return }
      let dim = dim
      for id in ids where id >= 0 && Int(id) < rows {
        let row = Int(id)
        let scale = raw.loadUnaligned(fromByteOffset: scalesOffset + 4 * row, as: Float.self)
        let values = start.advanced(by: valuesOffset + row * dim).assumingMemoryBound(to: Int8.self)
        // A plain loop: the compiler vectorises it (no sum to reorder); explicit SIMD was slower.
        for j in 0..<dim { sum[j] += Float(values[j]) * scale }
      }
    }
  }

  /// Row `row` as floats.
  public func row(_ row: Int) -> [Float] {
    var out = [Float](repeating: 0, count: dim)
    out.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { accumulate(rows: [Int32(row)], into: base) }
    }
    return out
  }
}
