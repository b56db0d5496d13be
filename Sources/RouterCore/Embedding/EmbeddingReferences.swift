/// A scenario's labelled reference examples as unit vectors, searchable by cosine similarity.
///
/// The search is exact (each route's nearest reference is the one comparing every component of
/// every reference in floats finds, up to float rounding; EmbeddingSearchTests checks it against
/// brute force) but does a fraction of the work. The table's axes are rotated so the first
/// components of a sentence vector carry most of its energy (scripts/distill_embeddings.py),
/// which gives every reference a cheap upper bound after its first `c` components, by
/// Cauchy–Schwarz on the rest:
///
///     q·r ≤ q[..<c]·r[..<c] + |q[c...]| · |r[c...]|
///
/// 1. **Screen** every reference on the first `prefix` components.
/// 2. **Seed:** finish each route's best screened reference; its similarity is a real one to beat.
/// 3. **Finish only what could win,** `chunk` components at a time, dropping what can no longer
///    beat its route's seed. On the clinic data (1,335 references) 39% of the panels below are
///    left after 64 components, 11% after 128, 2% after 224.
/// 4. The one or two left per route get their exact similarity in floats.
///
/// The arithmetic is in 16-bit integers (`pmaddwd`, eight multiply-adds an instruction on any
/// x86-64; half the memory of floats), on "panels" of four references of one route: one vector
/// holds two components of all four, so no horizontal sums are needed, and a panel is kept while
/// any of its four could win. Each route's references are ordered by a k-d split (halve at the
/// median of the widest component, recursively) so a panel's four are alike and tend to be
/// dropped together (panels kept after 64 components: about 40% in this order, 50% in file
/// order). The integer sums are exact, and their distance from the float similarity is bounded
/// (`roundingBound`, about 5·10⁻⁴) and allowed for in every bound, so nothing that could win is
/// dropped; references within twice that of a route's best all get the float check.
///
/// Also measured, and dropped (scripts/README-embeddings.md): k-means clusters per route with a
/// centroid and angular radius prune almost nothing (sentence vectors are all alike, and the
/// clusters are as wide as the gaps between references), nor do per-block norms or cluster
/// residuals in place of the plain Cauchy–Schwarz bound; checking every reference's bound one by
/// one (instead of panels) did less arithmetic but more bookkeeping, and was slower.
public struct EmbeddingReferences: Sendable {
  /// Route names, in the order `labels` index.
  public let routes: [String]
  public let texts: [String]
  /// Each text on one line, cut for reasons (`excerpt(_:limit:)`).
  public let excerpts: [String]
  /// Index into `routes` of each example's route.
  public let labels: [Int]
  public let dim: Int
  /// Components screened for every reference before any bound is checked (a multiple of `chunk`).
  public let prefix: Int
  /// Components finished between two bound checks. (Computed constants rather than `static let`,
  /// which the optimiser cannot see through, so the loops over a block are unrolled.)
  public static var chunk: Int { 32 }
  /// Vectors per panel and block: two components each.
  static var half: Int { 16 }

  /// Slots (four to a panel; each route's panels are one run) → index into `texts`, −1 for padding.
  private let slotOriginal: [Int]
  /// Panels of route `r`: `routePanels[r] ..< routePanels[r + 1]`.
  private let routePanels: [Int]
  /// The slots that are padding (`slotOriginal` −1).
  private let paddingSlots: [Int]
  /// `slots × dim` floats, the unit vectors in slot order (for the final check).
  private let rows: [Float]
  /// `round(x · scale)`, block-major: block `b` (components `b·chunk ..< (b+1)·chunk`) of panel
  /// `p` is `chunk / 2` vectors from `(b · panels + p) · chunk / 2`, vector `m` holding
  /// components `2m, 2m+1` of the panel's four slots.
  private let blocks: [SIMD8<Int16>]
  /// `|r[b·chunk...]|` of the four slots of panel `p` at `b · panels + p`, for each block `b`.
  private let tailNorms: [SIMD4<Float>]
  /// The largest `Σ|round(x · scale)|` over the references.
  private let maxAbsSum: Float

