import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging
import SQLKit

/// Holds the business calendar in force: the built-in official years, replaced or extended by the
/// administrators' schedules in `holiday_schedules`. A save through this instance applies at once;
/// one made by another instance (several web servers on one PostgreSQL) is read at most
/// `recheckInterval` later.
public final class HolidayCalendarCache: Sendable {
    let workingHours: WorkingHours
    private let kept: RecheckedValue<BusinessCalendar>

    public init(recheckInterval: TimeInterval = 5, workingHours: WorkingHours = .standard) {
        self.kept = RecheckedValue(recheckInterval: recheckInterval)
        self.workingHours = workingHours
    }

    /// The calendar in force at `now`.
    public func calendar(from database: any Database, now: Date, logger: Logger) async throws -> BusinessCalendar {
        try await kept.value(at: now) {
            let years = try await database.read { try await Self.years(from: $0, logger: logger) }
            return BusinessCalendar(schedules: years.map(\.schedule), workingHours: workingHours)
        }
    }

    /// Drops the cached calendar after this instance saved a schedule, so the next read sees it.
    func forget() { kept.forget() }

    /// Every year with a schedule, oldest first: the built-in ones, each replaced by a stored schedule
    /// for the same year, and the stored years beyond them. A stored schedule that cannot be read or no
    /// longer passes validation is logged and left out (the built-in year, if any, applies instead).
    static func years(from db: any SQLDatabase, logger: Logger) async throws -> [HolidayYear] {
        var years: [Int: HolidayYear] = [:]
        for schedule in HolidaySchedule.official {
            years[schedule.year] = HolidayYear(schedule: schedule, builtIn: true, edited: false)
        }
        for record in try await HolidayScheduleRepository(db).all() {
            guard let schedule = decode(record, logger: logger) else { continue }
            years[record.year] = HolidayYear(
                schedule: schedule, builtIn: years[record.year]?.builtIn ?? false, edited: true,
                updatedBy: record.updatedBy,
                updatedAt: Date(timeIntervalSince1970: TimeInterval(record.updatedAt) / 1000))
        }
        return years.values.sorted { $0.year < $1.year }
    }

    static func decode(_ record: HolidayScheduleRecord, logger: Logger) -> HolidaySchedule? {
        do {
            let schedule = try JSONDecoder().decode(HolidaySchedule.self, from: Data(record.schedule.utf8))
            let problems = schedule.validate()
            guard schedule.year == record.year, problems.isEmpty else {
                logger.error("stored holiday schedule invalid; left out", metadata: [
                    "year": "\(record.year)", "scheduleYear": "\(schedule.year)",
                    "problems": "\(problems.map(\.message))",
                ])
                return nil
            }
            return schedule
        } catch {
            logger.error("stored holiday schedule unreadable; left out",
                         metadata: ["year": "\(record.year)", "error": "\(error)"])
            return nil
        }
    }
}
