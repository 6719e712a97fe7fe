@preconcurrency import Crypto
import Foundation

/// The checkpoint file as the verifier uses it: the lines whose signatures verify, indexed by the
/// record they name, and a fault for every line that is unreadable or not validly signed.
struct AuditCheckpointLedger {
    /// Validly signed checkpoints by record id, with their line numbers.
    private(set) var byID: [Int64: [(hash: String, line: Int)]] = [:]
    private(set) var faults: [AuditFault] = []
    private(set) var validCount = 0

    init(lines: [AuditCheckpointFile.Line], publicKey: Curve25519.Signing.PublicKey?) {
        for line in lines {
            switch line {
            case .malformed(let number):
                faults.append(AuditFault(.badCheckpoint, recordID: nil, checkpointLine: number))
            case .checkpoint(let checkpoint, let number):
                guard let publicKey, checkpoint.isSigned(by: publicKey) else {
                    faults.append(AuditFault(.badCheckpoint, recordID: checkpoint.id, checkpointLine: number,
                                             detail: "检查点文件第 \(number) 行的签名不符"))
                    continue
                }
                byID[checkpoint.id, default: []].append((checkpoint.hash, number))
                validCount += 1
            }
        }
    }

    /// A fault when a signed checkpoint names record `id` with another hash.
    func disagreement(id: Int64, hash: String) -> AuditFault? {
        guard let other = byID[id]?.first(where: { $0.hash != hash }) else { return nil }
        return AuditFault(.truncated, recordID: id, checkpointLine: other.line,
                          detail: "与检查点文件第 \(other.line) 行签名的哈希不符,日志自此处或之前被改写")
    }

    /// A fault when a signed checkpoint names a record after `lastID`, the table's last record.
    func beyond(lastID: Int64) -> AuditFault? {
        guard let (id, entries) = byID.filter({ $0.key > lastID }).max(by: { $0.key < $1.key }),
              let line = entries.first?.line
        else { return nil }
        return AuditFault(.truncated, recordID: lastID + 1, checkpointLine: line,
                          detail: "检查点文件第 \(line) 行签名了第 \(id) 条记录,表中只到第 \(lastID) 条")
    }

    /// Whether a signed checkpoint names exactly `anchor`.
    func covers(_ anchor: AuditAnchor) -> Bool {
        byID[anchor.id]?.contains { $0.hash == anchor.hash } ?? false
    }
}