  static var scale: Float { 32767 }

  private var panelCount: Int { routePanels[routes.count] }
  private var blockCount: Int { (dim + Self.chunk - 1) / Self.chunk }

  /// The most similar reference of one route.
  public struct Neighbour: Sendable, Equatable {
    public var route: String
    public var text: String
    /// `text` on one line, cut for a reason.
    public var excerpt: String
    public var similarity: Double
  }

  /// Embeds `examples` whose route is one of `routes`. `prefix` (rounded down to a multiple of
  /// `chunk`) is how many components are screened before the first bound check: with the
  /// table's width everything is compared; with 0 the bound is checked from the start.
  public init(
    examples: [LabeledExample], routes: [String], encoder: StaticEmbeddingEncoder, prefix: Int = 64
  ) {
    let index = Dictionary(uniqueKeysWithValues: routes.enumerated().map { ($1, $0) })
    let usable = examples.filter { index[$0.route] != nil }
    self.init(
      routes: routes, texts: usable.map(\.text), labels: usable.compactMap { index[$0.route] },
      vectors: Self.unitVectors(usable, encoder: encoder), dim: encoder.dim, prefix: prefix)
  }

  /// The sentence vectors of `examples`, `count × dim`, row-major, in order.
  public static func unitVectors(_ examples: [LabeledExample], encoder: StaticEmbeddingEncoder) -> [Float] {
    let dim = encoder.dim
    var vectors = [Float](repeating: 0, count: examples.count * dim)
    vectors.withUnsafeMutableBufferPointer { all in
      for (i, ex) in examples.enumerated() {
        encoder.pool(
          encoder.tokenizer.ids(ex.text), into: UnsafeMutableBufferPointer(rebasing: all[(i * dim)..<((i + 1) * dim)]))
      }
    }
    return vectors
  }

  /// At most `limit` of `examples` (but one of each route, whatever the limit), in their
  /// order, so the search stays fast however many examples a scenario has: its cost grows with
  /// the references. Each route keeps its share of `limit` (largest remainders round up), and
  /// within a route the examples whose text hashes lowest (`ShadowSampler.bucket`): the choice is
  /// a deterministic, even sample of the route, whatever the order of the file.
  public static func sample(_ examples: [LabeledExample], limit: Int) -> [LabeledExample] {
    guard examples.count > limit else { return examples }
    let groups = Dictionary(grouping: examples.indices, by: { examples[$0].route })
      .sorted { $0.key < $1.key }.map(\.value)
    // Shares of `limit`, rounded down, then the remainder to the largest fractions.
    var quotas = groups.map { $0.count * limit / examples.count }
    let byFraction = groups.indices.sorted {
      (groups[$0].count * limit % examples.count, $1) > (groups[$1].count * limit % examples.count, $0)
    }
    for g in byFraction.prefix(max(0, limit - quotas.reduce(0, +))) { quotas[g] += 1 }
    var kept = Set<Int>()
    for (members, quota) in zip(groups, quotas) {
      let lowest = members.map { (bucket: ShadowSampler.bucket(examples[$0].text), index: $0) }
        .sorted { ($0.bucket, $0.index) < ($1.bucket, $1.index) }
        .prefix(max(1, quota))
      kept.formUnion(lowest.map(\.index))
    }
    return examples.indices.filter(kept.contains).map { examples[$0] }
  }

