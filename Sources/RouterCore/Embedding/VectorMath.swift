/// Dense vector kernels for the embedding code, written with SIMD types: a plain `for` loop
/// sum is not vectorised, because reordering float additions changes the result.
enum VectorMath {
  /// Turns scores into probabilities in place (shifted by the maximum, so large scores cannot overflow).
  static func softmax(_ v: inout [Float]) {
    var m = -Float.infinity
    for x in v where x > m { m = x }
    var sum: Float = 0
    for i in v.indices {
      v[i] = expf(v[i] - m)
      sum += v[i]
    }
    for i in v.indices { v[i] /= sum }
  }

  /// Σ a[j]·b[j] for j < n.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
    var acc0 = SIMD8<Float>()
    var acc1 = SIMD8<Float>()
    var j = 0
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    let stride = MemoryLayout<Float>.stride
    while j + 16 <= n {
      acc0 +=
        ra.loadUnaligned(fromByteOffset: j * stride, as: SIMD8<Float>.self)
        * rb.loadUnaligned(fromByteOffset: j * stride, as: SIMD8<Float>.self)
      acc1 +=
        ra.loadUnaligned(fromByteOffset: (j + 8) * stride, as: SIMD8<Float>.self)
        * rb.loadUnaligned(fromByteOffset: (j + 8) * stride, as: SIMD8<Float>.self)
      j += 16
    }
    var sum = (acc0 + acc1).sum()
    while j < n {
      sum += a[j] * b[j]
      j += 1
    }
    return sum
  }

  /// `a[0]·b[0] + a[1]·b[1], a[2]·b[2] + a[3]·b[3], …` in 32-bit integers: one `pmaddwd` on
  /// x86-64 (eight multiply-adds; SSE2, so any x86-64), `smull`/`addp` on arm64. Exact while each
  /// pair sum fits in 32 bits: always, unless both pairs are −32768².
  @inline(__always)
  static func multiplyAddPairs(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
    let p = SIMD8<Int32>(truncatingIfNeeded: a) &* SIMD8<Int32>(truncatingIfNeeded: b)
    return p.evenHalf &+ p.oddHalf
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
