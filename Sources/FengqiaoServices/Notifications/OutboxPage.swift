/// A page of the outbox, newest first; `next` is the cursor of the following page.
public struct OutboxPage: Sendable, Codable, Equatable {
    public var items: [OutboxItem]
    public var next: String?
}
