import SQLKit

/// The mediation ladder's resolved tier on `cases`, and the indexes of queries by grid and by the day
/// a case was resolved.
enum M006CaseLadderAndGrids {
    static let migration = Migration(version: 6, name: "case_ladder_and_grids") { db, _ in
        // The tier answering for a case when it was closed, and when (the projection of the events: set
        // on closing, cleared when a 不满意 revisit reopens the case). The share resolved at or below
        // each tier is one GROUP BY over them.
        try await db.alter(table: "cases").column("resolved_tier", type: .text).run()
        try await db.alter(table: "cases").column("resolved_at", type: .bigint).run()

        // Cases already closed or archived: the tier only moves up and never after closing, so the
        // current tier is the one they were closed at, and the last `closed` event is the moment.
        try await db.raw(
            """
            UPDATE cases SET resolved_tier = tier,
                resolved_at = (SELECT MAX(e.at) FROM case_events e WHERE e.case_id = cases.id AND e.type = 'closed')
            WHERE state IN ('closed', 'archived')
                AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = cases.id AND e.type = 'closed')
            """
        ).run()

        // The ladder counts a period (narrowed to an area) from the index alone.
        try await db.create(index: "cases_resolved").on("cases").column("resolved_at").column("area_code")
            .column("resolved_tier").run()
        // Grid workers' and grid leaders' lists and every query by grid, newest first.
        try await db.create(index: "cases_grid_updated").on("cases").column("grid_code").column("updated_at")
            .column("id").run()
    }
}
