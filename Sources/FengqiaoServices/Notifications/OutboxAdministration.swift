import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The system administrator's view of the notification outbox: what waits, what failed, what was
/// skipped, and a retry that queues a row again at once (audited). Rows are scoped by the area they
/// concern — their case's, else their recipient's once the dispatcher has looked at them; a row
/// outside the jurisdiction reads as missing.
public struct OutboxAdministration: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The states the view lists: `problems` (pending, failed, skipped) or one of them, or `sent`.
    public static let views = ["problems", "pending", "failed", "skipped", "sent"]
    static let pageSize = 50

    public func page(view: String?, cursor: String?, caller: Caller) async throws -> OutboxPage {
        try caller.staff.require(.manageNotifications)
        let view = (view?.isEmpty ?? true) ? "problems" : view ?? "problems"
        guard Self.views.contains(view) else {
            throw DomainError.validation([FieldError(field: "state", code: "invalid_choice",
                                                     message: "状态应为 \(Self.views.joined(separator: "、")) 之一")])
        }
        var cursorID: Int64?
        if let cursor, !cursor.isEmpty {
            guard let id = Int64(cursor), id > 0 else {
                throw DomainError.validation([FieldError(field: "cursor", code: "invalid_format", message: "翻页位置无效")])
            }
            cursorID = id
        }
        let states = view == "problems" ? ["pending", "failed", "skipped"] : [view]
        let jurisdiction = caller.staff.jurisdiction
        let limit = Self.pageSize
        let before = cursorID
        let rows = try await platform.database.read { db in
            try await NotificationOutboxRepository(db).page(
                states: states, areaFrom: jurisdiction.prefix, areaBelow: jurisdiction.upperBound, before: before,
                limit: limit + 1)
        }
        let now = platform.clock.now().millisecondsSince1970
        let shown = rows.prefix(limit)
        return OutboxPage(items: shown.map { Self.item($0, now: now) },
                          next: rows.count > limit ? shown.last.map { String($0.id) } : nil)
    }

    /// Queues row `id` again at once with its attempts counted afresh.
    public func retry(id: Int64, caller: Caller) async throws {
        try caller.staff.require(.manageNotifications)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            let outbox = NotificationOutboxRepository(db)
            guard let row = try await outbox.find(id: id), let area = try await outbox.area(of: row),
                  caller.staff.jurisdiction.contains(area)
            else { throw DomainError.notFound(what: "该通知") }
            guard try await outbox.requeue(id: id, at: now) else {
                throw DomainError.conflict(code: "notification_busy", message: row.state == "sent"
                    ? "该通知已经送达" : "该通知正在发送,请稍后再试")
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "notification.retry", objectType: "notification", objectID: String(id),
                           summary: AuditEntry.summary([
                               "channel": row.channel, "recipient": row.recipient, "state": row.state ?? "pending",
                               "attempts": row.attempts,
                           ])),
                at: now, in: db, kind: kind)
        }
    }

    static func item(_ row: NotificationRecord, now: Int64) -> OutboxItem {
        let channel = NotificationChannel(rawValue: row.channel)
        let state = row.state ?? "pending"
        let message = NotificationText.message(for: row, channel: channel ?? .app)
        let finished = state == "sent" ? row.sentAt : row.finishedAt
        return OutboxItem(
            id: row.id, channel: row.channel, channelName: channel?.chineseName ?? row.channel, recipient: row.recipient,
            title: message.title, state: state, attempts: row.attempts, lastError: row.lastError,
            createdAt: Date(millisecondsSince1970: row.createdAt),
            nextAttemptAt: state == "pending" ? row.nextAttemptAt.map(Date.init(millisecondsSince1970:)) : nil,
            finishedAt: finished.map(Date.init(millisecondsSince1970:)),
            retryable: state != "sent")
    }
}
