import SQLKit

/// The governance map: area status and history, place-name aliases, centres, duty rosters, grid
/// posts, households, things (隐患点, 设施), and name/address search over people, organisations and
/// places (FTS5 trigram on SQLite, pg_trgm on PostgreSQL; see `BaseDataSearch`).
enum M003GovernanceMap {
    static let migration = Migration(version: 3, name: "governance_map") { db, kind in
        // An area is `active` or `retired`; a retired area keeps its row so cases filed under it
        // still name it. `effective_from` / `retired_on` are China-time days.
        try await db.alter(table: "areas").column("status", type: .text, .notNull, .default("active")).run()
        try await db.alter(table: "areas").column("effective_from", type: .text).run()
        try await db.alter(table: "areas").column("retired_on", type: .text).run()
        // Other names people use for the area (昆区 for 昆都仑区), separated by `|`.
        try await db.alter(table: "areas").column("aliases", type: .text, .notNull, .default("")).run()
        try await db.alter(table: "areas").column("area_m2", type: .double).run()
        try await db.create(index: "areas_status_level").on("areas").column("status").column("level").run()

        // One row per change of the tree: renamed, redrawn, moved, split, merged, created, retired.
        try await db.create(table: "area_changes")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("area_code", type: .text, .notNull)
            .column("change", type: .text, .notNull)
            .column("effective_on", type: .text, .notNull)
            .column("before", type: .text, .notNull)
            .column("after", type: .text, .notNull)
            .column("related_codes", type: .text, .notNull)
            .column("account_id", type: .bigint)
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "area_changes_area").on("area_changes").column("area_code").column("id").run()

        // 综治中心: at most one per area (市, 县, 镇, 村).
        try await db.create(table: "centers")
            .column("area_code", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("level", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("hotline", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()

        // Who of a rotating (轮驻) department is on duty at the centre on which day.
        try await db.create(table: "duty_rosters")
            .column("department_id", type: .bigint, .notNull)
            .column("day", type: .text, .notNull)
            .column("account_id", type: .bigint, .notNull)
            .primaryKey("department_id", "day", "account_id")
            .run()

        // 一格一长一警一专多兼: who holds which post in which grid.
        try await db.create(table: "grid_posts")
            .column("grid_code", type: .text, .notNull)
            .column("post", type: .text, .notNull)
            .column("account_id", type: .bigint, .notNull)
            .column("assigned_at", type: .bigint, .notNull)
            .primaryKey("grid_code", "post", "account_id")
            .run()
        try await db.create(index: "grid_posts_account").on("grid_posts").column("account_id").run()

        try await db.create(table: "households")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("grid_code", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("dwelling_use", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .unique("grid_code", "address")
            .run()
        try await db.alter(table: "people").column("household_id", type: .bigint).run()
        try await db.alter(table: "people").column("relation", type: .text).run()
        try await db.create(index: "people_household").on("people").column("household_id").run()
        try await db.create(index: "organizations_grid").on("organizations").column("grid_code").run()
        try await db.create(index: "places_grid").on("places").column("grid_code").run()

        try await db.create(table: "things")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("grid_code", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("lat", type: .double)
            .column("lon", type: .double)
            .column("note", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "things_grid").on("things").column("grid_code").run()

        try await db.create(index: "people_name").on("people").column("name").run()
        try await db.create(index: "people_grid_id").on("people").column("grid_code").column("id").run()
        try await BaseDataSearch.createIndexes(on: db, kind: kind)
    }
}
