import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The holiday calendar that deadlines are counted on: the official 2025 and 2026 schedules the
/// platform ships, replaced or extended year by year by administrators holding `configureCases`
/// (each year's notice comes out in the autumn before). Years before the current one cannot be
/// changed: deadlines already counted on them must not move. Every save is audited with the
/// schedule before and after.
public struct HolidayCalendar: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The calendar in force (cached; another server's save shows within seconds).
    public func calendar() async throws -> BusinessCalendar { try await platform.businessCalendar() }

    /// Every year with a schedule, oldest first, with where it comes from.
    public func years(caller: Caller) async throws -> [HolidayYear] {
        try Self.requireReader(caller)
        let logger = platform.logger
        return try await platform.database.read { try await HolidayCalendarCache.years(from: $0, logger: logger) }
    }

    /// The schedule in force for `year`; not found when the year has none.
    public func year(_ year: Int, caller: Caller) async throws -> HolidayYear {
        guard let found = try await years(caller: caller).first(where: { $0.year == year }) else {
            throw DomainError.notFound(what: "\(year)年的节假日安排")
        }
        return found
    }

    /// Validates and stores `schedule` for its year, replacing the built-in or an earlier one.
    @discardableResult
    public func save(_ schedule: HolidaySchedule, by caller: Caller) async throws -> HolidayYear {
        try caller.staff.require(.configureCases)
        let now = platform.clock.now()
        var errors = schedule.validate()
        let currentYear = CivilDate(containing: now).year
        if (2000...2099).contains(schedule.year), schedule.year < currentYear {
            errors.insert(FieldError(
                field: "year", code: "past_year",
                message: "\(schedule.year)年已经过去,不能再修改:按它计算的办理期限不能因此改变"), at: 0)
        }
        guard errors.isEmpty else { throw DomainError.validation(errors) }
        let json = try Self.json(schedule)
        let kind = platform.database.kind
        let logger = platform.logger
        try await platform.database.write { db in
            let before = try await HolidayCalendarCache.years(from: db, logger: logger)
                .first { $0.year == schedule.year }?.schedule
            try await HolidayScheduleRepository(db).save(HolidayScheduleRecord(
                year: schedule.year, schedule: json, source: schedule.source.title, updatedBy: caller.staff.username,
                updatedAt: now.millisecondsSince1970))
            try await AuditTrail.append(
                AuditEntry(caller, action: "holiday_schedule.save", objectType: "holiday_schedule",
                           objectID: String(schedule.year), summary: try Self.summary(before: before, after: schedule)),
                at: now.millisecondsSince1970, in: db, kind: kind)
        }
        platform.holidayCalendars.forget()
        return HolidayYear(schedule: schedule, builtIn: HolidaySchedule.official.contains { $0.year == schedule.year },
                           edited: true, updatedBy: caller.staff.username, updatedAt: now)
    }

    static func requireReader(_ caller: Caller) throws(DomainError) {
        guard caller.staff.may(.viewCases) || caller.staff.may(.configureCases) else {
            throw .forbidden(permission: .viewCases)
        }
    }

    static func json(_ schedule: HolidaySchedule) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(schedule), as: UTF8.self)
    }

    /// The audit record's summary: the holidays and the notice's title before and after (the notice's
    /// full text stays in the stored schedule).
    private struct Summary: Encodable {
        struct Side: Encodable {
            var source: String
            var holidays: [HolidaySchedule.Holiday]
        }

        var year: Int
        var before: Side?
        var after: Side
    }

    static func summary(before: HolidaySchedule?, after: HolidaySchedule) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let summary = Summary(
            year: after.year, before: before.map { Summary.Side(source: $0.source.title, holidays: $0.holidays) },
            after: Summary.Side(source: after.source.title, holidays: after.holidays))
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }
}
