import Foundation

/// Trained classifier weights kept on disk, so start-up reads them instead of training again.
///
/// Training the clinic classifier takes about a quarter of a second (release); reading its weights back
/// takes about a millisecond. A file is named by a SHA-256 over everything training reads: the
/// examples, the classes, the training and hashing settings, what the feature hasher and the
/// encoder make of a probe sentence, and a `salt` naming the build (the executable's size and
/// time), so a changed scenario, setting or program never reads stale weights. A file that is
/// missing, short or of another format is ignored and the model is trained again. Writing is
/// best effort: a cache that cannot be written only means training next time.
public struct ModelCache: Sendable {
  public let directory: URL
  public let salt: String
  /// Files kept; older ones are removed after a write.
  public static let keep = 8

  public init(directory: URL, salt: String) {
    self.directory = directory
    self.salt = salt
  }

  /// The cache a command uses: `ROUTERLAB_CACHE_DIR`, else `$XDG_CACHE_HOME/routerlab`, else
  /// `~/.cache/routerlab`; nil when `ROUTERLAB_NO_CACHE` is set or there is no home.
  public static func standard(salt: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> ModelCache?
  {
    if let off = environment["ROUTERLAB_NO_CACHE"], !off.isEmpty { return nil }
    if let dir = environment["ROUTERLAB_CACHE_DIR"], !dir.isEmpty {
      return ModelCache(directory: URL(fileURLWithPath: dir), salt: salt)
    }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return ModelCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("routerlab"), salt: salt)
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return ModelCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/routerlab"), salt: salt)
  }

  static let magic = Array("RLMODEL1".utf8)
  static let fileExtension = "weights"

  func url(key: String) -> URL { directory.appendingPathComponent("\(key).\(Self.fileExtension)") }

  /// The bias and weights stored under `key`, if a well-formed file holds exactly the sizes asked.
  func load(key: String, classes: Int, weights count: Int) -> (bias: [Float], weights: [Float])? {
    guard let data = try? Data(contentsOf: url(key: key), options: .alwaysMapped) else { return nil }
    let header = Self.magic.count + 8
    guard data.count == header + 4 * (classes + count), Array(data.prefix(Self.magic.count)) == Self.magic else {
      return nil
    }
    return data.withUnsafeBytes { raw -> (bias: [Float], weights: [Float])? in
      let storedClasses = raw.loadUnaligned(fromByteOffset: Self.magic.count, as: UInt32.self)
      let storedCount = raw.loadUnaligned(fromByteOffset: Self.magic.count + 4, as: UInt32.self)
      guard Int(UInt32(littleEndian: storedClasses)) == classes, Int(UInt32(littleEndian: storedCount)) == count
      else { return nil }
      func floats(at offset: Int, _ n: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
          let bytes = UnsafeMutableRawBufferPointer(buffer)
          bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 4 * n)]))
          for i in 0..<n { buffer[i] = Float(bitPattern: UInt32(littleEndian: buffer[i].bitPattern)) }
          initialized = n
        }
      }
      return (floats(at: header, classes), floats(at: header + 4 * classes, count))
    }
  }

  /// Stores `bias` and `weights` under `key` (written to a temporary file, then renamed, so a
  /// reader never sees half a file), then removes all but the newest `keep` files.
  func store(key: String, bias: [Float], weights: [Float]) {
    let fm = FileManager.default
    do {
      try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      var data = Data(Self.magic)
      data.reserveCapacity(Self.magic.count + 8 + 4 * (bias.count + weights.count))
      for n in [UInt32(bias.count), UInt32(weights.count)] { withUnsafeBytes(of: n.littleEndian) { data.append(contentsOf: $0) } }
      for values in [bias, weights] {
        values.withUnsafeBufferPointer { buffer in
          for v in buffer { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
      }
      let final = url(key: key)
      // Unique per write: two builds of one scenario (threads of one process) may store at once.
      let temporary = directory.appendingPathComponent(
        ".\(key).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp")
      guard fm.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
      if rename(temporary.path, final.path) != 0 { try? fm.removeItem(at: temporary) }
      prune()
    } catch {
      return
    }
  }

  /// Removes all but the newest `keep` weight files.
  private func prune() {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
    let files = names.filter { $0.hasSuffix(".\(Self.fileExtension)") }.map { directory.appendingPathComponent($0) }
    guard files.count > Self.keep else { return }
    let dated = files.map { url -> (URL, Date) in
      let date = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
      return (url, date)
    }
    for (url, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keep) { try? fm.removeItem(at: url) }
  }
}

/// The bytes a model-cache key is the SHA-256 of: strings (each ended by a NUL), little-endian
/// 32-bit numbers, floats by their bits, and labelled examples.
struct CacheKey {
  /// Fed as the key grows: the examples alone are megabytes, never held as one byte string.
  private var hasher = SHA256.Hasher()

  /// A key for a `kind` of model, named for the build by `salt`.
  init(_ kind: String, salt: String) {
    add(kind)
    add(salt)
  }

  mutating func add(_ s: String) {
    hasher.update(s.utf8)
    hasher.update(CollectionOfOne(0))
  }

  mutating func add(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { hasher.update($0) } }
  mutating func add(_ v: Int) { add(UInt32(truncatingIfNeeded: v)) }
  mutating func add(_ f: Float) { add(f.bitPattern) }

  mutating func add(_ v: UInt64) {
    add(UInt32(truncatingIfNeeded: v))
    add(UInt32(truncatingIfNeeded: v >> 32))
  }

  /// What an encoder makes of `sentence`, with its width, table size and the table's fingerprint.
  mutating func add(encoder: StaticEmbeddingEncoder, probe sentence: String) {
    add(encoder.dim)
    add(encoder.table.rows)
    add(encoder.table.fingerprint)
    for x in encoder.encode(sentence) { add(x) }
  }

  mutating func add(examples: [LabeledExample]) {
    for ex in examples {
      add(ex.route)
      add(ex.text)
    }
  }

  /// The key: SHA-256 of the bytes, as hex.
  var hex: String { hasher.hex() }
}
