import FengqiaoStore
import Synchronization

/// The sessions this instance looked up in the last `ttl`, so that a signed-in request need not read
/// the database each time (measured in bench/RESULTS.md: the read cost four fifths of a bare request).
/// Only the database read is skipped: every hit is checked again for expiry, idleness, the policy's
/// lifetime and the account's status. Signing out and every change that ends an account's sessions
/// on this instance drop the entries at once; such a change made on another instance (several web
/// servers on one PostgreSQL) takes effect here at most `ttl` later.
public final class SessionCache: Sendable {
    struct Entry: Sendable {
        var session: SessionRecord
        var account: AccountRecord
        var cachedAt: Int64
    }

    let ttlMilliseconds: Int64
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    public init(ttlMilliseconds: Int64 = 2_000, capacity: Int = 20_000) {
        self.ttlMilliseconds = ttlMilliseconds
        self.capacity = capacity
    }

    func entry(_ tokenHash: String, now: Int64) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[tokenHash] else { return nil }
            guard now - entry.cachedAt < ttlMilliseconds, now >= entry.cachedAt else {
                entries[tokenHash] = nil
                return nil
            }
            return entry
        }
    }

    func store(_ tokenHash: String, session: SessionRecord, account: AccountRecord, now: Int64) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[tokenHash] = Entry(session: session, account: account, cachedAt: now)
        }
    }

    func touched(_ tokenHash: String, at now: Int64) {
        entries.withLock { $0[tokenHash]?.session.lastSeenAt = now }
    }

    func remove(_ tokenHash: String) {
        _ = entries.withLock { $0.removeValue(forKey: tokenHash) }
    }

    /// Forgets every session of `accountID` (disabled, password reset, role granted, two-factor reset).
    public func removeAll(accountID: Int64) {
        entries.withLock { entries in entries = entries.filter { $0.value.session.accountId != accountID } }
    }
}
