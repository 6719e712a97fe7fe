import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Administering webhook subscribers (`/admin/webhooks`): machines that receive the case events of an area,
/// signed with a secret made here and shown once (stored sealed with the data key). Whoever manages
/// notifications administers the subscriptions whose area lies in their jurisdiction; one outside reads as
/// one that does not exist. Every change is audited in its transaction.
public struct WebhookSubscriptions: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    static let nameLimit = 60
    static let urlLimit = 500
    /// How many deliveries and attempts a log page shows.
    public static let logLimit = 50

    /// A subscription just made: `secret` is shown this once.
    public struct Issued: Sendable, Equatable {
        public let id: Int64
        public let name: String
        public let secret: String
    }

    public func create(name rawName: String, url rawURL: String, events: [String], area: String, by admin: Administrator)
        async throws -> Issued
    {
        try admin.require(.manageNotifications)
        var errors: [FieldError] = []
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors.append(.required("name", label: "订阅名称"))
        } else if name.count > Self.nameLimit {
            errors.append(.tooLong("name", label: "订阅名称", max: Self.nameLimit))
        }
        let url = rawURL.trimmingCharacters(in: .whitespacesAndNewlines)
        if url.isEmpty {
            errors.append(.required("url", label: "接收地址"))
        } else if url.count > Self.urlLimit {
            errors.append(.tooLong("url", label: "接收地址", max: Self.urlLimit))
        } else if !Self.isValid(url: url) {
            errors.append(FieldError(field: "url", code: "invalid_format", message: "接收地址应为 http:// 或 https:// 开头的完整网址"))
        }
        let known = Set(WebhookEventTypes.all)
        let chosen = Array(Set(events)).sorted()
        if let unknown = chosen.first(where: { !known.contains($0) }) {
            errors.append(FieldError(field: "events", code: "invalid_choice", message: "事件类型“\(unknown.prefix(40))”不存在"))
        }
        let atlas = try await platform.areaAtlas()
        if AreaCode(area) == nil || atlas.node(area) == nil || !admin.covers(area) {
            errors.append(FieldError(field: "area", code: "unknown", message: "辖区内没有该区域编码"))
        }
        guard errors.isEmpty else { throw DomainError.validation(errors) }

        let secret = "whsec_" + SessionToken.random()
        let nowMs = platform.clock.now().millisecondsSince1970
        let record = WebhookSubscriptionRecord(
            name: name, url: url, secretCipher: try platform.cipher.seal(secret), events: chosen.joined(separator: " "),
            areaCode: area, createdBy: admin.name, createdAt: nowMs)
        let kind = platform.database.kind
        let id = try await platform.database.write { db in
            let id = try await WebhookRepository(db).insert(record)
            try await WebhookFanOut.startAtTheEnd(in: db)
            try await AuditTrail.append(
                admin.auditEntry(action: "webhook.create", objectType: "webhook_subscription", objectID: id,
                                 summary: AuditEntry.summary(["name": name, "events": record.events, "area": area])),
                at: nowMs, in: db, kind: kind)
            return id
        }
        return Issued(id: id, name: name, secret: secret)
    }

    static func isValid(url: String) -> Bool {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty, parsed.user == nil, parsed.password == nil
        else { return false }
        return !url.contains(where: \.isWhitespace)
    }

    /// The subscriptions of the administrator's jurisdiction, newest first.
    public func list(by admin: Administrator) async throws -> [WebhookSubscriptionSummary] {
        try admin.require(.manageNotifications)
        let range = admin.areaRange
        let records = try await platform.database.read { try await WebhookRepository($0).list(areaFrom: range.from, below: range.below) }
        let atlas = try await platform.areaAtlas()
        return records.compactMap { Self.summary($0, atlas: atlas) }
    }

    static func summary(_ record: WebhookSubscriptionRecord, atlas: AreaAtlas) -> WebhookSubscriptionSummary? {
        guard let id = record.id else { return nil }
        return WebhookSubscriptionSummary(
            id: id, name: record.name, url: record.url, events: record.events.split(separator: " ").map(String.init),
            areaCode: record.areaCode, areaName: atlas.node(record.areaCode)?.name, createdBy: record.createdBy,
            createdAt: Date(millisecondsSince1970: record.createdAt),
            disabledAt: record.disabledAt.map(Date.init(millisecondsSince1970:)))
    }

    /// Stops deliveries to subscription `id` (its queued ones fail when their turn comes).
    public func disable(id: Int64, by admin: Administrator) async throws {
        try admin.require(.manageNotifications)
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            let repository = WebhookRepository(db)
            guard let record = try await repository.find(id: id), admin.covers(record.areaCode) else {
                throw DomainError.notFound(what: "该订阅")
            }
            guard record.disabledAt == nil else {
                throw DomainError.conflict(code: "webhook_disabled", message: "该订阅已经停用")
            }
            try await repository.disable(id: id, at: nowMs)
            try await AuditTrail.append(
                admin.auditEntry(action: "webhook.disable", objectType: "webhook_subscription", objectID: id,
                                 summary: AuditEntry.summary(["name": record.name])),
                at: nowMs, in: db, kind: kind)
        }
    }

    /// The delivery log of subscription `id`.
    public func log(id: Int64, by admin: Administrator) async throws -> WebhookLog {
        try admin.require(.manageNotifications)
        let found = try await platform.database.read { db -> (WebhookSubscriptionRecord, [NotificationRecord], [WebhookAttemptRecord])? in
            let repository = WebhookRepository(db)
            guard let record = try await repository.find(id: id), admin.covers(record.areaCode) else { return nil }
            return (record, try await repository.deliveries(subscriptionId: id, limit: Self.logLimit),
                    try await repository.attempts(subscriptionId: id, limit: Self.logLimit))
        }
        guard let (record, rows, attempts) = found,
              let summary = Self.summary(record, atlas: try await platform.areaAtlas())
        else { throw DomainError.notFound(what: "该订阅") }
        let now = platform.clock.now().millisecondsSince1970
        return WebhookLog(
            subscription: summary,
            deliveries: rows.map { row in
                let body = (try? JSONSerialization.jsonObject(with: Data(row.payload.utf8))) as? [String: Any]
                let state = row.state ?? "pending"
                return WebhookLog.Delivery(
                    id: row.id, event: body?["event"] as? String ?? "", caseNumber: (body?["case"] as? [String: Any])?["number"] as? String ?? "",
                    state: state, attempts: row.attempts,
                    nextAttemptAt: state == "pending" ? row.nextAttemptAt.map(Date.init(millisecondsSince1970:)) : nil,
                    lastError: row.lastError, createdAt: Date(millisecondsSince1970: row.createdAt),
                    retriable: state == "failed" || state == "skipped" || (state == "pending" && (row.nextAttemptAt ?? 0) > now))
            },
            attempts: attempts.map {
                WebhookLog.Attempt(deliveryId: $0.outboxId, statusCode: $0.statusCode, error: $0.error,
                                   at: Date(millisecondsSince1970: $0.at), durationMs: $0.durationMs)
            })
    }

    /// Queues delivery `delivery` of subscription `id` again at once, with a fresh count of attempts.
    public func retry(id: Int64, delivery: Int64, by admin: Administrator) async throws {
        try admin.require(.manageNotifications)
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            guard let record = try await WebhookRepository(db).find(id: id), admin.covers(record.areaCode),
                  let row = try await NotificationOutboxRepository(db).find(id: delivery),
                  row.recipient == WebhookRepository.recipient(id)
            else { throw DomainError.notFound(what: "该投递") }
            guard try await NotificationOutboxRepository(db).requeue(id: delivery, at: nowMs) else {
                throw DomainError.conflict(code: "delivery_in_flight", message: "该投递已送达或正在发送,无需重试")
            }
            try await AuditTrail.append(
                admin.auditEntry(action: "webhook.retry", objectType: "webhook_subscription", objectID: id,
                                 summary: AuditEntry.summary(["delivery": delivery])),
                at: nowMs, in: db, kind: kind)
        }
    }
}
