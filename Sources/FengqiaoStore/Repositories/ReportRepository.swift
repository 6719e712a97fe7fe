import FengqiaoDomain
import Foundation
import SQLKit

/// `reports` (stored reports) and the grouped case counts a report over a category needs.
public struct ReportRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts the report and numbers it `prefix` + its id in five digits; returns the stored row.
    public func insert(_ report: ReportRecord, numberPrefix: String) async throws -> ReportRecord {
        var stored = report
        stored.number = "pending-\(UUID().uuidString)"
        let row = try await db.insert(into: "reports")
            .model(stored, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noRowReturned("reports") }
        stored.id = id
        stored.number = numberPrefix + String(format: "%05d", id)
        try await db.update("reports").set("number", to: stored.number).where("id", .equal, id).run()
        return stored
    }

    public func find(number: String) async throws -> ReportRecord? {
        try await db.select().column("*").from("reports").where("number", .equal, number).first()
            .map { try $0.decode(model: ReportRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Whether a scheduled report with `key` is stored.
    public func hasScheduled(_ key: String) async throws -> Bool {
        try await db.select().column("id").from("reports").where("schedule_key", .equal, key).first() != nil
    }

    /// Reports of areas inside the subtree `prefix`, newest first, keyset-paged on id (without their snapshots).
    public func list(prefix: String, kind: String?, before: Int64?, limit: Int) async throws -> [ReportRecord] {
        let query = db.select()
            .columns("id", "number", "kind", "area_code", "period_from", "period_to", "topic", "title", "created_by",
                     "created_at", "schedule_key")
            .column(SQLLiteral.string(""), as: "snapshot")
            .from("reports")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
        if let kind { query.where("kind", .equal, kind) }
        if let before { query.where("id", .lessThan, before) }
        return try await query.orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: ReportRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The rollup facts of the cases reported between the two days inside the subtree `prefix` (of `category`
    /// when given), grouped: each distinct facts row with its number of cases. The area code is cut to
    /// `areaLength` characters (the level the report breaks down by).
    public func caseFacts(
        prefix: String, from: String, to: String, category: String?, categoryName: String? = nil, areaLength: Int
    ) async throws -> [(facts: CaseRollupFacts, count: Int)] {
        let area = SQLFunction("substr", args: SQLIdentifier("area_code"), SQLLiteral.numeric("1"),
                               SQLLiteral.numeric(String(max(1, areaLength))))
        let grouped = ["reported_day", "state", "channel", "kind", "satisfaction", "resolved_tier", "clock_status",
                       "clock_late", "supervision"]
        let query = db.select().column(area, as: "area").columns(grouped.map { SQLColumn($0) })
            .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n").from("cases")
            .where("reported_day", .greaterThanOrEqual, from).where("reported_day", .lessThanOrEqual, to)
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
        if let category { Self.topic(query, category, named: categoryName) }
        query.groupBy(area)
        for column in grouped { query.groupBy(column) }
        return try await query.all().map { row in
            (try CaseRollupRepository.facts(row, area: "area", places: false), try row.decode(column: "n", as: Int.self))
        }
    }

    /// The cases reported between the two days inside the subtree `prefix` (of `category` and below when given),
    /// counted by category, most first, at most `limit`.
    public func categoryCounts(
        prefix: String, from: String, to: String, category: String?, categoryName: String? = nil, limit: Int
    ) async throws
        -> [(category: String, count: Int)]
    {
        let query = db.select().column("category").column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n").from("cases")
            .where("reported_day", .greaterThanOrEqual, from).where("reported_day", .lessThanOrEqual, to)
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
        if let category { Self.topic(query, category, named: categoryName) }
        return try await query.groupBy("category").orderBy(SQLOrderBy(expression: SQLRaw("n"), direction: SQLDirection.descending)).orderBy("category").limit(limit).all()
            .map { (try $0.decode(column: "category", as: String.self), try $0.decode(column: "n", as: Int.self)) }
    }

    /// Limits `query` to the cases of `category`: a whole kind (`dispute`) by the kind column, else the category and
    /// the categories below it (`dispute.neighbour`, `dispute.neighbour.*`), by code or by name.
    /// Cases keep the category as it was given, a code or its name (`dispute.neighbour`, 邻里纠纷), so both count.
    static func topic(_ query: SQLSelectBuilder, _ category: String, named name: String?) {
        if CaseKind(rawValue: category) != nil {
            query.where("kind", .equal, category)
        } else {
            query.where(SQLBinaryExpression(
                SQLBinaryExpression(SQLIdentifier("category"), .in, SQLBind.group([category, name ?? category])), .or,
                SQLBinaryExpression(SQLIdentifier("category"), .like, SQLBind(category + ".%"))))
        }
    }

    /// The areas that have a 综治中心, in code order (the nightly reports are made for each).
    public func centerAreas() async throws -> [String] {
        try await db.select().column("area_code").from("centers").orderBy("area_code").all(decodingColumn: "area_code", as: String.self)
    }

    /// Warnings raised in `[from, to)` (milliseconds) inside the subtree `prefix`, newest first.
    public func warnings(prefix: String, raisedFrom: Int64, before: Int64) async throws -> [RiskWarningRecord] {
        try await db.select().column("*").from("risk_warnings")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
            .where("raised_at", .greaterThanOrEqual, raisedFrom).where("raised_at", .lessThan, before)
            .orderBy("raised_at", .descending).orderBy("id", .descending).all()
            .map { try $0.decode(model: RiskWarningRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
