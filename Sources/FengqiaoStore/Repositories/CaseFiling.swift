import Foundation

/// The rows of one new case, as `CaseRepository.insert(_:)` writes them with those of other new cases:
/// the case row (its number already reserved), its first events, its clocks with the case's `due_at`
/// and `clock_status`, and its attachments. The `caseId` of the events, clocks and attachments is
/// set when the case row is in.
public struct CaseFiling: Sendable {
    public var record: CaseRecord
    public var events: [CaseEventRecord]
    public var clocks: [CaseClockRecord]
    /// The earliest open clock's deadline.
    public var dueAt: Int64?
    /// The worst open clock's status, else `none`.
    public var clockStatus: String
    public var attachments: [CaseAttachmentRecord]

    public init(
        record: CaseRecord, events: [CaseEventRecord], clocks: [CaseClockRecord] = [], dueAt: Int64? = nil,
        clockStatus: String = "none", attachments: [CaseAttachmentRecord] = []
    ) {
        self.record = record
        self.events = events
        self.clocks = clocks
        self.dueAt = dueAt
        self.clockStatus = clockStatus
        self.attachments = attachments
    }
}
