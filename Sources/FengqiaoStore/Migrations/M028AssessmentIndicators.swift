import SQLKit

/// Indicators the assessor defines beyond the twelve built in (their definition as JSON, never deleted, only retired)
/// and the values of the reported ones (人工填报), one per indicator, period and unit.
enum M028AssessmentIndicators {
    static let migration = Migration(version: 28, name: "assessment_indicators") { db, _ in
        try await db.create(table: "assessment_indicators")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("indicator_key", type: .text, .notNull, .unique)
            .column("unit_kind", type: .text, .notNull)
            .column("definition", type: .text, .notNull)
            .column("active", type: .bigint, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("retired_by", type: .text)
            .column("retired_at", type: .bigint)
            .run()
        try await db.create(table: "assessment_reported_values")
            .column("indicator_key", type: .text, .notNull)
            .column("period_key", type: .text, .notNull)
            .column("unit_kind", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull)
            .column("numerator", type: .bigint, .notNull)
            .column("denominator", type: .bigint)
            .column("note", type: .text)
            .column("entered_by", type: .text, .notNull)
            .column("entered_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "assessment_reported_values_key").on("assessment_reported_values")
            .column("indicator_key").column("period_key").column("unit_code").unique().run()
    }
}
