import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import Foundation
import Logging
import ServiceLifecycle

/// Polls the shared job queue and runs what it claims. Any number of instances may run side by side
/// against one PostgreSQL: claims never overlap (see `JobRepository.claim`). On graceful shutdown it
/// finishes the job in hand and stops.
public struct JobRunner: Service {
    public let platform: Platform
    public let workerName: String
    public let handlers: [String: any JobHandler]
    public var pollInterval: Duration = .seconds(1)
    public var lease: TimeInterval = 300
    public var batchSize = 5
    public var maxAttempts = 5

    public init(platform: Platform, workerName: String, handlers: [any JobHandler] = JobRunner.standardHandlers) {
        self.platform = platform
        self.workerName = workerName
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let standardHandlers: [any JobHandler] = standardHandlers(delivery: NotificationDelivery())

    /// The standard handlers with notifications delivered by `delivery` (the configured channels).
    public static func standardHandlers(delivery: NotificationDelivery) -> [any JobHandler] {
        [DailyCountRebuild(), ClockScan(), delivery, MediationFollowUp(), RiskMonitorJob(), RiskSweepJob(),
         ReportScheduleJob(), WebhookFanOutJob(), AssessmentScoringJob()]
    }

    public func run() async throws {
        platform.logger.info("job runner started", metadata: ["worker": "\(workerName)"])
        var scheduledDay: String?
        var scheduledMinute: String?
        var scheduledDelivery: String?
        var scheduledFollowUp: String?
        var scheduledRisk: String?
        var scheduledWebhooks: String?
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                scheduledDay = try await scheduleNightlyWork(after: scheduledDay)
                scheduledMinute = try await scheduleMinuteWork(after: scheduledMinute)
                scheduledDelivery = try await scheduleDeliveryWork(after: scheduledDelivery)
                scheduledFollowUp = try await scheduleFollowUpWork(after: scheduledFollowUp)
                scheduledRisk = try await schedulePeriodic(RiskMonitorJob.kind, key: RiskMonitorJob.dedupeKey(for:), after: scheduledRisk)
                scheduledWebhooks = try await schedulePeriodic(WebhookFanOutJob.kind, key: WebhookFanOutJob.dedupeKey(for:),
                                                               after: scheduledWebhooks)
                let ran = try await runDueJobs()
                if ran > 0 { continue }
            } catch {
                platform.logger.error("job poll failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
        }
        platform.logger.info("job runner stopped", metadata: ["worker": "\(workerName)"])
    }

    /// Claims one batch of due jobs and runs them; returns how many ran.
    @discardableResult
    public func runDueJobs() async throws -> Int {
        let (kind, worker, batch, lease) = (platform.database.kind, workerName, batchSize, lease)
        let now = platform.clock.now()
        let jobs = try await platform.database.write { db in
            try await JobRepository(db, kind: kind).claim(worker: worker, limit: batch, lease: lease, now: now)
        }
        for job in jobs {
            await run(job)
        }
        return jobs.count
    }

    private func run(_ job: ClaimedJob) async {
        let (kind, worker, maxAttempts) = (platform.database.kind, workerName, maxAttempts)
        do {
            guard let handler = handlers[job.kind] else { throw JobError.noHandler(job.kind) }
            try await handler.run(payload: job.payload, platform: platform)
            let now = platform.clock.now()
            try await platform.database.write { db in
                try await JobRepository(db, kind: kind).complete(id: job.id, worker: worker, now: now)
            }
        } catch {
            let now = platform.clock.now()
            let retryAt = job.attempts < maxAttempts ? now.addingTimeInterval(pow(2, Double(job.attempts)) * 10) : nil
            platform.logger.warning("job failed", metadata: [
                "job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)", "error": "\(error)",
            ])
            try? await platform.database.write { db in
                try await JobRepository(db, kind: kind).fail(
                    id: job.id, worker: worker, error: String(describing: error), retryAt: retryAt, now: now)
            }
        }
    }

    /// Queues this minute's clock scan unless this runner already did (`done`); the de-duplication key
    /// makes every other instance's attempt a no-op. Returns the key queued.
    func scheduleMinuteWork(after done: String?) async throws -> String {
        try await schedulePeriodic(ClockScan.kind, key: ClockScan.dedupeKey(for:), after: done)
    }

    /// Queues this slot's notification delivery run (every `NotificationDelivery.interval` seconds)
    /// unless this runner already did (`done`); as with the clock scan, other instances' attempts are
    /// no-ops. Returns the key queued.
    func scheduleDeliveryWork(after done: String?) async throws -> String {
        try await schedulePeriodic(NotificationDelivery.kind, key: NotificationDelivery.dedupeKey(for:), after: done)
    }

    /// Queues this hour's follow-up of mediation agreements (reminders) unless this runner already did
    /// (`done`); other instances' attempts are no-ops. Returns the key queued.
    func scheduleFollowUpWork(after done: String?) async throws -> String {
        try await schedulePeriodic(MediationFollowUp.kind, key: MediationFollowUp.dedupeKey(for:), after: done)
    }

    /// Queues a payload-less job of `kind` for the current slot (`key(now)`) unless it is `done`.
    func schedulePeriodic(_ kind: String, key: (Date) -> String, after done: String?) async throws -> String {
        let now = platform.clock.now()
        let key = key(now)
        guard key != done else { return key }
        let databaseKind = platform.database.kind
        try await platform.database.write { db in
            try await JobRepository(db, kind: databaseKind).enqueue(
                kind: kind, payload: "{}", dedupeKey: key, runAt: now, now: now)
        }
        return key
    }

    /// Queues the nightly recount of yesterday's counters unless this runner already did (`done`);
    /// the de-duplication key makes every other instance's attempt a no-op. Returns the day queued.
    func scheduleNightlyWork(after done: String?) async throws -> String {
        let now = platform.clock.now()
        let yesterday = ChinaTime.dayString(now.addingTimeInterval(-86_400))
        guard yesterday != done else { return yesterday }
        let (payload, key) = DailyCountRebuild.job(for: yesterday)
        let kind = platform.database.kind
        try await platform.database.write { db in
            let jobs = JobRepository(db, kind: kind)
            try await jobs.enqueue(kind: DailyCountRebuild.kind, payload: payload, dedupeKey: key, runAt: now, now: now)
            let sweep = RiskSweepJob.job(for: yesterday)
            try await jobs.enqueue(kind: RiskSweepJob.kind, payload: sweep.payload, dedupeKey: sweep.dedupeKey, runAt: now, now: now)
            let reports = ReportScheduleJob.job(for: ChinaTime.dayString(now))
            try await jobs.enqueue(kind: ReportScheduleJob.kind, payload: reports.payload, dedupeKey: reports.dedupeKey,
                                   runAt: now, now: now)
            let scoring = AssessmentScoringJob.job(for: ChinaTime.dayString(now))
            try await jobs.enqueue(kind: AssessmentScoringJob.kind, payload: scoring.payload, dedupeKey: scoring.dedupeKey,
                                   runAt: now, now: now)
            // The minute scans leave a finished row each; a week of them is history enough.
            try await jobs.deleteDone(finishedBefore: now.addingTimeInterval(-7 * 86_400))
        }
        return yesterday
    }
}
