import Foundation

/// Per-address limit on sign-in attempts (a sliding window kept in memory, per instance): slows
/// password guessing across many accounts, which the per-account lockout alone does not.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var attempts: [String: [Date]] = [:]

    init(limit: Int = 10, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt from `address`; returns the seconds to wait when over the limit, else nil.
    func attempt(from address: String, at now: Date = Date()) -> Int? {
        var recent = attempts[address, default: []].filter { now.timeIntervalSince($0) < window }
        if recent.count >= limit {
            attempts[address] = recent
            let oldest = recent.first ?? now
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
        recent.append(now)
        attempts[address] = recent
        if attempts.count > 10_000 { attempts = attempts.filter { !($0.value.last.map { now.timeIntervalSince($0) >= window } ?? true) } }
        return nil
    }
}
