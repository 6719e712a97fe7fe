import Foundation
import SQLKit

extension CaseListRepository {
    /// How many cases of `scope` (its area, grid and department conditions) were resolved in
    /// `[from, until)` (UTC milliseconds), by the tier they were resolved at: one GROUP BY over the
    /// projected `resolved_at` / `resolved_tier` (the `cases_resolved` index).
    public func resolvedByTier(_ scope: Filter, from: Int64, until: Int64) async throws -> [String: Int] {
        var sql: SQLQueryString = "SELECT resolved_tier AS tier, COUNT(*) AS n FROM cases WHERE "
        sql += "resolved_at >= \(bind: from) AND resolved_at < \(bind: until) AND "
        sql += Self.conditions(scope)
        sql += " GROUP BY resolved_tier"
        var counts: [String: Int] = [:]
        for row in try await db.raw(sql).all() {
            guard let tier = try row.decode(column: "tier", as: String?.self) else { continue }
            counts[tier] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
