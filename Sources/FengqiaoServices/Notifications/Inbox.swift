import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The in-app inbox of the signed-in person: notices (a clock turned yellow) and tasks (请电话联系).
/// Every person has one; machines (API tokens) do not. A message of someone else's reads as missing.
public struct Inbox: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public static let maximumPageSize = 100

    /// The caller's messages, newest first, after `cursor` (the `next` of the previous page).
    public func page(cursor: String?, unreadOnly: Bool = false, limit: Int = 30, caller: Caller) async throws -> InboxPage {
        let account = try Self.owner(caller)
        var cursorID: Int64?
        if let cursor, !cursor.isEmpty {
            guard let id = Int64(cursor), id > 0 else {
                throw DomainError.validation([FieldError(field: "cursor", code: "invalid_format", message: "翻页位置无效")])
            }
            cursorID = id
        }
        guard (1...Self.maximumPageSize).contains(limit) else {
            throw DomainError.validation([FieldError(field: "limit", code: "out_of_range",
                                                     message: "每页条数应为 1–\(Self.maximumPageSize)")])
        }
        let before = cursorID
        let (rows, unread) = try await platform.database.read { db in
            let inbox = InboxRepository(db)
            return (try await inbox.page(accountId: account, before: before, unreadOnly: unreadOnly, limit: limit + 1),
                    try await inbox.unreadCount(accountId: account))
        }
        let shown = rows.prefix(limit)
        return InboxPage(
            messages: shown.compactMap(Self.item), unread: unread,
            next: rows.count > limit ? shown.last?.id.map(String.init) : nil)
    }

    /// How many of the caller's messages are unread (0 for machines).
    public func unreadCount(caller: Caller) async throws -> Int {
        guard let account = try? Self.owner(caller) else { return 0 }
        return try await platform.database.read { try await InboxRepository($0).unreadCount(accountId: account) }
    }

    /// Marks the caller's message `id` read; "not found" when the caller has no such message.
    public func markRead(id: Int64, caller: Caller) async throws {
        let account = try Self.owner(caller)
        let now = platform.clock.now().millisecondsSince1970
        let found = try await platform.database.write { try await InboxRepository($0).markRead(id: id, accountId: account, at: now) }
        guard found else { throw DomainError.notFound(what: "该消息") }
    }

    /// Marks all the caller's messages read; returns how many were unread.
    @discardableResult
    public func markAllRead(caller: Caller) async throws -> Int {
        let account = try Self.owner(caller)
        let now = platform.clock.now().millisecondsSince1970
        return try await platform.database.write { try await InboxRepository($0).markAllRead(accountId: account, at: now) }
    }

    /// The caller's account: people only.
    static func owner(_ caller: Caller) throws(DomainError) -> Int64 {
        try caller.staff.require(.ownSignIn)
        guard !caller.staff.isMachine else { throw .forbidden(permission: .ownSignIn) }
        return caller.staff.accountID
    }

    static func item(_ record: InboxMessageRecord) -> InboxItem? {
        guard let id = record.id else { return nil }
        return InboxItem(
            id: id, kind: record.kind, title: record.title, body: record.body, caseId: record.caseId,
            createdAt: Date(millisecondsSince1970: record.createdAt),
            readAt: record.readAt.map(Date.init(millisecondsSince1970:)))
    }
}
