import FengqiaoDomain
import Foundation
import SQLKit

/// The worklists' queries on `cases`: one filter, scoped to an area subtree in SQL, keyset-paged
/// in a stable order, and counted.
public struct CaseListRepository: Sendable {
    /// What a list holds. Every condition set here is ANDed.
    public struct Filter: Sendable, Equatable {
        /// The area subtree (`Jurisdiction.prefix`); `byGrid` tests `grid_code` (accounts placed on a
        /// grid or micro-grid) instead of `area_code` (the village a case is filed under).
        public var prefix: String
        public var byGrid: Bool
        /// Department staff: only cases their department has (or had) an assignment in.
        public var involvingDepartment: Int64?
        /// The case's state is one of these (nil: any).
        public var states: [String]?
        public var clockStatus: String?
        /// A live assignment of this department: its part is `dispatched` or `signed`, or it was summoned
        /// by 吹哨 (`summoned`, `checkedIn`) without a part of its own.
        public var liveAssignmentOf: Int64?
        /// "Mine": the last event's actor is `actor` (`account:42`, stored as `account:42:<name>`), or
        /// `department` has a live assignment (see `liveAssignmentOf`).
        public var mine: Mine?
        public var kind: String?
        public var channel: String?
        public var urgency: String?
        /// Reported days, inclusive, `yyyy-MM-dd`.
        public var reportedFrom: String?
        public var reportedTo: String?
        /// Cases with a summoned department that checked in late or not at all by its deadline (a
        /// `checkIn` clock `overdue` or `missed`); with a department, that department's own.
        public var missedCheckIn: MissedCheckIn?
        /// The case's category code.
        public var category: String?
        /// Further subtrees the case must lie in (an area and/or a grid inside the jurisdiction).
        public var within: [Subtree] = []
        /// The department leads or assists on the case (any assignment of it, past or present).
        public var department: Int64?
        /// The case's open supervision (`cases.supervision`) is one of these.
        public var supervisions: [String]?

        /// The department leading the case (`lead_department_id`).
        public var leadDepartment: Int64?
        /// The dashboard's measures (`CaseRollupMeasure`), each as the rollups count it.
        public var closed = false
        public var closedOnTime = false
        public var rated = false
        public var satisfied = false
        public var resolved = false
        public var resolvedVillage = false
        /// The case is in an open risk warning of one of these levels.
        public var riskLevels: [String]?

        /// An area (`area_code`) or grid (`grid_code`) subtree.
        public struct Subtree: Sendable, Equatable {
            public var prefix: String
            public var byGrid: Bool
            public init(prefix: String, byGrid: Bool) {
                self.prefix = prefix
                self.byGrid = byGrid
            }
        }

        public struct MissedCheckIn: Sendable, Equatable {
            public var department: Int64?
            public init(department: Int64?) { self.department = department }
        }

        public struct Mine: Sendable, Equatable {
            public var actor: String
            public var department: Int64?
            public init(actor: String, department: Int64?) {
                self.actor = actor
                self.department = department
            }
        }

        public init(prefix: String, byGrid: Bool) {
            self.prefix = prefix
            self.byGrid = byGrid
        }
    }

    /// `recent`: `updated_at DESC, id DESC`; `due`: `COALESCE(due_at, 0) ASC, id ASC` (soonest first);
    /// `sorted`: by reported time, due time (cases without a deadline last when ascending) or urgency
    /// (一般 < 紧急 < 特急), ties broken by id in the same direction.
    public enum Order: Sendable, Equatable {
        case recent, due
        case sorted(SortKey, descending: Bool)
    }

    public enum SortKey: String, Sendable, CaseIterable {
        case reported, due, urgency
    }

    /// Cases without a deadline sort after every real one (year 9999, in milliseconds).
    static let noDeadline: Int64 = 253_402_300_799_999

    /// The sort key of `order` as SQL; `updated_at` for `recent`.
    static func key(_ order: Order) -> SQLQueryString {
        switch order {
        case .recent: "updated_at"
        case .due: "COALESCE(due_at, 0)"
        case .sorted(.reported, _): "reported_at"
        case .sorted(.due, _): "COALESCE(due_at, \(unsafeRaw: String(noDeadline)))"
        case .sorted(.urgency, _): "(CASE urgency WHEN 'critical' THEN 3 WHEN 'urgent' THEN 2 ELSE 1 END)"
        }
    }

    /// One row of a worklist.
    public struct Row: Sendable, Codable, Equatable {
        public var id: Int64
        public var number: String
        public var state: String
        public var kind: String
        public var category: String
        public var channel: String
        public var urgency: String
        public var areaCode: String
        public var gridCode: String?
        public var reportedAt: Int64
        public var updatedAt: Int64
        public var dueAt: Int64?
        public var clockStatus: String
        public var supervision: String
        public var leadDepartmentId: Int64?

        /// The value this row sorts by in `order` (see `key`).
        public func sortKey(_ order: Order) -> Int64 {
            switch order {
            case .recent: updatedAt
            case .due: dueAt ?? 0
            case .sorted(.reported, _): reportedAt
            case .sorted(.due, _): dueAt ?? CaseListRepository.noDeadline
            case .sorted(.urgency, _): urgency == "critical" ? 3 : urgency == "urgent" ? 2 : 1
            }
        }
    }

