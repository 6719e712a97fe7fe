import Synchronization

/// What this instance looked up in the last `ttl` — sessions and API tokens — so that a request
/// with credentials need not read the database each time (bench/RESULTS.md: the read cost four
/// fifths of a bare request). Only the read is skipped: callers check every hit again (expiry,
/// idleness, lifetime, status). Whatever ends a session or token on this instance drops its entry
/// at once; a change made on another instance (several web servers on one PostgreSQL) takes effect
/// here at most `ttl` later.
public final class RecentlySeen<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var value: Value
        var cachedAt: Int64
    }

    let ttlMilliseconds: Int64
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    public init(ttlMilliseconds: Int64 = 2_000, capacity: Int = 20_000) {
        self.ttlMilliseconds = ttlMilliseconds
        self.capacity = capacity
    }

    /// The value stored under `key` less than `ttl` before `now`.
    func value(_ key: String, now: Int64) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard now - entry.cachedAt < ttlMilliseconds, now >= entry.cachedAt else {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    func store(_ key: String, _ value: Value, now: Int64) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(value: value, cachedAt: now)
        }
    }

    /// Changes the value under `key`, if any, without renewing it.
    func update(_ key: String, _ change: (inout Value) -> Void) {
        entries.withLock { entries in
            if var entry = entries[key] {
                change(&entry.value)
                entries[key] = entry
            }
        }
    }

    func remove(_ key: String) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }

    func removeAll(where matches: (Value) -> Bool) {
        entries.withLock { entries in entries = entries.filter { !matches($0.value.value) } }
    }
}
