import Foundation

/// One statutory clock of a petition as it stands at an instant: its deadline and its colour.
public struct PetitionClock: Sendable, Hashable {
    public var kind: PetitionClockKind
    /// The clock (limit, start, stop, extension) the deadline and status come from.
    public var clock: StageClock
    public var deadline: Date
    public var status: ClockStatus

    public init(kind: PetitionClockKind, clock: StageClock, deadline: Date, status: ClockStatus) {
        self.kind = kind
        self.clock = clock
        self.deadline = deadline
        self.status = status
    }

    /// `running`, `warning`, `overdue`, `met` or `missed`, as the engine's clock rows write them.
    public var statusCode: String {
        switch status {
        case .running: "running"
        case .warning: "warning"
        case .overdue: "overdue"
        case .stopped(let onTime): onTime ? "met" : "missed"
        }
    }

    /// 正常 / 即将超时 / 已超时 / 按时办结 / 超时办结.
    public var statusName: String { status.chineseName }

    public var isOpen: Bool { clock.stoppedAt == nil }
}
