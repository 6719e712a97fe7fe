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
        // After a retention purge emptied the table (a purge normally keeps its own record), the
        // chain goes on from the anchor rather than starting again at 1.
        let tail: (id: Int64, hash: String)?
        if let last = try await repository.lockedTail() {
            tail = last
        } else {
            tail = try await AuditAnchor.load(from: db).map { ($0.id, $0.hash) }
        }
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
        return hex(SHA256.hash(data: Data(canonical.utf8)))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, without `String(format:)` (slow on Linux; the verifier hashes every record).
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
