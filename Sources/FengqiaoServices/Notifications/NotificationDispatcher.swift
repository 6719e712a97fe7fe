import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging

/// Delivers the notification outbox. It claims due rows in small batches under a lease (several
/// instances never take one row together), resolves each row's recipient to people, hands the message
/// to the channel's adapter once per person not yet reached, and records the outcome: sent; tried again
/// later with exponential backoff and jitter; failed for good after `backoff.maxAttempts` attempts or
/// when the row cannot be delivered at all; skipped when its channel is not configured. A worker that
/// dies mid-way loses its lease and the row is claimed again; the per-person receipts keep whoever was
/// already reached from being messaged twice.
public struct NotificationDispatcher: Sendable {
    public let platform: Platform
    /// The configured adapters. The in-app inbox is always there; `call` without an adapter of its own
    /// becomes a task in the recipients' inbox.
    public let adapters: [NotificationChannel: any NotificationAdapter]
    public var backoff = DeliveryBackoff()
    public var batchSize = 10
    /// How long a claim holds a row; longer than a batch can take.
    public var lease: TimeInterval = 300
    public let workerName: String
    let jitter: @Sendable () -> Double

    public init(
        platform: Platform, adapters: [NotificationChannel: any NotificationAdapter] = [:], workerName: String,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.platform = platform
        var adapters = adapters
        if adapters[.app] == nil { adapters[.app] = InboxAdapter(platform: platform) }
        self.adapters = adapters
        self.workerName = workerName
        self.jitter = jitter
    }

    /// What one run did.
    public struct Report: Sendable, Equatable {
        public var claimed = 0
        public var sent = 0
        public var retrying = 0
        public var failed = 0
        public var skipped = 0

        public init() {}

        mutating func add(_ other: Report) {
            claimed += other.claimed
            sent += other.sent
            retrying += other.retrying
            failed += other.failed
            skipped += other.skipped
        }
    }

    /// Delivers batches until none is due, `maxBatches` ran or `budget` seconds passed (the job that
    /// calls it ends well within its own lease; what is left waits for the next run).
    @discardableResult
    public func drain(maxBatches: Int = 20, budget: TimeInterval = 60) async throws -> Report {
        let start = platform.clock.now()
        var total = Report()
        for _ in 0..<maxBatches {
            let report = try await deliverDueBatch()
            total.add(report)
            if report.claimed < batchSize || platform.clock.now().timeIntervalSince(start) > budget { break }
        }
        return total
    }

    /// Claims one batch of due rows and delivers it.
    @discardableResult
    public func deliverDueBatch() async throws -> Report {
        let token = "\(workerName):\(UUID().uuidString.prefix(8))"
        let (kind, limit, lease) = (platform.database.kind, batchSize, lease)
        let now = platform.clock.now()
        let rows = try await platform.database.write { db in
            try await NotificationOutboxRepository(db).claim(token: token, limit: limit, lease: lease, now: now, kind: kind)
        }
        var report = Report()
        report.claimed = rows.count
        for row in rows {
            // A slow gateway must not outlast the claim: rows left once half the lease is gone are not
            // touched, and another run takes them when the lease ends, instead of two instances sending them.
            guard platform.clock.now().timeIntervalSince(now) < lease / 2 else { break }
            switch await deliver(row, token: token) {
            case .sent: report.sent += 1
            case .retrying: report.retrying += 1
            case .failed: report.failed += 1
            case .skipped: report.skipped += 1
            }
        }
        return report
    }

    enum Outcome { case sent, retrying, failed, skipped }

    /// Delivers one claimed row and records the outcome; never throws (an error is the row's outcome).
    func deliver(_ row: NotificationRecord, token: String) async -> Outcome {
        guard let channel = NotificationChannel(rawValue: row.channel) else {
            return await finish(row, token: token, .failed, "未知的通知渠道“\(row.channel.prefix(20))”")
        }
        guard let adapter = adapters[channel] ?? (channel == .call ? adapters[.app] : nil) else {
            return await finish(row, token: token, .skipped, "未配置\(channel.chineseName)通道(\(channel.setting)),已跳过")
        }
        let message = NotificationText.message(for: row, channel: channel)
        if channel == .webhook || channel == .subscription { return await deliverToEndpoint(row, message, adapter: adapter, token: token) }
        guard let address = RecipientDirectory.Address(row.recipient) else {
            return await finish(row, token: token, .failed, "收件人格式无效“\(row.recipient.prefix(40))”")
        }
        let directory = RecipientDirectory(cipher: platform.cipher)
        let resolution: RecipientDirectory.Resolution
        let done: Set<String>
        do {
            (resolution, done) = try await platform.database.read { db in
                (try await directory.resolve(address, in: db),
                 try await NotificationOutboxRepository(db).deliveredTo(outboxId: row.id))
            }
        } catch {
            return await retry(row, token: token, error: "查找收件人失败:\(Self.describe(error))")
        }
        var reached = done.count, unreachable = 0
        var failures: [String] = []
        for person in resolution.people where !done.contains(person.key) {
            do {
                switch try await adapter.deliver(message, to: person) {
                case .delivered:
                    reached += 1
                    let at = platform.clock.now().millisecondsSince1970
                    try await platform.database.write { db in
                        try await NotificationOutboxRepository(db).recordDelivery(outboxId: row.id, recipientKey: person.key, at: at)
                    }
                case .noAddress:
                    unreachable += 1
                }
            } catch {
                failures.append(Self.describe(error))
            }
        }
        let area = row.areaCode == nil ? resolution.areaCode : nil
        if let first = failures.first {
            let more = failures.count > 1 ? "(共\(failures.count)人未送达)" : ""
            return await retry(row, token: token, error: "\(adapter.name):\(first)\(more)", area: area)
        }
        if resolution.people.isEmpty {
            return await retry(row, token: token, error: "没有可接收的在岗人员(\(row.recipient))", area: area)
        }
        if reached == 0, unreachable > 0 {
            return await finish(row, token: token, .failed, "收件人均未登记\(channel.addressName)", area: area)
        }
        return await finish(row, token: token, .sent, nil, area: area)
    }

