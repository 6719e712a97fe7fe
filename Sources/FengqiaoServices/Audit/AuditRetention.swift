import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Deletes audit records older than the retention period. The log must verify first (a purge never
/// destroys the evidence of tampering); the last record to go is then signed into the checkpoint
/// file, and only after that, in one transaction, the purge is audited (`audit.purge`), the records
/// are deleted and the anchor (id, hash) is stored, so the verifier can start from it.
public struct AuditRetention: Sendable {
    /// 等保 2.0 requires audit records to be kept for at least six months.
    public static let minimumDays = 180
    public static let defaultDays = 180

    let platform: Platform
    let seal: AuditSeal

    public init(platform: Platform, seal: AuditSeal) {
        self.platform = platform
        self.seal = seal
    }

    /// What a purge did.
    public struct Purge: Sendable, Equatable {
        /// The last record deleted: the new anchor.
        public var anchor: AuditAnchor
        public var deleted: Int
        /// The `audit.purge` record.
        public var recordID: Int64
    }

    /// Throws a validation error unless `days` is at least `minimumDays`.
    public static func validate(days: Int) throws(DomainError) {
        guard days >= minimumDays else {
            throw .validation([FieldError(field: "days", code: "too_short",
                                          message: "审计日志至少保留 \(minimumDays) 天(等保要求不少于 6 个月)")])
        }
    }

    /// Deletes the records older than `days` days on behalf of `actor` (`system` for the daily run,
    /// `cli:<user>` from the command line). Returns nil when nothing is old enough.
    public func purge(olderThanDays days: Int, actor: String) async throws -> Purge? {
        try Self.validate(days: days)
        let now = platform.clock.now()
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400).millisecondsSince1970
        let verification = try await AuditVerifier(database: platform.database, checkpoints: seal.checkpoints,
                                                   publicKey: try seal.publicKey()).verify()
        if let fault = verification.fault {
            throw DomainError.conflict(code: "audit_log_not_intact", message: "审计日志校验未通过,不予清理:\(fault)")
        }
        let kind = platform.database.kind
        let candidate = try await platform.database.read { db in
            try await AuditRepository(db, kind: kind).lastOfPrefix(olderThan: cutoff)
        }
        guard let candidate, candidate.id > verification.anchor?.id ?? 0 else { return nil }
        let anchor = AuditAnchor(id: candidate.id, hash: candidate.hash)
        let nowMs = now.millisecondsSince1970
        // Signed and on disk before anything is deleted.
        try seal.checkpoint(id: anchor.id, hash: anchor.hash, at: nowMs)
        let cutoffDay = ChinaTime.dayString(Date(timeIntervalSince1970: Double(cutoff) / 1000))
        return try await platform.database.write { db in
            let repository = AuditRepository(db, kind: kind)
            _ = try await repository.lockedTail()
            // Another instance may have purged meanwhile.
            if let current = try await AuditAnchor.load(from: db), current.id >= anchor.id { return nil }
            let deleted = try await repository.count(throughID: anchor.id)
            let record = try await AuditTrail.append(
                AuditEntry(actorID: nil, actor: actor, role: "system", ip: "local", action: "audit.purge",
                           objectType: "audit_log", objectID: String(anchor.id),
                           summary: #"{"through":\#(anchor.id),"hash":"\#(anchor.hash)","before":"\#(cutoffDay)","days":\#(days),"deleted":\#(deleted)}"#),
                at: nowMs, in: db, kind: kind)
            try await repository.delete(throughID: anchor.id)
            try await anchor.store(in: db)
            return Purge(anchor: anchor, deleted: deleted, recordID: record.id)
        }
    }
}
