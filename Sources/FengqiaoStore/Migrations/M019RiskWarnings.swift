import SQLKit

/// Risk early warning (风险预警): the facts the rules group cases by (one row per case, kept by the risk monitor as
/// case events arrive — opaque keys only, no names or numbers), the warnings with their cases and history, and the
/// rule books areas set for themselves. At most one open warning per situation (subject), enforced by a partial
/// unique index.
enum M019RiskWarnings {
    static let migration = Migration(version: 19, name: "risk_warnings") { db, _ in
        try await db.create(table: "risk_case_facts")
            .column("case_id", type: .bigint, .primaryKey(autoIncrement: false), .references("cases", "id"))
            .column("area_code", type: .text, .notNull)
            .column("grid_code", type: .text)
            .column("address_key", type: .text)
            .column("category", type: .text, .notNull)
            .column("respondent_key", type: .text)
            .column("applicant_key", type: .text)
            .column("people_involved", type: .int, .notNull)
            .column("amount_involved", type: .bigint, .notNull)
            .column("tags", type: .text, .notNull)  // sensitive tags of the people involved, comma-separated
            .column("reported_at", type: .bigint, .notNull)
            .column("reported_day", type: .text, .notNull)
            .run()
        try await db.create(index: "risk_facts_respondent").on("risk_case_facts")
            .column("respondent_key").column("category").column("reported_at").run()
        try await db.create(index: "risk_facts_grid").on("risk_case_facts")
            .column("grid_code").column("category").column("reported_at").run()
        try await db.create(index: "risk_facts_address").on("risk_case_facts").column("address_key").column("reported_at").run()
        try await db.create(index: "risk_facts_applicant").on("risk_case_facts").column("applicant_key").column("reported_at").run()
        try await db.create(index: "risk_facts_day").on("risk_case_facts")
            .column("area_code").column("category").column("reported_day").run()
        try await db.create(index: "risk_facts_reported").on("risk_case_facts").column("reported_at").run()

        try await db.create(table: "risk_warnings")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("number", type: .text, .notNull, .unique)
            .column("rule", type: .text, .notNull)
            .column("level", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            // The nearest area holding all its cases: jurisdiction ranges run over it.
            .column("area_code", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("measures", type: .text, .notNull)  // JSON [RiskMeasure]
            .column("state", type: .text, .notNull)
            .column("owner_id", type: .bigint)
            .column("owner_name", type: .text)
            .column("measures_taken", type: .text)
            .column("case_count", type: .int, .notNull)
            .column("raised_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("closed_at", type: .bigint)
            .run()
        try await db.raw("CREATE UNIQUE INDEX risk_warnings_open_subject ON risk_warnings (subject) WHERE state <> 'closed'").run()
        try await db.create(index: "risk_warnings_subject").on("risk_warnings").column("subject").run()
        try await db.create(index: "risk_warnings_area").on("risk_warnings").column("area_code").column("raised_at").run()
        try await db.create(index: "risk_warnings_state_area").on("risk_warnings").column("state").column("area_code").run()

        try await db.create(table: "risk_warning_cases")
            .column("warning_id", type: .bigint, .notNull, .references("risk_warnings", "id"))
            .column("case_id", type: .bigint, .notNull, .references("cases", "id"))
            .column("added_at", type: .bigint, .notNull)
            .primaryKey("warning_id", "case_id")
            .run()
        try await db.create(index: "risk_warning_cases_case").on("risk_warning_cases").column("case_id").run()

        try await db.create(table: "risk_warning_events")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("warning_id", type: .bigint, .notNull, .references("risk_warnings", "id"))
            .column("kind", type: .text, .notNull)  // raised | casesAdded | levelRaised | assigned | handling | closed
            .column("level", type: .text, .notNull)
            .column("actor_name", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "risk_warning_events_warning").on("risk_warning_events").column("warning_id").column("id").run()

        try await db.create(table: "risk_rule_books")
            .column("area_code", type: .text, .primaryKey(autoIncrement: false))
            .column("book", type: .text, .notNull)  // JSON RiskRuleBook
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
    }
}
