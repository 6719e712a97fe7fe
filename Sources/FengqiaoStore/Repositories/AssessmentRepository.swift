import FengqiaoDomain
import Foundation
import SQLKit

/// Templates, runs and scores of the assessment (M025), and what scoring reads from the work itself: the cases a
/// period touches with their histories, concluded mediations, patrols and visits, and the units to score.
public struct AssessmentRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    // MARK: Templates and runs

    /// The saved template (JSON) of a kind of unit and period; nil while the standard one applies.
    public func template(unitKind: String, periodKind: String) async throws -> String? {
        try await db.select().column("template").from("assessment_templates")
            .where("unit_kind", .equal, unitKind).where("period_kind", .equal, periodKind).first()?
            .decode(column: "template", as: String.self)
    }

    /// Every saved template (JSON), of all kinds of unit and period.
    public func templates() async throws -> [String] {
        try await db.select().column("template").from("assessment_templates").all()
            .map { try $0.decode(column: "template", as: String.self) }
    }

    public func saveTemplate(unitKind: String, periodKind: String, template: String, by: String, at: Int64) async throws {
        try await db.insert(into: "assessment_templates")
            .columns("unit_kind", "period_kind", "template", "updated_by", "updated_at")
            .values(SQLBind(unitKind), SQLBind(periodKind), SQLBind(template), SQLBind(by), SQLBind(at))
            .onConflict(with: ["unit_kind", "period_kind"]) { update in
                update.set(excludedValueOf: "template").set(excludedValueOf: "updated_by").set(excludedValueOf: "updated_at")
            }
            .run()
    }

    public func run(periodKey: String, unitKind: String) async throws -> AssessmentRunRecord? {
        try await db.select().column("*").from("assessment_runs")
            .where("period_key", .equal, periodKey).where("unit_kind", .equal, unitKind).first()
            .map { try $0.decode(model: AssessmentRunRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The runs of a kind of unit, newest period first.
    public func runs(unitKind: String) async throws -> [AssessmentRunRecord] {
        try await db.select().column("*").from("assessment_runs").where("unit_kind", .equal, unitKind)
            .orderBy("period_key", .descending).all()
            .map { try $0.decode(model: AssessmentRunRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Replaces a period's scores of one kind of unit and its run, in the caller's transaction.
    public func replace(_ run: AssessmentRunRecord, scores: [AssessmentScoreRecord]) async throws {
        try await db.delete(from: "assessment_scores")
            .where("period_key", .equal, run.periodKey).where("unit_kind", .equal, run.unitKind).run()
        try await db.delete(from: "assessment_runs")
            .where("period_key", .equal, run.periodKey).where("unit_kind", .equal, run.unitKind).run()
        try await db.insert(into: "assessment_runs").model(run, keyEncodingStrategy: .convertToSnakeCase).run()
        let columns = ["period_key", "unit_kind", "unit_code", "name", "county_code", "area_code", "total",
                       "template_points", "awarded", "deducted", "rank", "ranked", "rank_change", "total_change",
                       "laggard", "indicators"]
        for chunk in CaseRepository.chunks(of: scores, size: 500) {
            try await db.insertRows(into: "assessment_scores", columns: columns, rows: chunk.map { s in
                [s.periodKey, s.unitKind, s.unitCode, s.name, s.countyCode, s.areaCode, s.total, s.templatePoints,
                 s.awarded, s.deducted, s.rank, s.ranked, s.rankChange, s.totalChange, s.laggard, s.indicators]
            })
        }
    }

    /// A period's scores of one kind of unit inside the subtree `prefix` (only `unitCode` when given), by county
    /// and place.
    public func scores(periodKey: String, unitKind: String, prefix: String, unitCode: String? = nil) async throws
        -> [AssessmentScoreRecord]
    {
        let query = db.select().column("*").from("assessment_scores")
            .where("period_key", .equal, periodKey).where("unit_kind", .equal, unitKind)
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
        if let unitCode { query.where("unit_code", .equal, unitCode) }
        return try await query.orderBy("county_code").orderBy("rank").orderBy("unit_code").all()
            .map { try $0.decode(model: AssessmentScoreRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: What is scored

    /// Departments: id, name, area.
    public func departments() async throws -> [(id: Int64, name: String, areaCode: String)] {
        try await db.select().columns("id", "name", "area_code").from("departments").orderBy("id").all().map {
            (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self),
             try $0.decode(column: "area_code", as: String.self))
        }
    }

    /// Active grid worker accounts: id, name, the grid they answer for.
    public func gridWorkers() async throws -> [(id: Int64, name: String, areaCode: String)] {
        try await db.select().columns("id", "display_name", "area_code").from("accounts")
            .where("role", .equal, Role.gridWorker.rawValue).where("status", .equal, AccountStatus.active.rawValue)
            .orderBy("id").all().map {
                (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "display_name", as: String.self),
                 try $0.decode(column: "area_code", as: String.self))
            }
    }

    // MARK: What scoring reads

    /// The cases whose history can count in `[start, end)`: reported before its end and changed since its start, or
    /// with a department's deadline or a stage clock due in it. With `prefix`, only cases of that subtree; with
    /// `department`, only cases that department was dispatched or summoned to.
    public func caseIds(start: Int64, end: Int64, prefix: String? = nil, department: Int64? = nil) async throws -> [Int64] {
        var query: SQLQueryString = """
            SELECT id FROM cases WHERE reported_at < \(bind: end) AND updated_at >= \(bind: start) \
            UNION SELECT case_id FROM case_assignments WHERE due_at >= \(bind: start) AND due_at < \(bind: end) \
            UNION SELECT case_id FROM case_clocks WHERE due_at >= \(bind: start) AND due_at < \(bind: end)
            """
        if let prefix {
            query = "SELECT id FROM cases WHERE id IN (\(query)) AND area_code >= \(bind: prefix) AND area_code < \(bind: prefix + ":")"
        } else if let department {
            query = """
                SELECT id FROM cases WHERE id IN (\(query)) AND (\
                id IN (SELECT case_id FROM case_assignments WHERE department_id = \(bind: department)) OR \
                id IN (SELECT case_id FROM case_clocks WHERE department_id = \(bind: department)))
                """
        }
        return try await db.raw(query).all().map { try $0.decode(column: "id", as: Int64.self) }.sorted()
    }

    /// The stored events (payload JSON) of these cases before `end`, of the given types, each case's in order.
    public func events(caseIds: [Int64], before end: Int64, types: [String]) async throws -> [(caseId: Int64, payload: String)] {
        var result: [(caseId: Int64, payload: String)] = []
        for chunk in CaseRepository.chunks(of: caseIds, size: 1_000) {
            let rows = try await db.select().columns("case_id", "payload").from("case_events")
                .where("case_id", .in, Array(chunk)).where("at", .lessThan, end).where("type", .in, types)
                .orderBy("case_id").orderBy("id").all()
            for row in rows {
                result.append((try row.decode(column: "case_id", as: Int64.self), try row.decode(column: "payload", as: String.self)))
            }
        }
        return result
    }

    /// Case numbers by id.
    public func caseNumbers(_ ids: [Int64]) async throws -> [Int64: String] {
        var numbers: [Int64: String] = [:]
        for chunk in CaseRepository.chunks(of: ids, size: 1_000) {
            for row in try await db.select().columns("id", "number").from("cases").where("id", .in, Array(chunk)).all() {
                numbers[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "number", as: String.self)
            }
        }
        return numbers
    }

    /// Mediations concluded with an outcome in `[start, end)`: area, state, the engine case, when.
    public func concludedMediations(start: Int64, end: Int64) async throws
        -> [(areaCode: String, state: String, caseId: Int64, closedAt: Int64)]
    {
        let concluded = MediationCaseState.allCases.filter(\.isConcluded).map(\.rawValue)
        return try await db.select().columns("area_code", "state", "case_id", "closed_at").from("mediation_cases")
            .where("closed_at", .greaterThanOrEqual, start).where("closed_at", .lessThan, end)
            .where("state", .in, concluded).all().map {
                (try $0.decode(column: "area_code", as: String.self), try $0.decode(column: "state", as: String.self),
                 try $0.decode(column: "case_id", as: Int64.self), try $0.decode(column: "closed_at", as: Int64.self))
            }
    }

    /// The start of every patrol in `[start, end)` (of `account` alone when given), by account.
    public func patrolStarts(start: Int64, end: Int64, account: Int64? = nil) async throws -> [Int64: [Int64]] {
        var starts: [Int64: [Int64]] = [:]
        let query = db.select().columns("account_id", "started_at").from("patrols")
            .where("started_at", .greaterThanOrEqual, start).where("started_at", .lessThan, end)
        if let account { query.where("account_id", .equal, account) }
        for row in try await query.all() {
            starts[try row.decode(column: "account_id", as: Int64.self), default: []]
                .append(try row.decode(column: "started_at", as: Int64.self))
        }
        return starts
    }

    /// Household visits on the days `[from, through]` (ISO days), by account.
    public func visitCounts(from: String, through: String) async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try await db.select().column("account_id").column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n")
            .from("visits").where("visited_on", .greaterThanOrEqual, from).where("visited_on", .lessThanOrEqual, through)
            .groupBy("account_id").all()
        {
            counts[try row.decode(column: "account_id", as: Int64.self)] = Int(try row.decode(column: "n", as: Int64.self))
        }
        return counts
    }

    /// One grid worker's household visits per day on the days `[from, through]`.
    public func visitDays(account: Int64, from: String, through: String) async throws -> [String: Int] {
        var days: [String: Int] = [:]
        for row in try await db.select().column("visited_on").column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n")
            .from("visits").where("account_id", .equal, account)
            .where("visited_on", .greaterThanOrEqual, from).where("visited_on", .lessThanOrEqual, through)
            .groupBy("visited_on").all()
        {
            days[try row.decode(column: "visited_on", as: String.self)] = Int(try row.decode(column: "n", as: Int64.self))
        }
        return days
    }
}
