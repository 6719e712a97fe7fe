import Foundation

/// One row of `case_clocks`: a stage clock of a case, for the whole case (`departmentId` nil) or one
/// department. Times in Unix milliseconds.
///
/// `dueAt` is the deadline as it stands (moved by pauses). `checkAt` is when the row next needs the
/// clock scan: the 80% point while `status` is `running`, the deadline once `warning`; a paused clock
/// (`pausedSince` set) does not advance, so the scan skips it.
public struct CaseClockRecord: Sendable, Hashable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var kind: String
    public var departmentId: Int64?
    public var startedAt: Int64
    public var stoppedAt: Int64?
    public var limitUnit: String
    public var limitValue: Int
    public var dueAt: Int64
    public var checkAt: Int64
    public var pausedSince: Int64?
    public var pausedMs: Int64
    public var status: String

    public init(
        id: Int64? = nil, caseId: Int64, kind: String, departmentId: Int64?, startedAt: Int64, stoppedAt: Int64?,
        limitUnit: String, limitValue: Int, dueAt: Int64, checkAt: Int64, pausedSince: Int64?, pausedMs: Int64, status: String
    ) {
        self.id = id
        self.caseId = caseId
        self.kind = kind
        self.departmentId = departmentId
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.limitUnit = limitUnit
        self.limitValue = limitValue
        self.dueAt = dueAt
        self.checkAt = checkAt
        self.pausedSince = pausedSince
        self.pausedMs = pausedMs
        self.status = status
    }

    /// Whether the clock still runs (or is paused): `running`, `warning` or `overdue`.
    public var isOpen: Bool { stoppedAt == nil }
}
