/// A notification ready to send: what an adapter gets, with the text already written.
public struct OutboxMessage: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// Something to know (a clock turned yellow).
        case notice
        /// Something to do (请电话联系).
        case task
    }

    /// The outbox row.
    public var id: Int64
    public var channel: NotificationChannel
    public var kind: Kind
    public var caseId: Int64?
    public var title: String
    public var body: String
    /// Stable per row: gateways that de-duplicate can use it (`{{key}}`).
    public var dedupeKey: String

    public init(
        id: Int64, channel: NotificationChannel, kind: Kind, caseId: Int64?, title: String, body: String, dedupeKey: String
    ) {
        self.id = id
        self.channel = channel
        self.kind = kind
        self.caseId = caseId
        self.title = title
        self.body = body
        self.dedupeKey = dedupeKey
    }

    /// One line for channels without a subject (SMS): "title:body".
    public var text: String { body.isEmpty ? title : "\(title):\(body)" }
}
