import SQLKit

/// The grid worker app's field work: patrols (巡查) with their track points and walked checklist, and visits
/// (走访). A patrol is named by the phone (`client_ref`, unique per account), so points and the stop recorded
/// without signal can follow its start in the same outbox. Retries are answered from `command_receipts`.
enum M023FieldWork {
    static let migration = Migration(version: 23, name: "field_work") { db, _ in
        try await db.create(table: "patrols")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("account_id", type: .bigint, .notNull)
            .column("client_ref", type: .text, .notNull)
            .column("grid_code", type: .text, .notNull)
            .column("started_at", type: .bigint, .notNull)
            .column("ended_at", type: .bigint)
            .column("checklist", type: .text)  // JSON: [PatrolChecklist.Checked]
            .column("note", type: .text)
            .column("point_count", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "patrols_account_ref").on("patrols").column("account_id").column("client_ref").unique().run()
        try await db.create(index: "patrols_grid").on("patrols").column("grid_code").column("started_at").run()
        try await db.create(table: "patrol_points")
            .column("patrol_id", type: .bigint, .notNull)
            .column("latitude", type: .double, .notNull)
            .column("longitude", type: .double, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "patrol_points_patrol").on("patrol_points").column("patrol_id").column("recorded_at").run()
        try await db.create(table: "visits")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("account_id", type: .bigint, .notNull)
            .column("grid_code", type: .text, .notNull)
            .column("subject_kind", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("person_id", type: .bigint)
            .column("latitude", type: .double)
            .column("longitude", type: .double)
            .column("visited_on", type: .text, .notNull)
            .column("notes", type: .text, .notNull)
            .column("findings", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "visits_account").on("visits").column("account_id").column("id").run()
        try await db.create(index: "visits_grid").on("visits").column("grid_code").column("visited_on").run()
    }
}
