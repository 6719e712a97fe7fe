/// The outcome of `AuditVerifier.verify()`.
public struct AuditVerification: Sendable, Equatable {
    /// Records checked and found in order (after the retention anchor, if any).
    public var records: Int
    /// The last record checked, or the anchor's id when none follows it.
    public var lastID: Int64?
    /// Validly signed checkpoint lines.
    public var checkpoints: Int
    public var anchor: AuditAnchor?
    /// The first thing wrong, nil when the log is intact.
    public var fault: AuditFault?

    public var isIntact: Bool { fault == nil }
}
