import Foundation

/// When a failed delivery is tried again: exponential backoff (`base`, doubling, at most `cap`) with
/// jitter, so that rows that failed together (a gateway outage) do not all come back at the same
/// second; after `maxAttempts` attempts the row is failed for good (an administrator may retry it).
public struct DeliveryBackoff: Sendable, Equatable {
    public var base: TimeInterval
    public var cap: TimeInterval
    public var maxAttempts: Int

    public init(base: TimeInterval = 30, cap: TimeInterval = 3600, maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait after the `attempts`-th failed attempt: half of the exponential step for certain, the
    /// other half scaled by `jitter` (0..<1). Nil once the attempts are used up.
    public func delay(afterAttempt attempts: Int, jitter: Double) -> TimeInterval? {
        guard attempts < maxAttempts else { return nil }
        let exponent = Double(min(max(attempts - 1, 0), 30))
        let step = min(cap, base * pow(2, exponent))
        return step / 2 + step / 2 * min(max(jitter, 0), 1)
    }
}
