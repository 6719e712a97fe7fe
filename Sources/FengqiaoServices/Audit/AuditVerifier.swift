import FengqiaoStore
import Foundation

/// Checks the whole audit log: the hash chain record by record in id order (in batches, so a log of
/// millions of records is never loaded at once), from the retention anchor if there is one, and
/// every checkpoint in the checkpoint file — signature, and that the record it names is in the table
/// with that hash. Reports the first record at fault. Read-only, and it needs neither the data key
/// nor the signing key (only the public key), so it also runs elsewhere, e.g. against a replica.
public struct AuditVerifier: Sendable {
    let database: any Database
    let checkpoints: AuditCheckpointFile
    let publicKey: AuditPublicKey?
    var batchSize: Int

    /// `publicKey` may be nil only while the checkpoint file is empty.
    public init(
        database: any Database, checkpoints: AuditCheckpointFile, publicKey: AuditPublicKey?,
        batchSize: Int = 2_000
    ) {
        self.database = database
        self.checkpoints = checkpoints
        self.publicKey = publicKey
        self.batchSize = max(1, batchSize)
    }

    public func verify() async throws -> AuditVerification {
        let lines = try checkpoints.lines()
        if publicKey == nil, !lines.isEmpty { throw AuditPublicKeyMissing(checkpointFile: checkpoints.path) }
        let ledger = AuditCheckpointLedger(lines: lines, publicKey: try publicKey?.key)
        var result = try await walk(ledger)
        // A purge running meanwhile moves the anchor and deletes the records the walk was about to
        // read; once the anchor has moved, walk again from the new one.
        if result.fault != nil, try await anchor() != result.anchor {
            result = try await walk(ledger)
        }
        result.fault = AuditFault.earliest([result.fault].compactMap { $0 } + ledger.faults)
        return result
    }

    private func anchor() async throws -> AuditAnchor? {
        try await database.read { try? await AuditAnchor.load(from: $0) }
    }

    private func walk(_ ledger: AuditCheckpointLedger) async throws -> AuditVerification {
        let kind = database.kind
        let anchor: AuditAnchor?
        do {
            anchor = try await database.read { try await AuditAnchor.load(from: $0) }
        } catch is AuditAnchorUnreadable {
            let fault = AuditFault(.removed, recordID: 1, detail: "清理锚点 (platform_settings.audit_anchor) 无法读取")
            return AuditVerification(records: 0, lastID: nil, checkpoints: ledger.validCount, anchor: nil, fault: fault)
        }
        var result = AuditVerification(records: 0, lastID: anchor?.id, checkpoints: ledger.validCount, anchor: anchor)
        if let anchor, !ledger.covers(anchor) {
            result.fault = AuditFault(.removed, recordID: anchor.id,
                                      detail: "第 \(anchor.id) 条及之前的记录已删除,但清理锚点没有对应的签名检查点")
            return result
        }
        var check = AuditChainCheck(after: anchor)
        let batchSize = batchSize
        while true {
            let after = check.expectedID - 1
            let batch = try await database.read { db in
                try await AuditRepository(db, kind: kind).records(afterID: after, limit: batchSize)
            }
            for record in batch {
                let previousHash = check.previousHash
                let fault: AuditFault?
                switch check.check(record) {
                case .follows:
                    fault = ledger.disagreement(id: record.id, hash: record.hash)
                case .gap(let missing):
                    fault = AuditFault(.removed, recordID: missing)
                case .edited:
                    fault = AuditFault(.edited, recordID: record.id)
                case .brokenLink(let intact):
                    fault = try await brokenLink(record, previousHash: previousHash, intact: intact)
                }
                if let fault {
                    result.records = check.accepted
                    result.lastID = check.expectedID - 1
                    result.fault = fault
                    return result
                }
            }
            if batch.count < batchSize { break }
        }
        result.records = check.accepted
        result.lastID = check.expectedID - 1
        result.fault = ledger.beyond(lastID: check.expectedID - 1)
        return result
    }

    /// `record` does not chain to the record before it. If the record that does chain there is stored
    /// further on, the two were reordered; otherwise the predecessor `record` chained to is gone.
    private func brokenLink(_ record: AuditRecord, previousHash: String, intact: Bool) async throws -> AuditFault {
        let kind = database.kind
        let moved = try await database.read { db in
            try await AuditRepository(db, kind: kind).firstID(previousHash: previousHash, afterID: record.id)
        }
        if let moved {
            return AuditFault(.reordered, recordID: record.id, detail: "原本紧随第 \(record.id - 1) 条的记录现在位于第 \(moved) 条")
        }
        if !intact { return AuditFault(.edited, recordID: record.id) }
        return AuditFault(.removed, recordID: record.id - 1,
                          detail: "第 \(record.id) 条记录所链接的原第 \(record.id - 1) 条记录已不在(被删除或替换)")
    }
}

/// The checkpoint file has lines but no public key was given to check them with.
public struct AuditPublicKeyMissing: Error, Sendable, CustomStringConvertible {
    public let checkpointFile: String
    public var description: String { "检查点文件 \(checkpointFile) 有内容,但没有用于验证签名的公钥" }
}
