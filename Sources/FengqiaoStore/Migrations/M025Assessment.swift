import SQLKit

/// Assessment (考核): the templates admins edit (one per kind of unit and kind of period; the built-in standard until
/// saved), each scored period's run with the template it was scored by (frozen once the period has ended, so a closed
/// period recomputes to the same numbers), and the scores with their places in the county's ranking. Scores keep the
/// area they belong to (a township's code, a department's county, a grid worker's grid) so that reading them is
/// scoped like everything else.
enum M025Assessment {
    static let migration = Migration(version: 25, name: "assessment") { db, _ in
        try await db.create(table: "assessment_templates")
            .column("unit_kind", type: .text, .notNull)
            .column("period_kind", type: .text, .notNull)
            .column("template", type: .text, .notNull)  // JSON: AssessmentTemplate
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .primaryKey("unit_kind", "period_kind")
            .run()
        try await db.create(table: "assessment_runs")
            .column("period_key", type: .text, .notNull)
            .column("unit_kind", type: .text, .notNull)
            .column("template", type: .text, .notNull)  // JSON: the AssessmentTemplate scored by
            .column("units", type: .bigint, .notNull)
            .column("computed_by", type: .text, .notNull)
            .column("computed_at", type: .bigint, .notNull)
            .primaryKey("period_key", "unit_kind")
            .run()
        try await db.create(table: "assessment_scores")
            .column("period_key", type: .text, .notNull)
            .column("unit_kind", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            // The ranking a unit is placed in: its county (6 digits).
            .column("county_code", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("total", type: .double, .notNull)
            .column("template_points", type: .double, .notNull)
            .column("awarded", type: .double, .notNull)
            .column("deducted", type: .double, .notNull)
            .column("rank", type: .bigint, .notNull)
            .column("ranked", type: .bigint, .notNull)
            .column("rank_change", type: .bigint)
            .column("total_change", type: .double)
            .column("laggard", type: .bigint, .notNull)
            .column("indicators", type: .text, .notNull)  // JSON: [IndicatorScore]
            .primaryKey("period_key", "unit_kind", "unit_code")
            .run()
        try await db.create(index: "assessment_scores_area").on("assessment_scores")
            .column("period_key").column("unit_kind").column("area_code").run()
    }
}
