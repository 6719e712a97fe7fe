import Foundation
import SQLKit

/// Webhook subscriptions, their attempt log, and the case events the fan-out job follows (M024).
public struct WebhookRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The outbox recipient of subscription `id`.
    public static func recipient(_ id: Int64) -> String { "subscription:\(id)" }

    public func insert(_ record: WebhookSubscriptionRecord) async throws -> Int64 {
        let row = try await db.insert(into: "webhook_subscriptions")
            .columns("name", "url", "secret_cipher", "events", "area_code", "created_by", "created_at")
            .values(SQLBind(record.name), SQLBind(record.url), SQLBind(record.secretCipher), SQLBind(record.events),
                    SQLBind(record.areaCode), SQLBind(record.createdBy), SQLBind(record.createdAt))
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("webhook_subscriptions") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func find(id: Int64) async throws -> WebhookSubscriptionRecord? {
        try await db.select().column("*").from("webhook_subscriptions").where("id", .equal, id).first()?
            .decode(model: WebhookSubscriptionRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The subscriptions whose area lies in [`from`, `below`), newest first, disabled ones too.
    public func list(areaFrom from: String, below: String) async throws -> [WebhookSubscriptionRecord] {
        try await db.select().column("*").from("webhook_subscriptions")
            .where("area_code", .greaterThanOrEqual, from).where("area_code", .lessThan, below)
            .orderBy("id", .descending).all()
            .map { try $0.decode(model: WebhookSubscriptionRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Every subscription not disabled.
    public func live() async throws -> [WebhookSubscriptionRecord] {
        try await db.select().column("*").from("webhook_subscriptions").where("disabled_at", .is, SQLLiteral.null)
            .orderBy("id").all()
            .map { try $0.decode(model: WebhookSubscriptionRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func disable(id: Int64, at: Int64) async throws {
        try await db.update("webhook_subscriptions").set("disabled_at", to: at).where("id", .equal, id).run()
    }

    public func insertAttempt(_ attempt: WebhookAttemptRecord) async throws {
        try await db.insert(into: "webhook_attempts")
            .columns("subscription_id", "outbox_id", "status_code", "error", "at", "duration_ms")
            .values(SQLBind(attempt.subscriptionId), SQLBind(attempt.outboxId), SQLBind(attempt.statusCode),
                    SQLBind(attempt.error), SQLBind(attempt.at), SQLBind(attempt.durationMs))
            .run()
    }

    /// The latest attempts of subscription `id`, newest first.
    public func attempts(subscriptionId id: Int64, limit: Int) async throws -> [WebhookAttemptRecord] {
        try await db.select().column("*").from("webhook_attempts").where("subscription_id", .equal, id)
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: WebhookAttemptRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The latest outbox rows (deliveries) of subscription `id`, newest first.
    public func deliveries(subscriptionId id: Int64, limit: Int) async throws -> [NotificationRecord] {
        try await db.select().column("*").from("notification_outbox").where("recipient", .equal, Self.recipient(id))
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: NotificationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// A case event with what a subscriber is told of its case.
    public struct CaseEventRow: Sendable, Equatable {
        public var id: Int64
        public var type: String
        public var fromState: String?
        public var toState: String
        public var at: Int64
        public var caseId: Int64
        public var number: String
        public var kind: String
        public var category: String
        public var channel: String
        public var urgency: String
        public var areaCode: String
        public var gridCode: String?
    }

    /// The case events after `cursor`, oldest first, at most `limit`.
    public func events(after cursor: Int64, limit: Int) async throws -> [CaseEventRow] {
        let e = "case_events", c = "cases"
        let rows = try await db.select()
            .column(SQLColumn("id", table: e), as: "event_id").column(SQLColumn("type", table: e))
            .column(SQLColumn("from_state", table: e)).column(SQLColumn("to_state", table: e))
            .column(SQLColumn("at", table: e)).column(SQLColumn("case_id", table: e))
            .column(SQLColumn("number", table: c)).column(SQLColumn("kind", table: c))
            .column(SQLColumn("category", table: c)).column(SQLColumn("channel", table: c))
            .column(SQLColumn("urgency", table: c)).column(SQLColumn("area_code", table: c))
            .column(SQLColumn("grid_code", table: c))
            .from(e)
            .join(c, on: SQLColumn("id", table: c), .equal, SQLColumn("case_id", table: e))
            .where(SQLColumn("id", table: e), .greaterThan, SQLBind(cursor))
            .orderBy(SQLColumn("id", table: e)).limit(limit).all()
        return try rows.map { row in
            CaseEventRow(
                id: try row.decode(column: "event_id", as: Int64.self), type: try row.decode(column: "type", as: String.self),
                fromState: try row.decode(column: "from_state", as: String?.self),
                toState: try row.decode(column: "to_state", as: String.self), at: try row.decode(column: "at", as: Int64.self),
                caseId: try row.decode(column: "case_id", as: Int64.self),
                number: try row.decode(column: "number", as: String.self), kind: try row.decode(column: "kind", as: String.self),
                category: try row.decode(column: "category", as: String.self),
                channel: try row.decode(column: "channel", as: String.self),
                urgency: try row.decode(column: "urgency", as: String.self),
                areaCode: try row.decode(column: "area_code", as: String.self),
                gridCode: try row.decode(column: "grid_code", as: String?.self))
        }
    }

    /// The id of the newest case event (0 for none).
    public func lastEventId() async throws -> Int64 {
        try await db.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "last").from("case_events").first()?
            .decode(column: "last", as: Int64?.self) ?? 0
    }
}