    /// Delivers a row addressed to a machine (a webhook): one request, no people to resolve. A failure is
    /// retried with backoff like any other; an adapter that knows no endpoint for the row fails it.
    private func deliverToEndpoint(
        _ row: NotificationRecord, _ message: OutboxMessage, adapter: any NotificationAdapter, token: String
    ) async -> Outcome {
        let endpoint = NotificationRecipient(accountID: 0, username: row.recipient, displayName: row.recipient)
        do {
            switch try await adapter.deliver(message, to: endpoint) {
            case .delivered: return await finish(row, token: token, .sent, nil)
            case .noAddress: return await finish(row, token: token, .failed, "\(adapter.name)没有“\(row.recipient.prefix(40))”的接收地址")
            }
        } catch {
            return await retry(row, token: token, error: "\(adapter.name):\(Self.describe(error))")
        }
    }

    /// Schedules the next attempt, or fails the row once its attempts are used up.
    private func retry(_ row: NotificationRecord, token: String, error: String, area: String? = nil) async -> Outcome {
        guard let delay = backoff.delay(afterAttempt: row.attempts, jitter: jitter()) else {
            return await finish(row, token: token, .failed, "已尝试\(row.attempts)次仍未送达:\(error)", area: area)
        }
        let next = platform.clock.now().addingTimeInterval(delay).millisecondsSince1970
        platform.logger.warning("notification delivery failed; will retry", metadata: [
            "outbox": "\(row.id)", "channel": "\(row.channel)", "attempt": "\(row.attempts)", "error": "\(error)",
        ])
        await record(row, token: token, area: area) { repository in
            try await repository.reschedule(id: row.id, token: token, error: Self.clipped(error), at: next)
        }
        return .retrying
    }

    private func finish(
        _ row: NotificationRecord, token: String, _ outcome: Outcome, _ error: String?, area: String? = nil
    ) async -> Outcome {
        let at = platform.clock.now().millisecondsSince1970
        await record(row, token: token, area: area) { repository in
            switch outcome {
            case .sent: try await repository.markSent(id: row.id, token: token, at: at)
            case .failed, .retrying:
                try await repository.giveUp(id: row.id, token: token, state: "failed", error: Self.clipped(error ?? ""), at: at)
            case .skipped:
                try await repository.giveUp(id: row.id, token: token, state: "skipped", error: Self.clipped(error ?? ""), at: at)
            }
        }
        switch outcome {
        case .sent:
            platform.logger.debug("notification sent", metadata: ["outbox": "\(row.id)", "channel": "\(row.channel)"])
        case .failed, .retrying, .skipped:
            platform.logger.warning("notification not delivered", metadata: [
                "outbox": "\(row.id)", "channel": "\(row.channel)", "error": "\(error ?? "")",
            ])
        }
        return outcome
    }

    /// Writes an outcome (and the row's area, the first time it is known). A failed write leaves the row
    /// claimed; its lease runs out and it is tried again.
    private func record(
        _ row: NotificationRecord, token: String, area: String?,
        _ write: @escaping @Sendable (NotificationOutboxRepository) async throws -> Bool
    ) async {
        do {
            try await platform.database.write { db in
                let repository = NotificationOutboxRepository(db)
                if let area { try await repository.setArea(id: row.id, token: token, areaCode: area) }
                _ = try await write(repository)
            }
        } catch {
            platform.logger.error("could not record a notification outcome", metadata: [
                "outbox": "\(row.id)", "error": "\(error)",
            ])
        }
    }

    /// An error in words fit for `last_error`: the adapter's own text, else the error's description.
    static func describe(_ error: any Error) -> String {
        if let error = error as? NotificationDeliveryError { return error.message }
        return clipped(String(describing: error))
    }

    static func clipped(_ text: String) -> String { String(text.prefix(500)) }
}
