import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// A small world for delivery tests: the sample areas, a department with two active members and a
/// disabled one, and a grid with a leader, a full-time worker and a police officer.
struct NotificationFixture {
    let platform: Platform
    let clock: ManualClock
    let department: Int64
    let handlers: [Int64]
    let disabled: Int64
    let leader: Int64
    let worker: Int64
    let police: Int64

    static func make(_ db: any Database) async throws -> NotificationFixture {
        let clock = ManualClock()
        let platform = try TestPlatform.make(database: db, clock: clock)
        try await SampleAreas.insert(into: db)
        let department = try await db.write { db in
            try await db.insert(into: "departments").columns("area_code", "code", "name", "is_core", "stationing")
                .values(SQLBind(SampleAreas.township), SQLBind("court"), SQLBind("人民法庭"), SQLBind(0), SQLBind("resident"))
                .returning("id").first()?.decode(column: "id", as: Int64.self) ?? 0
        }
        var handlers: [Int64] = []
        for n in 1...2 {
            handlers.append(try await TestAccounts.create("handler\(n)", role: .departmentHandler, area: SampleAreas.township,
                                                          departmentID: department, displayName: "办理人\(n)", in: db))
        }
        let disabled = try await TestAccounts.create("handler_off", role: .departmentHandler, area: SampleAreas.township,
                                                     departmentID: department, in: db)
        try await db.write { try await AccountRepository($0).setStatus(id: disabled, to: "disabled") }
        let leader = try await TestAccounts.create("leader", role: .gridLeader, area: SampleAreas.grid, displayName: "网格长", in: db)
        let worker = try await TestAccounts.create("worker", role: .gridWorker, area: SampleAreas.grid, displayName: "网格员", in: db)
        let police = try await TestAccounts.create("police", role: .gridWorker, area: SampleAreas.grid, in: db)
        try await db.write { db in
            let posts = GridPostRepository(db)
            for (post, id) in [("leader", leader), ("fullTime", worker), ("police", police)] {
                try await posts.assign(GridPostRecord(gridCode: SampleAreas.grid, post: post, accountId: id, assignedAt: 0))
            }
        }
        return NotificationFixture(platform: platform, clock: clock, department: department, handlers: handlers,
                                   disabled: disabled, leader: leader, worker: worker, police: police)
    }

    @discardableResult
    func enqueue(_ key: String, channel: String = "app", recipient: String, caseId: Int64? = nil,
                 payload: String = #"{"title":"测试通知","body":"请查收"}"#) async throws -> Int64 {
        let at = clock.now().millisecondsSince1970
        return try await platform.database.write { db in
            let outbox = NotificationOutboxRepository(db)
            try await outbox.enqueue(dedupeKey: key, channel: channel, recipient: recipient, caseId: caseId, payload: payload, at: at)
            return try await db.select().column("id").from("notification_outbox").where("dedupe_key", .equal, key).first()?
                .decode(column: "id", as: Int64.self) ?? 0
        }
    }

    func row(_ id: Int64) async throws -> NotificationRecord {
        let found = try await platform.database.read { try await NotificationOutboxRepository($0).find(id: id) }
        return try XCTUnwrap(found)
    }

    func inbox(_ outboxId: Int64) async throws -> [InboxMessageRecord] {
        try await platform.database.read { try await InboxRepository($0).messages(outboxId: outboxId) }
    }

    func setPhone(_ id: Int64, _ phone: String) async throws {
        let sealed = try platform.cipher.seal(phone)
        try await platform.database.write { try await ContactRepository($0).setPhone(id: id, cipher: sealed) }
    }

    func setEmail(_ id: Int64, _ email: String) async throws {
        let sealed = try platform.cipher.seal(email)
        try await platform.database.write { try await ContactRepository($0).setEmail(id: id, cipher: sealed) }
    }

    func dispatcher(_ adapters: [NotificationChannel: any NotificationAdapter] = [:], worker: String = "test")
        -> NotificationDispatcher
    {
        NotificationDispatcher(platform: platform, adapters: adapters, workerName: worker, jitter: { 0 })
    }
}

/// An adapter that records what it was given and fails for the accounts in `failing` while it is told to.
final class RecordingAdapter: NotificationAdapter, @unchecked Sendable {
    private let lock = NSLock()
    private var _delivered: [(Int64, OutboxMessage)] = []
    private var _failing: Set<Int64>

    init(failing: Set<Int64> = []) { _failing = failing }

    var name: String { "测试通道" }

    var delivered: [(account: Int64, message: OutboxMessage)] { lock.withLock { _delivered.map { ($0.0, $0.1) } } }

    func stopFailing() { lock.withLock { _failing = [] } }

    func deliver(_ message: OutboxMessage, to recipient: NotificationRecipient) async throws -> DeliveryOutcome {
        try lock.withLock {
            if _failing.contains(recipient.accountID) { throw NotificationDeliveryError("网关暂不可用") }
            _delivered.append((recipient.accountID, message))
        }
        return .delivered
    }
}
