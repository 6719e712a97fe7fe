import Foundation

/// Counts events per key in a sliding window kept in memory (per process): `admit` records an event
/// unless the key already had `limit.count` within the window, and then says how long to wait.
actor SlidingWindowLimiter {
    let limit: RateLimit
    private var events: [String: [Date]] = [:]
    /// Above this many keys, keys with nothing left in their window are dropped.
    private let pruneAbove = 10_000

    init(_ limit: RateLimit) { self.limit = limit }

    /// Records an event for `key` at `now`; returns nil when admitted, else the seconds until it would be.
    func admit(_ key: String, at now: Date) -> Int? {
        var recent = events[key, default: []].filter { now.timeIntervalSince($0) < limit.window }
        if recent.count >= limit.count {
            events[key] = recent
            let oldest = recent.first ?? now
            return max(1, Int((limit.window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
        recent.append(now)
        events[key] = recent
        if events.count > pruneAbove {
            events = events.filter { entry in entry.value.last.map { now.timeIntervalSince($0) < limit.window } ?? false }
        }
        return nil
    }

    /// Takes back the latest event of `key` (an admitted attempt that did not count after all).
    func refund(_ key: String) {
        guard var recent = events[key], !recent.isEmpty else { return }
        recent.removeLast()
        events[key] = recent.isEmpty ? nil : recent
    }
}
