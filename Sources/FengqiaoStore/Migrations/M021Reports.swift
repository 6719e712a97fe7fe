import SQLKit

/// Reports (日报、周报、月报、专报): each stored once with its figures as JSON (`ReportSnapshot`), so its page, PDF and
/// workbook are drawn from what it said when it was made. `schedule_key` (unique) makes the nightly job store each
/// area's scheduled report once however often it runs; reports made on demand have none.
enum M021Reports {
    static let migration = Migration(version: 21, name: "reports") { db, _ in
        try await db.create(table: "reports")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("number", type: .text, .notNull, .unique)
            .column("kind", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("period_from", type: .text, .notNull)
            .column("period_to", type: .text, .notNull)
            .column("topic", type: .text)  // the 专报's category code
            .column("title", type: .text, .notNull)
            .column("snapshot", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("schedule_key", type: .text, .unique)
            .run()
        try await db.create(index: "reports_area").on("reports").column("area_code").column("id").run()
        try await db.create(index: "reports_kind_area").on("reports").column("kind").column("area_code").column("id").run()
    }
}