    static let liveAssignmentStates = ["dispatched", "signed", "summoned", "checkedIn"]

    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Up to `limit` rows of `filter` in `order`, after the row with sort key `after.key` and id `after.id`.
    public func page(_ filter: Filter, order: Order, after: (key: Int64, id: Int64)?, limit: Int) async throws -> [Row] {
        var sql: SQLQueryString = """
            SELECT id, number, state, kind, category, channel, urgency, area_code, grid_code, reported_at, updated_at,
            due_at, clock_status, supervision, lead_department_id FROM cases WHERE
            """
        sql += Self.conditions(filter)
        let descending: Bool
        switch order {
        case .recent: descending = true
        case .due: descending = false
        case .sorted(_, let direction): descending = direction
        }
        let key = Self.key(order)
        if let after {
            sql += " AND (" + key + ", id) " + (descending ? "<" : ">") + " (\(bind: after.key), \(bind: after.id))"
        }
        let direction: SQLQueryString = descending ? " DESC" : " ASC"
        sql += " ORDER BY " + key + direction + ", id" + direction
        sql += " LIMIT \(bind: limit)"
        return try await db.raw(sql).all().map { try $0.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// How many cases `filter` holds.
    public func count(_ filter: Filter) async throws -> Int {
        let sql: SQLQueryString = "SELECT COUNT(*) AS n FROM cases WHERE " + Self.conditions(filter)
        return try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func conditions(_ filter: Filter) -> SQLQueryString {
        let column = filter.byGrid ? "grid_code" : "area_code"
        var sql: SQLQueryString = "\(ident: column) >= \(bind: filter.prefix) AND \(ident: column) < \(bind: filter.prefix + ":")"
        if let department = filter.involvingDepartment {
            sql += " AND EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = cases.id AND a.department_id = \(bind: department))"
        }
        if let states = filter.states {
            sql += states.isEmpty ? " AND 1 = 0" : " AND state IN (\(binds: states))"
        }
        if let status = filter.clockStatus { sql += " AND clock_status = \(bind: status)" }
        if let department = filter.liveAssignmentOf {
            sql += " AND " + Self.live(department)
        }
        if let mine = filter.mine {
            sql += """
                 AND ((SELECT e.actor FROM case_events e WHERE e.case_id = cases.id ORDER BY e.id DESC LIMIT 1) || ':' \
                LIKE \(bind: mine.actor + ":%")
                """
            if let department = mine.department { sql += " OR " + Self.live(department) }
            sql += ")"
        }
        if let kind = filter.kind { sql += " AND kind = \(bind: kind)" }
        if let channel = filter.channel { sql += " AND channel = \(bind: channel)" }
        if let urgency = filter.urgency { sql += " AND urgency = \(bind: urgency)" }
        if let from = filter.reportedFrom { sql += " AND reported_day >= \(bind: from)" }
        if let to = filter.reportedTo { sql += " AND reported_day <= \(bind: to)" }
        if let category = filter.category { sql += " AND category = \(bind: category)" }
        for subtree in filter.within {
            let column = subtree.byGrid ? "grid_code" : "area_code"
            sql += " AND \(ident: column) >= \(bind: subtree.prefix) AND \(ident: column) < \(bind: subtree.prefix + ":")"
        }
        if let department = filter.department {
            // One lookup of the department's assignments (case_assignments_department), not one per case.
            sql += " AND cases.id IN (SELECT d.case_id FROM case_assignments d WHERE d.department_id = \(bind: department))"
        }
        if let supervisions = filter.supervisions {
            sql += supervisions.isEmpty ? " AND 1 = 0" : " AND supervision IN (\(binds: supervisions))"
        }
        if let lead = filter.leadDepartment { sql += " AND lead_department_id = \(bind: lead)" }
        let closedStates = CaseRollupMeasure.closedStates.map(\.rawValue)
        if filter.closed || filter.closedOnTime { sql += " AND state IN (\(binds: closedStates))" }
        if filter.closedOnTime { sql += " AND clock_late = 0" }
        if filter.rated || filter.satisfied { sql += " AND satisfaction IS NOT NULL" }
        if filter.satisfied {
            sql += " AND satisfaction IN (\(binds: CaseRollupMeasure.satisfiedRatings.map(\.rawValue)))"
        }
        if filter.resolved || filter.resolvedVillage { sql += " AND resolved_tier IS NOT NULL" }
        if filter.resolvedVillage {
            sql += " AND resolved_tier IN (\(binds: CaseRollupMeasure.villageTiers.map(\.rawValue)))"
        }
        if let levels = filter.riskLevels {
            sql += """
                 AND cases.id IN (SELECT r.case_id FROM risk_warning_cases r JOIN risk_warnings w ON w.id = r.warning_id \
                WHERE w.state <> 'closed' AND w.level IN (\(binds: levels)))
                """
        }
        if let missed = filter.missedCheckIn {
            // The late summons clocks first (case_clocks_kind_status), then their cases: not one probe per case.
            sql += """
                 AND cases.id IN (SELECT k.case_id FROM case_clocks k WHERE k.kind = 'checkIn' \
                AND k.status IN ('overdue', 'missed')
                """
            if let department = missed.department { sql += " AND k.department_id = \(bind: department)" }
            sql += ")"
        }
        return sql
    }

    static func live(_ department: Int64) -> SQLQueryString {
        """
        EXISTS (SELECT 1 FROM case_assignments l WHERE l.case_id = cases.id AND l.department_id = \(bind: department) \
        AND l.state IN (\(binds: liveAssignmentStates)))
        """
    }
}
