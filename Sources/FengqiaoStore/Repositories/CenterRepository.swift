import Foundation
import SQLKit

/// Centres, their departments and the duty rosters of rotating departments.
public struct CenterRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func center(areaCode: String) async throws -> CenterRecord? {
        try await db.select().column("*").from("centers").where("area_code", .equal, areaCode).first()?
            .decode(model: CenterRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The centres of the given areas (e.g. an area's ancestors, to find the nearest hotline).
    public func centers(areaCodes: [String]) async throws -> [CenterRecord] {
        guard !areaCodes.isEmpty else { return [] }
        return try await db.select().column("*").from("centers").where("area_code", .in, areaCodes).all()
            .map { try $0.decode(model: CenterRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Creates the centre or replaces its name, address and hotline.
    public func save(_ center: CenterRecord) async throws {
        try await db.raw("""
            INSERT INTO centers (area_code, name, level, address, hotline, created_at)
            VALUES (\(bind: center.areaCode), \(bind: center.name), \(bind: center.level), \(bind: center.address),
                    \(bind: center.hotline), \(bind: center.createdAt))
            ON CONFLICT (area_code) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address,
              hotline = EXCLUDED.hotline
            """).run()
    }

    public func departments(areaCode: String) async throws -> [DepartmentRecord] {
        try await db.select().column("*").from("departments").where("area_code", .equal, areaCode)
            .orderBy("is_core", .descending).orderBy("id").all()
            .map { try $0.decode(model: DepartmentRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func department(id: Int64) async throws -> DepartmentRecord? {
        try await db.select().column("*").from("departments").where("id", .equal, id).first()?
            .decode(model: DepartmentRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Adds the department; the same code twice in one area is `StoreError.duplicate`.
    public func insert(_ department: DepartmentRecord) async throws -> Int64 {
        let existing = try await db.select().column("id").from("departments")
            .where("area_code", .equal, department.areaCode).where("code", .equal, department.code).first()
        guard existing == nil else { throw StoreError.duplicate("code") }
        guard let row = try await db.insert(into: "departments")
            .model(department, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned("departments") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func setStationing(departmentId: Int64, to stationing: String) async throws {
        try await db.update("departments").set("stationing", to: stationing).where("id", .equal, departmentId).run()
    }

    /// Replaces the roster of a department for the days in `days` with `entries` (day, account).
    public func replaceRoster(departmentId: Int64, days: [String], entries: [(day: String, accountId: Int64)]) async throws {
        if !days.isEmpty {
            try await db.delete(from: "duty_rosters").where("department_id", .equal, departmentId)
                .where("day", .in, days).run()
        }
        for entry in entries {
            try await db.insert(into: "duty_rosters").columns("department_id", "day", "account_id")
                .values(SQLBind(departmentId), SQLBind(entry.day), SQLBind(entry.accountId)).run()
        }
    }

    /// Who is on duty for which department of the area on `day`: department id → display names.
    public func onDuty(areaCode: String, day: String) async throws -> [Int64: [String]] {
        let rows = try await db.select()
            .column(SQLColumn("department_id", table: "duty_rosters")).column(SQLColumn("display_name", table: "accounts"))
            .from("duty_rosters")
            .join("departments", on: SQLColumn("id", table: "departments"), .equal, SQLColumn("department_id", table: "duty_rosters"))
            .join("accounts", on: SQLColumn("id", table: "accounts"), .equal, SQLColumn("account_id", table: "duty_rosters"))
            .where(SQLColumn("area_code", table: "departments"), .equal, SQLBind(areaCode))
            .where(SQLColumn("day", table: "duty_rosters"), .equal, SQLBind(day))
            .orderBy(SQLColumn("display_name", table: "accounts")).all()
        var result: [Int64: [String]] = [:]
        for row in rows {
            result[try row.decode(column: "department_id", as: Int64.self), default: []]
                .append(try row.decode(column: "display_name", as: String.self))
        }
        return result
    }
}
