/// One page of the audit log, newest first, and the cursor of the next (older) page.
public struct AuditLogPage: Sendable, Equatable {
    public var records: [AuditLogEntry]
    /// Pass as `before` for the next page; nil on the last page.
    public var next: Int64?
}
