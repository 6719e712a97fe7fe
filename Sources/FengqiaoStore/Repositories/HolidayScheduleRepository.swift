import Foundation
import SQLKit

/// Holiday schedules entered by administrators, one row per year.
public struct HolidayScheduleRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Every stored year, oldest first.
    public func all() async throws -> [HolidayScheduleRecord] {
        try await db.select().column("*").from("holiday_schedules").orderBy("year").all()
            .map { try $0.decode(model: HolidayScheduleRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func find(year: Int) async throws -> HolidayScheduleRecord? {
        try await db.select().column("*").from("holiday_schedules").where("year", .equal, year).first()?
            .decode(model: HolidayScheduleRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Stores the year's schedule, replacing any stored before.
    public func save(_ record: HolidayScheduleRecord) async throws {
        try await db.raw("""
            INSERT INTO holiday_schedules (year, schedule, source, updated_by, updated_at)
            VALUES (\(bind: record.year), \(bind: record.schedule), \(bind: record.source), \(bind: record.updatedBy),
            \(bind: record.updatedAt))
            ON CONFLICT (year) DO UPDATE SET schedule = EXCLUDED.schedule, source = EXCLUDED.source,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
            """).run()
    }
}
