import SQLKit

/// The command-centre dashboard's rollups (issue 9 part 4): per reported day and month, per area
/// subtree, grid and lead department, one counter per measure (`CaseRollupKeys`), kept in the same
/// transaction as every write of a case row, so a dashboard reads a bounded number of rows at any
/// number of cases. Adds the two case columns they need: the latest revisit's rating and whether a
/// clock of the case ever went past its deadline.
enum M016CaseRollups {
    static let migration = Migration(version: 16, name: "case_rollups") { db, _ in
        try await db.alter(table: "cases").column("satisfaction", type: .text).run()
        try await db.alter(table: "cases").column("clock_late", type: .int, .notNull, .default(0)).run()
        try await db.create(table: "case_rollups")
            .column("period", type: .text, .notNull)
            .column("scope", type: .text, .notNull)
            .column("measure", type: .text, .notNull)
            .column("count", type: .bigint, .notNull)
            .primaryKey("period", "scope", "measure")
            .run()
        // Sums over all months of one scope (the "now" counters: overdue, supervised).
        try await db.create(index: "case_rollups_scope").on("case_rollups").column("scope").column("measure")
            .column("period").run()
        // Existing rows: the latest revisit's rating from its event (payload keys are sorted JSON), and
        // the clocks that went red.
        for rating in ["satisfied", "basicallySatisfied", "unsatisfied"] {
            try await db.raw(
                """
                UPDATE cases SET satisfaction = \(bind: rating) WHERE (SELECT e.payload FROM case_events e
                    WHERE e.case_id = cases.id AND e.type = 'revisited' ORDER BY e.id DESC LIMIT 1)
                    LIKE \(bind: "%\"satisfaction\":\"" + rating + "\"%")
                """
            ).run()
        }
        try await db.raw(
            """
            UPDATE cases SET clock_late = 1 WHERE EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = cases.id
                AND k.status IN ('missed', 'overdue'))
            """
        ).run()
        try await CaseRollupRepository(db).rebuildAll()
    }
}
