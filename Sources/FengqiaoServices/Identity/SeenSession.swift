import FengqiaoStore

/// A session and its account as last read from the database (see `RecentlySeen`).
public struct SeenSession: Sendable {
    var session: SessionRecord
    var account: AccountRecord
}

extension RecentlySeen where Value == SeenSession {
    /// Forgets every session of `accountID` (disabled, password reset, role granted, two-factor reset).
    func removeAll(accountID: Int64) { removeAll { $0.session.accountId == accountID } }
}
