@preconcurrency import Crypto
import FengqiaoStore
import Foundation
import SQLKit

/// Appends to the hash-chained audit log. Each record's hash is SHA-256 over the previous record's
/// hash and a canonical encoding of the record (id included), so an edited, removed or reordered
/// record breaks the chain from that point on.
public enum AuditTrail {
    /// The `previous_hash` of the first record.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Appends `entry` inside the caller's writing transaction, so the record commits or rolls back
    /// with the change it describes.
    @discardableResult
    public static func append(_ entry: AuditEntry, at: Int64, in db: any SQLDatabase, kind: DatabaseKind) async throws
        -> AuditRecord
    {
        let repository = AuditRepository(db, kind: kind)
        let tail = try await repository.lockedTail()
        var record = AuditRecord(
            id: (tail?.id ?? 0) + 1, at: at, actorId: entry.actorID, actor: entry.actor, role: entry.role,
            ip: entry.ip, action: entry.action, objectType: entry.objectType, objectId: entry.objectID,
            summary: entry.summary, previousHash: tail?.hash ?? genesisHash, hash: "")
        record.hash = hash(of: record)
        try await repository.insert(record)
        return record
    }

    /// The hash a record should carry given its fields and `previousHash`.
    public static func hash(of record: AuditRecord) -> String {
        // Unit/record separators cannot occur in the fields' text (JSON escapes them), so the
        // encoding is unambiguous.
        let fields: [String] = [
            "v1", String(record.id), String(record.at), record.actorId.map(String.init) ?? "", record.actor,
            record.role, record.ip, record.action, record.objectType, record.objectId, record.summary,
        ]
        let canonical = record.previousHash + "\u{1E}" + fields.joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
