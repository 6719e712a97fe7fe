/// One page of an account list and the cursor of the next page (nil on the last).
public struct AccountPage: Sendable, Hashable, Codable {
    public let accounts: [AccountView]
    public let next: String?

    public init(accounts: [AccountView], next: String?) {
        self.accounts = accounts
        self.next = next
    }
}
