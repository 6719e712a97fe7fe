import FengqiaoStore
import Foundation

/// Writes signed checkpoints of the audit log's newest record to the checkpoint file.
public struct AuditCheckpointing: Sendable {
    let platform: Platform
    let seal: AuditSeal

    public init(platform: Platform, seal: AuditSeal) {
        self.platform = platform
        self.seal = seal
    }

    /// Signs the newest record unless its id is not above `lastID` (the log has not grown since the
    /// last checkpoint) or the log is empty. Returns the checkpoint written, if any.
    @discardableResult
    public func checkpoint(unlessAtOrBelow lastID: Int64? = nil) async throws -> AuditCheckpoint? {
        let kind = platform.database.kind
        let tail = try await platform.database.read { db in try await AuditRepository(db, kind: kind).tail() }
        guard let tail, tail.id > lastID ?? 0 else { return nil }
        return try seal.checkpoint(id: tail.id, hash: tail.hash, at: platform.clock.now().millisecondsSince1970)
    }

    /// The id of the newest checkpoint in the file, where a periodic writer picks up after a restart.
    public func newestCheckpointID() throws -> Int64? { try seal.checkpoints.newest()?.id }
}
