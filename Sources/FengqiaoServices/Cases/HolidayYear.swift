import FengqiaoDomain
import Foundation

/// One year of the calendar in force: its schedule and where that comes from — the platform's
/// built-in copy of the State Council notice, an administrator's schedule replacing it, or an
/// administrator's schedule for a year the platform does not ship.
public struct HolidayYear: Sendable, Equatable {
    public var schedule: HolidaySchedule
    /// The platform ships a schedule for this year (`HolidaySchedule.official`).
    public var builtIn: Bool
    /// An administrator's schedule is stored for this year and is the one in force.
    public var edited: Bool
    public var updatedBy: String?
    public var updatedAt: Date?

    public init(schedule: HolidaySchedule, builtIn: Bool, edited: Bool, updatedBy: String? = nil, updatedAt: Date? = nil) {
        self.schedule = schedule
        self.builtIn = builtIn
        self.edited = edited
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }

    public var year: Int { schedule.year }

    /// 内置, 已修改 (replacing the built-in) or 管理员录入 (a year the platform does not ship).
    public var originName: String {
        switch (builtIn, edited) {
        case (true, false): "内置(官方通知)"
        case (true, true): "已修改(替换内置)"
        default: "管理员录入"
        }
    }
}