  /// References given as unit vectors (`labels.count × dim`, row-major) with their texts and
  /// labels (indices into `routes`).
  public init(
    routes: [String], texts: [String], labels: [Int], vectors: [Float], dim: Int, prefix: Int = 64
  ) {
    precondition(texts.count == labels.count && vectors.count == labels.count * dim && dim > 0)
    precondition(labels.allSatisfy { routes.indices.contains($0) })
    let step = Self.chunk
    self.routes = routes
    self.texts = texts
    excerpts = texts.map { Self.excerpt($0) }
    self.labels = labels
    self.dim = dim
    self.prefix = max(0, min(prefix, dim)) / step * step

    // Slots: each route's references in k-d order, padded to whole panels.
    var slotOriginal: [Int] = []
    var routePanels = [0]
    for r in routes.indices {
      let mine = labels.indices.filter { labels[$0] == r }
      slotOriginal += Self.kdOrder(mine, vectors: vectors, dim: dim)
      while slotOriginal.count % 4 != 0 { slotOriginal.append(-1) }
      routePanels.append(slotOriginal.count / 4)
    }
    self.slotOriginal = slotOriginal
    self.routePanels = routePanels
    paddingSlots = slotOriginal.indices.filter { slotOriginal[$0] < 0 }
    let panels = slotOriginal.count / 4
    let nBlocks = (dim + step - 1) / step
    let half = Self.half

    var rows = [Float](repeating: 0, count: slotOriginal.count * dim)
    rows.withUnsafeMutableBufferPointer { rows in
      vectors.withUnsafeBufferPointer { vectors in
        for (slot, i) in slotOriginal.enumerated() where i >= 0 {
          (rows.baseAddress! + slot * dim).update(from: vectors.baseAddress! + i * dim, count: dim)
        }
      }
    }
    self.rows = rows

    var blocks = [SIMD8<Int16>](repeating: SIMD8(), count: nBlocks * panels * half)
    var tailNorms = [SIMD4<Float>](repeating: SIMD4(), count: nBlocks * panels)
    var maxAbsSum: Float = 0
    blocks.withUnsafeMutableBytes { raw in
      let out = raw.bindMemory(to: Int16.self)
      tailNorms.withUnsafeMutableBytes { rawNorms in
        let norms = rawNorms.bindMemory(to: Float.self)
        rows.withUnsafeBufferPointer { rows in
          for slot in slotOriginal.indices where slotOriginal[slot] >= 0 {
            let p = slot / 4
            let lane = slot % 4
            var absSum: Float = 0
            var tail: Float = 0
            for b in stride(from: nBlocks - 1, through: 0, by: -1) {
              // Vector m of this block and panel holds components 2m, 2m+1 of four slots.
              let base = (b * panels + p) * half * 8 + lane * 2
              for j in stride(from: min(dim, (b + 1) * step) - 1, through: b * step, by: -1) {
                let x = rows[slot * dim + j]
                tail += x * x
                let x̃ = Self.quantize(x)
                absSum += abs(Float(x̃))
                let k = j - b * step
                out[base + (k / 2) * 8 + k % 2] = x̃
              }
              norms[(b * panels + p) * 4 + lane] = tail.squareRoot()
            }
            maxAbsSum = max(maxAbsSum, absSum)
          }
        }
      }
    }
    self.blocks = blocks
    self.tailNorms = tailNorms
    self.maxAbsSum = maxAbsSum
  }

  /// `indices` ordered so that neighbours are alike: split at the median of the component with
  /// the widest spread, recursively, down to fours.
  static func kdOrder(_ indices: [Int], vectors: [Float], dim: Int) -> [Int] {
    var order = indices
    var sum = [Float](repeating: 0, count: dim)
    var squares = [Float](repeating: 0, count: dim)
    vectors.withUnsafeBufferPointer { v in
      order.withUnsafeMutableBufferPointer { order in
        sum.withUnsafeMutableBufferPointer { sum in
          squares.withUnsafeMutableBufferPointer { squares in
            kdSplit(order[...], v.baseAddress!, dim, sum.baseAddress!, squares.baseAddress!)
          }
        }
      }
    }
    return order
  }

