import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Fans case events out to webhook subscribers: follows `case_events` from where it stopped (the setting
/// `webhooks.cursor`) and queues one outbox row (channel `subscription`) per event and subscriber that wants
/// its type and covers its case's place. Runs from the job queue, never on the case's write path; one batch
/// per write transaction, serialised across instances by an advisory lock on PostgreSQL and a check that the
/// cursor did not move meanwhile. Delivery, retries and backoff are the outbox's. The cursor starts at the end of
/// the history when the first subscription is made.
public struct WebhookFanOut: Sendable {
    let platform: Platform
    public var batchSize = 500

    static let cursorName = "webhooks.cursor"
    static let lockKey: Int64 = 0x6671_686F_6F6B  // "fqhook"

    public init(platform: Platform) { self.platform = platform }

    /// Sets the cursor after the last event there is, unless it is set: called in the transaction that makes
    /// the first subscription, so that subscribers hear of what happens from then on, not of the history.
    static func startAtTheEnd(in db: any SQLDatabase) async throws {
        let settings = SettingsRepository(db)
        if try await settings.value(Self.cursorName) == nil {
            try await settings.set(Self.cursorName, to: String(try await WebhookRepository(db).lastEventId()))
        }
    }

    /// Queues deliveries until caught up (at most `maxBatches` batches); returns how many rows it queued. Until
    /// the first subscription is made there is no cursor and nothing to do.
    @discardableResult
    public func run(maxBatches: Int = 20) async throws -> Int {
        let started = try await platform.database.read { try await SettingsRepository($0).value(Self.cursorName) != nil }
        guard started else { return 0 }
        var queued = 0
        for _ in 0..<maxBatches {
            let (rows, more) = try await batch()
            queued += rows
            if !more { break }
        }
        return queued
    }

    struct Delivery {
        var subscription: Int64
        var event: WebhookRepository.CaseEventRow
        var payload: String
    }

    private func batch() async throws -> (queued: Int, more: Bool) {
        let (kind, size) = (platform.database.kind, batchSize)
        let plan = try await platform.database.read { db -> (cursor: Int64, last: Int64, full: Bool, deliveries: [Delivery])? in
            let repository = WebhookRepository(db)
            let cursor = Int64(try await SettingsRepository(db).value(Self.cursorName) ?? "0") ?? 0
            let events = try await repository.events(after: cursor, limit: size)
            guard let last = events.last?.id else { return nil }
            let subscribers = try await repository.live()
            var deliveries: [Delivery] = []
            for event in events {
                for subscriber in subscribers where Self.wants(subscriber, event) {
                    guard let id = subscriber.id else { continue }
                    deliveries.append(Delivery(subscription: id, event: event, payload: try Self.payload(event, subscription: id)))
                }
            }
            return (cursor, last, events.count >= size, deliveries)
        }
        guard let plan else { return (0, false) }
        let now = platform.clock.now().millisecondsSince1970
        let queued = try await platform.database.write { db -> Int? in
            if kind == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.lockKey))").run() }
            let settings = SettingsRepository(db)
            guard Int64(try await settings.value(Self.cursorName) ?? "0") ?? 0 == plan.cursor else { return nil }
            let outbox = NotificationOutboxRepository(db)
            var queued = 0
            for delivery in plan.deliveries {
                let added = try await outbox.enqueue(
                    dedupeKey: "webhook:\(delivery.subscription):\(delivery.event.id)", channel: "subscription",
                    recipient: WebhookRepository.recipient(delivery.subscription), caseId: delivery.event.caseId,
                    payload: delivery.payload, at: now)
                if added { queued += 1 }
            }
            try await settings.set(Self.cursorName, to: String(plan.last))
            return queued
        }
        // A full batch may have more behind it; so may one another instance took first.
        return (queued ?? 0, plan.full || queued == nil)
    }

    /// Whether `subscriber` wants `event`: its type is chosen (or all are) and its case lies in the area.
    static func wants(_ subscriber: WebhookSubscriptionRecord, _ event: WebhookRepository.CaseEventRow) -> Bool {
        let types = subscriber.events.split(separator: " ")
        guard types.isEmpty || types.contains(Substring(event.type)) else { return false }
        guard let root = AreaCode(subscriber.areaCode) else { return false }
        return Jurisdiction(root: root).contains(event.gridCode ?? event.areaCode)
    }

    /// The JSON a subscriber gets: the event and its case, without personal data.
    static func payload(_ event: WebhookRepository.CaseEventRow, subscription: Int64) throws -> String {
        let body = WebhookEventBody(
            id: "evt_\(event.id)", event: event.type, eventName: WebhookEventTypes.name(event.type),
            occurredAt: Date(millisecondsSince1970: event.at), subscription: subscription,
            case: .init(number: event.number, kind: event.kind, category: event.category, channel: event.channel,
                        urgency: event.urgency, state: event.toState, previousState: event.fromState,
                        areaCode: event.areaCode, gridCode: event.gridCode))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }
}
