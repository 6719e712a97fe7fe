import SQLKit

/// 群众安全感、满意度电话调查: rounds (one per area and two-month period, with the seed their call list was drawn
/// with) and the numbers drawn, each with its sealed phone, its outcome and, once answered, the answers.
enum M027SatisfactionSurveys {
    static let migration = Migration(version: 27, name: "satisfaction_surveys") { db, _ in
        try await db.create(table: "survey_rounds")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("title", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("year", type: .bigint, .notNull)
            .column("period", type: .bigint, .notNull)
            .column("starts_on", type: .text, .notNull)
            .column("ends_on", type: .text, .notNull)
            .column("window_start", type: .bigint, .notNull)
            .column("window_end", type: .bigint, .notNull)
            .column("source", type: .text, .notNull)
            .column("per_township", type: .bigint, .notNull)
            .column("seed", type: .text, .notNull)  // UInt64 in decimal: wider than a signed bigint
            .column("sampled", type: .bigint, .notNull)
            .column("created_by", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "survey_rounds_area_period").on("survey_rounds")
            .column("area_code").column("year").column("period").unique().run()
        try await db.create(table: "survey_items")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("round_id", type: .bigint, .notNull, .references("survey_rounds", "id"))
            .column("township_code", type: .text, .notNull)
            .column("subject_kind", type: .text, .notNull)
            .column("subject_id", type: .bigint, .notNull)
            .column("phone_cipher", type: .text, .notNull)
            .column("phone_masked", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("attempts", type: .bigint, .notNull)
            .column("safety", type: .text)
            .column("satisfaction", type: .text)
            .column("comment", type: .text)
            .column("called_by", type: .bigint)
            .column("called_at", type: .bigint)
            .run()
        try await db.create(index: "survey_items_subject").on("survey_items")
            .column("round_id").column("subject_kind").column("subject_id").unique().run()
        try await db.create(index: "survey_items_round").on("survey_items")
            .column("round_id").column("township_code").column("status").run()
    }
}
