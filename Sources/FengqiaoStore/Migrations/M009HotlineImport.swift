import SQLKit

/// 12345 hotline imports: batches of work orders, each work order linked to the case it became (the
/// work-order number is unique, so importing a file twice creates nothing new) with the status that goes
/// back to the hotline; the column-mapping profiles and the 诉求类型 → kind/category table.
enum M009HotlineImport {
    static let migration = Migration(version: 9, name: "hotline_import") { db, _ in
        try await db.create(table: "hotline_batches")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("filename", type: .text, .notNull)
            .column("format", type: .text, .notNull)  // csv | xlsx | json
            .column("profile", type: .text, .notNull)
            // The importer's jurisdiction root: who may list the batch and read its report.
            .column("area_code", type: .text, .notNull)
            .column("account_id", type: .bigint)
            .column("actor", type: .text, .notNull)
            .column("row_count", type: .int, .notNull, .default(0))
            .column("created", type: .int, .notNull, .default(0))
            .column("already_imported", type: .int, .notNull, .default(0))
            .column("changed", type: .int, .notNull, .default(0))
            .column("failed", type: .int, .notNull, .default(0))
            // The row problems as JSON (the downloadable error report); null while the batch runs.
            .column("problems", type: .text)
            .column("started_at", type: .bigint, .notNull)
            .column("finished_at", type: .bigint)
            .run()
        try await db.create(index: "hotline_batches_area").on("hotline_batches").column("area_code").column("id").run()

        try await db.create(table: "hotline_work_orders")
            .column("work_order_number", type: .text, .primaryKey(autoIncrement: false))
            .column("case_id", type: .bigint, .notNull, .unique)
            .column("batch_id", type: .bigint, .notNull)
            // SHA-256 of the order's canonical content: the same number sent again with other content is reported.
            .column("content_hash", type: .text, .notNull)
            .column("called_at", type: .bigint, .notNull)
            // 办结时限 as the hotline set it; the default deadline when the case is dispatched.
            .column("deadline_at", type: .bigint)
            .column("request_type", type: .text)
            // What goes back to the hotline, kept as the case moves: state, result or reply, when it
            // was finished (办结), the requester's satisfaction.
            .column("state", type: .text, .notNull)
            .column("result", type: .text)
            .column("finished_at", type: .bigint)
            .column("satisfaction", type: .text)
            .column("status_changed_at", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "hotline_work_orders_called").on("hotline_work_orders").column("called_at").run()
        try await db.create(index: "hotline_work_orders_batch").on("hotline_work_orders").column("batch_id").run()

        try await db.create(table: "hotline_profiles")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("columns", type: .text, .notNull)  // JSON: field → names
            .column("updated_at", type: .bigint, .notNull)
            .run()

        try await db.create(table: "hotline_type_mappings")
            .column("request_type", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)
            .column("category", type: .text, .notNull)
            .run()
    }
}
