import Foundation

/// SplitMix64: turns one generated step number into the many small choices a step needs, so that the
/// property checker only has to generate (and shrink) plain integers.
struct WorkflowRandom {
    private var state: UInt64

    /// Seeds are scrambled first: consecutive seeds must not give shifted copies of one stream.
    init(seed: Int) { state = Self.mix(UInt64(truncatingIfNeeded: seed) ^ 0x5851_F42D_4C95_7F2D) }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
