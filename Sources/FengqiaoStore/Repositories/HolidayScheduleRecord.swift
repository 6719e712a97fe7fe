import Foundation

/// An administrator's holiday schedule for one year (`holiday_schedules`): the schedule as JSON,
/// the title of the notice it comes from, who saved it and when (milliseconds since 1970).
public struct HolidayScheduleRecord: Sendable, Codable, Equatable {
    public var year: Int
    public var schedule: String
    public var source: String
    public var updatedBy: String
    public var updatedAt: Int64

    public init(year: Int, schedule: String, source: String, updatedBy: String, updatedAt: Int64) {
        self.year = year
        self.schedule = schedule
        self.source = source
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}
