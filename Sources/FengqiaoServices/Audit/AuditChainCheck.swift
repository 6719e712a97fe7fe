import FengqiaoStore

/// The pure part of verification: walks records in id order, one at a time, and says whether each
/// follows from the one before. It holds only the expected next id and the previous hash, so a log
/// of any length is checked in constant memory.
public struct AuditChainCheck: Sendable {
    /// The id the next record must have.
    public private(set) var expectedID: Int64
    /// The hash the next record must chain to.
    public private(set) var previousHash: String
    /// Records accepted so far.
    public private(set) var accepted = 0

    /// Starts after `anchor` (a retention purge's last record), else at record 1 and the genesis hash.
    public init(after anchor: AuditAnchor?) {
        expectedID = (anchor?.id ?? 0) + 1
        previousHash = anchor?.hash ?? AuditTrail.genesisHash
    }

    public enum Verdict: Sendable, Equatable {
        /// The record follows; the walk goes on from it.
        case follows
        /// Record `missing` is absent: the next stored id is higher.
        case gap(missing: Int64)
        /// The record's fields do not give its stored hash, but it chains to its predecessor.
        case edited
        /// The record does not chain to its predecessor; `intact` says whether its own hash holds.
        case brokenLink(intact: Bool)
    }

    /// Checks the next record (ids ascending).
    public mutating func check(_ record: AuditRecord) -> Verdict {
        if record.id != expectedID { return .gap(missing: expectedID) }
        let intact = AuditTrail.hash(of: record) == record.hash
        guard record.previousHash == previousHash else { return .brokenLink(intact: intact) }
        guard intact else { return .edited }
        expectedID += 1
        previousHash = record.hash
        accepted += 1
        return .follows
    }
}
