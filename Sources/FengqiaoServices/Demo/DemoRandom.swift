/// The demo data's only source of randomness: xoshiro256** seeded through SplitMix64, with the few
/// helpers the generator needs. Every helper is written out here (not `Int.random(in:using:)`) so the
/// data stays identical across Swift versions for the same seed.
struct DemoRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for one named stream of a seed, so that phases draw independently of each other
    /// (adding a draw to one phase does not shift the data of another).
    init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the stream name
        for byte in stream.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        var state = seed ^ h
        func splitMix() -> UInt64 {
            state = state &+ 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in `0..<upper` (Lemire's multiply-and-reject, unbiased); 0 when `upper` ≤ 1.
    mutating func below(_ upper: Int) -> Int {
        guard upper > 1 else { return 0 }
        let bound = UInt64(upper)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// Uniform in `[0, 1)` with 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `[lower, upper)`.
    mutating func double(_ lower: Double, _ upper: Double) -> Double { lower + (upper - lower) * unit() }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element, uniformly; the array must not be empty.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn in proportion to `weights` (non-negative, not all zero).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return max(0, weights.count - 1)
    }

    /// A log-normal-ish positive duration around `median`: `median · e^(σ·z)` with z roughly normal.
    mutating func spread(median: Double, sigma: Double) -> Double {
        let z = (unit() + unit() + unit() + unit() - 2) * 1.732  // Irwin–Hall, unit variance
        return median * demoExp(sigma * z)
    }

    /// `n` distinct indices of `0..<count`, in random order (partial Fisher–Yates).
    mutating func sample(_ n: Int, of count: Int) -> [Int] {
        var pool = Array(0..<count)
        let n = min(n, count)
        for i in 0..<n { pool.swapAt(i, i + below(count - i)) }
        return Array(pool[0..<n])
    }

    /// The array in random order.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, below(i + 1)) }
        return items
    }
}

/// `exp` without importing Foundation's overlay here; accurate to double precision for |x| < 20.
private func demoExp(_ x: Double) -> Double {
    // e^x = 2^k · e^r with r small; a short Taylor series on r is exact enough for durations.
    let k = (x / 0.693_147_180_559_945_3).rounded()
    let r = x - k * 0.693_147_180_559_945_3
    var term = 1.0
    var sum = 1.0
    for n in 1...18 {
        term *= r / Double(n)
        sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
}