  private static func kdSplit(
    _ part: Slice<UnsafeMutableBufferPointer<Int>>, _ v: UnsafePointer<Float>, _ dim: Int,
    _ sum: UnsafeMutablePointer<Float>, _ squares: UnsafeMutablePointer<Float>
  ) {
    guard part.count > 4 else { return }
    sum.update(repeating: 0, count: dim)
    squares.update(repeating: 0, count: dim)
    for i in part {
      let row = v + i * dim
      for j in 0..<dim {
        sum[j] += row[j]
        squares[j] += row[j] * row[j]
      }
    }
    var widest = 0
    var spread: Float = -1
    let n = Float(part.count)
    for j in 0..<dim where squares[j] - sum[j] * sum[j] / n > spread {
      spread = squares[j] - sum[j] * sum[j] / n
      widest = j
    }
    var keyed = part.map { (key: v[$0 * dim + widest], index: $0) }
    keyed.sort { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) }
    for (k, slot) in zip(part.indices, keyed) { part.base[k] = slot.index }
    let half = part.startIndex + max(4, part.count / 2 / 4 * 4)
    kdSplit(part.base[part.startIndex..<half], v, dim, sum, squares)
    kdSplit(part.base[half..<part.endIndex], v, dim, sum, squares)
  }

  /// `x · scale` rounded to the nearest integer, for |x| ≤ 1. Adding 1.5·2²³ leaves the rounded
  /// value in the low bits of the float (no libm call, and it vectorises, unlike `rounded()` and
  /// the generic float-to-integer vector conversion).
  @inline(__always)
  static func quantize(_ x: Float) -> Int16 {
    let y = max(-scale, min(scale, x * scale)) + 12_582_912
    return Int16(truncatingIfNeeded: Int32(bitPattern: y.bitPattern &- 0x4B40_0000))
  }

  /// `quantize` of eight components at once.
  @inline(__always)
  static func quantize(_ x: SIMD8<Float>) -> SIMD8<Int16> {
    var y = x * scale
    y.replace(with: SIMD8(repeating: scale), where: y .> scale)
    y.replace(with: SIMD8(repeating: -scale), where: y .< -scale)
    y += 12_582_912
    return SIMD8<Int16>(truncatingIfNeeded: unsafeBitCast(y, to: SIMD8<Int32>.self) &- 0x4B40_0000)
  }

  public var count: Int { labels.count }

  /// Reference `i` as a unit vector.
  public func vector(_ i: Int) -> [Float] {
    guard let slot = slotOriginal.firstIndex(of: i) else { return [] }
    return Array(rows[(slot * dim)..<((slot + 1) * dim)])
  }

  /// All references' vectors, `count × dim`, row-major, in `texts` order (what a classifier trains on).
  public var vectors: [Float] {
    var out = [Float](repeating: 0, count: count * dim)
    for (slot, i) in slotOriginal.enumerated() where i >= 0 {
      for j in 0..<dim { out[i * dim + j] = rows[slot * dim + j] }
    }
    return out
  }

  /// For each route, its most similar reference to the unit vector `v`, best first;
  /// routes without references are left out.
  public func nearest(to v: UnsafeBufferPointer<Float>) -> [Neighbour] {
    nearestIndices(to: v).map {
      Neighbour(
        route: routes[$0.route], text: texts[$0.index], excerpt: excerpts[$0.index], similarity: Double($0.similarity))
    }
  }

  /// For each route with references, the index (into `texts`) of its most similar reference to
  /// `v` and the similarity, most similar first.
  public func nearestIndices(to v: UnsafeBufferPointer<Float>) -> [(route: Int, index: Int, similarity: Float)] {
    guard !labels.isEmpty, let q = v.baseAddress, v.count >= dim else { return [] }
    if !v.prefix(dim).contains(where: { $0 != 0 }) {
      // Text with no word pieces: every similarity is 0, and every reference a tie.
      return routes.indices.compactMap { r in labels.firstIndex(of: r).map { (route: r, index: $0, similarity: 0) } }
    }
    var bestSlot = [Int](repeating: -1, count: routes.count)
    var best = [Float](repeating: -.infinity, count: routes.count)
    rows.withUnsafeBufferPointer { rows in
      blocks.withUnsafeBufferPointer { blocks in
        tailNorms.withUnsafeBufferPointer { norms in
          bestSlot.withUnsafeMutableBufferPointer { bestSlot in
            best.withUnsafeMutableBufferPointer { best in
              search(
                q, rows: rows.baseAddress!, blocks: blocks.baseAddress!, norms: norms.baseAddress!,
                bestSlot: bestSlot.baseAddress!, best: best.baseAddress!)
            }
          }
        }
      }
    }
    var out: [(route: Int, index: Int, similarity: Float)] = []
    out.reserveCapacity(routes.count)
    for r in routes.indices where bestSlot[r] >= 0 {
      out.append((route: r, index: slotOriginal[bestSlot[r]], similarity: best[r]))
    }
    out.sort { $0.similarity > $1.similarity }
    return out
  }

  private func search(
    _ q: UnsafePointer<Float>, rows: UnsafePointer<Float>, blocks: UnsafePointer<SIMD8<Int16>>,
    norms: UnsafePointer<SIMD4<Float>>, bestSlot: UnsafeMutablePointer<Int>, best: UnsafeMutablePointer<Float>
  ) {
    let dim = dim
    let chunk = Self.chunk
    let half = Self.half
    let panels = panelCount
    let nBlocks = blockCount
    let screened = prefix / chunk
    let padded = nBlocks * chunk
    let inv = 1 / (Self.scale * Self.scale)
    withUnsafeTemporaryAllocation(of: SIMD4<Int32>.self, capacity: panels) { sumsBuffer in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: panels + routes.count) { aliveBuffer in
        withUnsafeTemporaryAllocation(of: SIMD8<Int16>.self, capacity: padded / 2) { qPairsBuffer in
          withUnsafeTemporaryAllocation(of: Float.self, capacity: nBlocks + 1 + routes.count) { qTailBuffer in
          withUnsafeTemporaryAllocation(of: (Int, Int32).self, capacity: routes.count) { seedBuffer in
            let sums = sumsBuffer.baseAddress!
            let alive = aliveBuffer.baseAddress!
            let qPairs = qPairsBuffer.baseAddress!
            let qTail = qTailBuffer.baseAddress!
            // Per route: a lower bound on its best similarity, and the slot that gave it.
            let lower = qTail + nBlocks + 1
            let seeds = seedBuffer.baseAddress!

            // The query in 16 bits, as (component 2m, 2m+1) × 4 vectors; its tail norms; and the
            // bound on the integer sums' distance from the float similarity:
            // |Σq̃r̃ − s²Σqr| ≤ ½Σ|q̃| + ½Σ|r̃| + ¼·dim (0.51 for ½: `x · scale` is itself a
            // rounded float), with Σ|q̃| ≤ s·Σ|q| + ½·dim; plus a margin for the bounds' rounding.
            var absSums = SIMD8<Float>()
            var j = 0
            while j < padded {
              var x = SIMD8<Float>()
              if j + 8 <= dim {
                x = UnsafeRawPointer(q + j).loadUnaligned(as: SIMD8<Float>.self)
              } else {
                for k in 0..<8 where j + k < dim { x[k] = q[j + k] }
              }
              absSums += unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
              // Each 32-bit lane of the quantised vector is one pair; repeat it four times.
              let pairs = unsafeBitCast(Self.quantize(x), to: SIMD4<Int32>.self)
              let m = j / 2
              qPairs[m] = unsafeBitCast(SIMD4<Int32>(repeating: pairs[0]), to: SIMD8<Int16>.self)
              qPairs[m + 1] = unsafeBitCast(SIMD4<Int32>(repeating: pairs[1]), to: SIMD8<Int16>.self)
              qPairs[m + 2] = unsafeBitCast(SIMD4<Int32>(repeating: pairs[2]), to: SIMD8<Int16>.self)
              qPairs[m + 3] = unsafeBitCast(SIMD4<Int32>(repeating: pairs[3]), to: SIMD8<Int16>.self)
              j += 8
            }
            let absSum = absSums.sum()
            var tail: Float = 0
            qTail[nBlocks] = 0
            for b in stride(from: nBlocks - 1, through: 0, by: -1) {
              let from = b * chunk
              tail += VectorMath.dot(q + from, q + from, min(chunk, dim - from))
              qTail[b] = tail.squareRoot()
            }
            let roundingBound =
              (0.51 * (Self.scale * absSum + 0.5 * Float(dim)) + 0.51 * maxAbsSum + 0.26 * Float(dim)) * inv + 1e-5

            // 1. Screen every panel on the first `screened` blocks, four panels at a time.
            var p = 0
            while p < panels {
              var a0 = SIMD4<Int32>()
              var a1 = SIMD4<Int32>()
              var a2 = SIMD4<Int32>()
              var a3 = SIMD4<Int32>()
              let four = p + 4 <= panels
              for b in 0..<screened {
                let data = blocks + (b &* panels &+ p) &* half
                let qb = qPairs + b &* half
                if four {
                  for m in 0..<half {
                    let x = qb[m]
                    a0 &+= VectorMath.multiplyAddPairs(data[m], x)
                    a1 &+= VectorMath.multiplyAddPairs(data[half &+ m], x)
                    a2 &+= VectorMath.multiplyAddPairs(data[2 &* half &+ m], x)
                    a3 &+= VectorMath.multiplyAddPairs(data[3 &* half &+ m], x)
                  }
                } else {
                  for k in 0..<(panels - p) {
                    var a = SIMD4<Int32>()
                    Self.accumulate(&a, data + k &* half, qb)
                    if k == 0 { a0 &+= a } else if k == 1 { a1 &+= a } else { a2 &+= a }
                  }
                }
              }
              sums[p] = a0
              if p + 1 < panels { sums[p + 1] = a1 }
              if p + 2 < panels { sums[p + 2] = a2 }
              if four { sums[p + 3] = a3 }
              p += 4
            }
            // Padding never wins, and never keeps a panel: the lowest sum.
            for slot in paddingSlots {
              sums[slot / 4][slot % 4] = .min
            }

            // 2. Seed each route with its best screened slot, finished (in integers): a lower
            // bound on the route's best similarity.
            let slotSums = UnsafeRawPointer(sums).assumingMemoryBound(to: Int32.self)
            for r in routes.indices where routePanels[r] < routePanels[r + 1] {
              let top = Self.argmax(slotSums, 4 * routePanels[r], 4 * routePanels[r + 1])
              var acc = sums[top / 4]
              for b in screened..<nBlocks {
                Self.accumulate(&acc, blocks + (b &* panels &+ top / 4) &* half, qPairs + b &* half)
              }
              seeds[r] = (top, acc[top % 4])
              lower[r] = Float(acc[top % 4]) * inv - roundingBound
            }

            // 3. Keep the panels whose bound beats their route's best; finish them a block at a
            // time. Keeping is branch-free (write, then advance by 0 or 1): which survive is
            // unpredictable, and a mispredicted branch costs more than the arithmetic. The kept
            // panels stay in order, so each route's are one run, ending at `runEnd[r]`.
            let runEnd = alive + panels
            var count = 0
            do {
              let t = qTail[screened]
              let n = norms + (screened < nBlocks ? screened * panels : 0)
              let factor: Float = screened < nBlocks ? 1 : 0
              for r in routes.indices {
                let threshold = SIMD4(repeating: lower[r] - roundingBound)
                for p in routePanels[r]..<routePanels[r + 1] {
                  let bound = SIMD4<Float>(sums[p]) * inv + (t * factor) * n[p]
                  alive[count] = Int32(truncatingIfNeeded: p)
                  count &+= Self.anyExceeds(bound, threshold)
                }
                runEnd[r] = Int32(truncatingIfNeeded: count)
              }
            }
            for b in screened..<nBlocks {
              let data = blocks + b &* panels &* half
              let qb = qPairs + b &* half
              let last = b + 1 == nBlocks
              let t = qTail[b + 1]
              let n = norms + (last ? 0 : (b + 1) * panels)
              let factor: Float = last ? 0 : 1
              var kept = 0
              var a = 0
              for r in routes.indices {
                let threshold = SIMD4(repeating: lower[r] - roundingBound)
                let end = Int(runEnd[r])
                // Four panels at a time: each load of the query serves all four.
                while a + 4 <= end {
                  let p0 = Int(alive[a])
                  let p1 = Int(alive[a &+ 1])
                  let p2 = Int(alive[a &+ 2])
                  let p3 = Int(alive[a &+ 3])
                  let d0 = data + p0 &* half
                  let d1 = data + p1 &* half
                  let d2 = data + p2 &* half
                  let d3 = data + p3 &* half
                  var acc0 = sums[p0]
                  var acc1 = sums[p1]
                  var acc2 = sums[p2]
                  var acc3 = sums[p3]
                  for m in 0..<half {
                    let x = qb[m]
                    acc0 &+= VectorMath.multiplyAddPairs(d0[m], x)
                    acc1 &+= VectorMath.multiplyAddPairs(d1[m], x)
                    acc2 &+= VectorMath.multiplyAddPairs(d2[m], x)
                    acc3 &+= VectorMath.multiplyAddPairs(d3[m], x)
                  }
                  sums[p0] = acc0
                  sums[p1] = acc1
                  sums[p2] = acc2
                  sums[p3] = acc3
                  let tf = t * factor
                  alive[kept] = Int32(truncatingIfNeeded: p0)
                  kept &+= Self.anyExceeds(SIMD4<Float>(acc0) * inv + tf * n[p0], threshold)
                  alive[kept] = Int32(truncatingIfNeeded: p1)
                  kept &+= Self.anyExceeds(SIMD4<Float>(acc1) * inv + tf * n[p1], threshold)
                  alive[kept] = Int32(truncatingIfNeeded: p2)
                  kept &+= Self.anyExceeds(SIMD4<Float>(acc2) * inv + tf * n[p2], threshold)
                  alive[kept] = Int32(truncatingIfNeeded: p3)
                  kept &+= Self.anyExceeds(SIMD4<Float>(acc3) * inv + tf * n[p3], threshold)
                  a &+= 4
                }
                while a < end {
                  let p = Int(alive[a])
                  var acc = sums[p]
                  Self.accumulate(&acc, data + p &* half, qb)
                  sums[p] = acc
                  let bound = SIMD4<Float>(acc) * inv + (t * factor) * n[p]
                  alive[kept] = Int32(truncatingIfNeeded: p)
                  kept &+= Self.anyExceeds(bound, threshold)
                  a &+= 1
                }
                runEnd[r] = Int32(truncatingIfNeeded: kept)
              }
              count = kept
            }

            // 4. The few left: the largest sum of each route, and every sum within twice the
            // rounding bound of it (usually just that one), get their exact float similarity.
            let twice = 2 * roundingBound * Self.scale * Self.scale
            var a = 0
            for r in routes.indices where routePanels[r] < routePanels[r + 1] {
              let start = a
              let end = Int(runEnd[r])
              let (seed, seedSum) = seeds[r]
              var top = Float(seedSum)
              for k in start..<end {
                let s = SIMD4<Float>(sums[Int(alive[k])])
                top = Swift.max(top, Swift.max(Swift.max(s[0], s[1]), Swift.max(s[2], s[3])))
              }
              let floor = top - twice
              func check(_ slot: Int) {
                let exact = VectorMath.dot(rows + slot * dim, q, dim)
                // Ties go to the earlier reference, as in a search in `texts` order.
                if bestSlot[r] < 0 || exact > best[r]
                  || (exact == best[r] && slotOriginal[slot] < slotOriginal[bestSlot[r]])
                {
                  best[r] = exact
                  bestSlot[r] = slot
                }
              }
              var seedChecked = false
              for k in start..<end {
                let p = Int(alive[k])
                let s = SIMD4<Float>(sums[p])
                for lane in 0..<4 where s[lane] >= floor {
                  check(4 * p + lane)
                  if 4 * p + lane == seed { seedChecked = true }
                }
              }
              if !seedChecked && Float(seedSum) >= floor { check(seed) }
              a = end
            }
          }
          }
        }
      }
    }
  }

  /// `acc += Σ_m pairwise products of data[m] and q[m]` over one block (`half` vectors).
  @inline(__always)
  private static func accumulate(
    _ acc: inout SIMD4<Int32>, _ data: UnsafePointer<SIMD8<Int16>>, _ q: UnsafePointer<SIMD8<Int16>>
  ) {
    var a0 = SIMD4<Int32>()
    var a1 = SIMD4<Int32>()
    for m in stride(from: 0, to: half, by: 2) {
      a0 &+= VectorMath.multiplyAddPairs(data[m], q[m])
      a1 &+= VectorMath.multiplyAddPairs(data[m &+ 1], q[m &+ 1])
    }
    acc &+= a0 &+ a1
  }

  /// The first index in `lo..<hi` (not empty) of the largest `p[i]`.
  @inline(__always)
  private static func argmax(_ p: UnsafePointer<Int32>, _ lo: Int, _ hi: Int) -> Int {
    let raw = UnsafeRawPointer(p)
    var m0 = SIMD4<Int32>(repeating: .min)
    var m1 = m0
    var i = lo
    while i + 8 <= hi {
      m0 = pointwiseMax(m0, raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Int32>.self))
      m1 = pointwiseMax(m1, raw.loadUnaligned(fromByteOffset: i &* 4 &+ 16, as: SIMD4<Int32>.self))
      i &+= 8
    }
    var top = pointwiseMax(m0, m1).max()
    while i < hi {
      top = max(top, p[i])
      i &+= 1
    }
    var j = lo
    let wanted = SIMD4<Int32>(repeating: top)
    while j + 4 <= hi && !any(raw.loadUnaligned(fromByteOffset: j &* 4, as: SIMD4<Int32>.self) .== wanted) {
      j &+= 4
    }
    while p[j] != top { j &+= 1 }
    return j
  }

  /// 1 if any lane of `x` is above `y`'s, else 0, without a branch (the compiler turns
  /// `x > y ? 1 : 0` into one, and `pointwiseMin` of floats into several): the sign bits of
  /// `y - x`, or-ed together. For finite numbers.
  @inline(__always)
  private static func anyExceeds(_ x: SIMD4<Float>, _ y: SIMD4<Float>) -> Int {
    let bits = unsafeBitCast(y - x, to: SIMD4<UInt32>.self)
    let half = bits | SIMD4(bits[2], bits[3], bits[0], bits[1])
    return Int(truncatingIfNeeded: (half[0] | half[1]) >> 31)
  }

  /// `text` on one line, cut to `limit` characters with an ellipsis.
  public static func excerpt(_ text: String, limit: Int = 60) -> String {
    // Printable ASCII (most references) has no line breaks and one character a byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      guard text.utf8.count > limit else { return text }
      return String(decoding: text.utf8.prefix(limit - 1), as: UTF8.self) + "\u{2026}"
    }
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard line.count > limit else { return line }
    return String(line.prefix(limit - 1)) + "\u{2026}"
  }
}
