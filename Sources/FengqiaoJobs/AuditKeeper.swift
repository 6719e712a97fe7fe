import FengqiaoDomain
import FengqiaoServices
import Foundation
import Logging
import ServiceLifecycle

/// Keeps the audit log sealed while the server runs: every `interval` it signs a checkpoint of the
/// newest record into the checkpoint file (only when the log grew), and once per Beijing day, when
/// `retentionDays` is set, it purges records older than that. Several instances against one
/// PostgreSQL may each run one: a duplicate checkpoint line is harmless, and a purge that another
/// instance already did is skipped.
public struct AuditKeeper: Service {
    public let platform: Platform
    public let seal: AuditSeal
    public var interval: Duration
    /// Nil: this instance does not purge (e.g. `--no-jobs`).
    public var retentionDays: Int?

    public init(platform: Platform, seal: AuditSeal, interval: Duration = .seconds(300), retentionDays: Int?) {
        self.platform = platform
        self.seal = seal
        self.interval = interval
        self.retentionDays = retentionDays
    }

    public func run() async throws {
        let checkpointing = AuditCheckpointing(platform: platform, seal: seal)
        var lastID: Int64?
        do { lastID = try checkpointing.newestCheckpointID() } catch {
            platform.logger.error("audit checkpoint file unreadable", metadata: ["error": "\(error)"])
        }
        var purgedDay: String?
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            lastID = await checkpoint(checkpointing, after: lastID)
            if let retentionDays {
                let today = ChinaTime.dayString(platform.clock.now())
                if today != purgedDay {
                    purgedDay = today
                    await purge(olderThanDays: retentionDays)
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        // What was appended since the last tick is sealed too.
        _ = await checkpoint(checkpointing, after: lastID)
    }

    /// Writes a checkpoint if the log grew past `lastID`; returns the newest id sealed.
    private func checkpoint(_ checkpointing: AuditCheckpointing, after lastID: Int64?) async -> Int64? {
        do {
            return try await checkpointing.checkpoint(unlessAtOrBelow: lastID)?.id ?? lastID
        } catch {
            platform.logger.error("audit checkpoint failed", metadata: ["error": "\(error)"])
            return lastID
        }
    }

    private func purge(olderThanDays days: Int) async {
        do {
            if let purge = try await AuditRetention(platform: platform, seal: seal).purge(olderThanDays: days, actor: "system") {
                platform.logger.notice("audit log purged", metadata: [
                    "through": "\(purge.anchor.id)", "deleted": "\(purge.deleted)",
                ])
            }
        } catch {
            platform.logger.error("audit purge refused or failed", metadata: ["error": "\(error)"])
        }
    }
}
