/// One person a notification reaches, with the addresses they have (unsealed only in memory, never logged).
public struct NotificationRecipient: Sendable, Hashable {
    public var accountID: Int64
    public var username: String
    public var displayName: String
    public var phone: String?
    public var email: String?

    public init(accountID: Int64, username: String, displayName: String, phone: String? = nil, email: String? = nil) {
        self.accountID = accountID
        self.username = username
        self.displayName = displayName
        self.phone = phone
        self.email = email
    }

    /// The key of the delivery receipt (`notification_deliveries.recipient_key`).
    public var key: String { "account:\(accountID)" }
}
