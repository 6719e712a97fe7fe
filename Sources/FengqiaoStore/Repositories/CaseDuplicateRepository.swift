import Foundation
import SQLKit

/// The cases a duplicate check compares a report with, read with a bounded, index-friendly query:
/// one village (`area_code`, which a grid's cases share), the caller's scope, a time window and the
/// live states, most recently updated first, at most `limit` rows. The window is matched on
/// `updated_at` as well as `reported_at` (a case is updated no earlier than it is reported), so the
/// `(area_code, updated_at, id)` index bounds the scan.
public struct CaseDuplicateRepository: Sendable {
    /// What to look for.
    public struct Query: Sendable, Equatable {
        /// The caller's scope, as the worklists build it.
        public var scope: CaseListRepository.Filter
        public var areaCode: String
        /// Cases on this grid, and (when `withAddress`) cases that have an address.
        public var gridCode: String?
        public var withAddress: Bool
        /// Reported in `[since, until]` (epoch milliseconds; `until` nil: up to now).
        public var since: Int64
        public var until: Int64?
        public var excludedStates: [String]
        public var excludedCase: Int64?
        public var limit: Int

        public init(
            scope: CaseListRepository.Filter, areaCode: String, gridCode: String?, withAddress: Bool, since: Int64,
            until: Int64?, excludedStates: [String], excludedCase: Int64?, limit: Int
        ) {
            self.scope = scope
            self.areaCode = areaCode
            self.gridCode = gridCode
            self.withAddress = withAddress
            self.since = since
            self.until = until
            self.excludedStates = excludedStates
            self.excludedCase = excludedCase
            self.limit = limit
        }
    }

    /// A case to compare.
    public struct Candidate: Sendable, Codable, Equatable {
        public var id: Int64
        public var number: String
        public var state: String
        public var kind: String
        public var category: String
        public var gridCode: String?
        public var address: String?
        public var description: String
        public var reportedAt: Int64
    }

    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func candidates(_ query: Query) async throws -> [Candidate] {
        guard query.gridCode != nil || query.withAddress else { return [] }
        var sql: SQLQueryString = """
            SELECT id, number, state, kind, category, grid_code, address, description, reported_at FROM cases WHERE
            """
        sql += CaseListRepository.conditions(query.scope)
        sql += " AND area_code = \(bind: query.areaCode) AND updated_at >= \(bind: query.since)"
        sql += " AND reported_at >= \(bind: query.since)"
        if let until = query.until { sql += " AND reported_at <= \(bind: until)" }
        if !query.excludedStates.isEmpty { sql += " AND state NOT IN (\(binds: query.excludedStates))" }
        if let id = query.excludedCase { sql += " AND id <> \(bind: id)" }
        switch (query.gridCode, query.withAddress) {
        case (let grid?, true): sql += " AND (grid_code = \(bind: grid) OR address IS NOT NULL)"
        case (let grid?, false): sql += " AND grid_code = \(bind: grid)"
        case (nil, _): sql += " AND address IS NOT NULL"
        }
        sql += " ORDER BY updated_at DESC, id DESC LIMIT \(bind: query.limit)"
        return try await db.raw(sql).all()
            .map { try $0.decode(model: Candidate.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
