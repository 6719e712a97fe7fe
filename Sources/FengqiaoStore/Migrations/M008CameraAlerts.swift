import SQLKit

/// AI-camera alerts (AI视频预警): the camera registry, the per-type rules administrators set, the alerts
/// (each with the repeats from the same camera and type folded into it) and every event id received, so
/// that the same event sent twice gets the first answer.
enum M008CameraAlerts {
    static let migration = Migration(version: 8, name: "camera_alerts") { db, _ in
        try await db.create(table: "cameras")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("code", type: .text, .notNull, .unique)  // the algorithm platform's camera id
            .column("name", type: .text, .notNull)
            .column("grid_code", type: .text, .notNull)
            .column("lat", type: .double)
            .column("lon", type: .double)
            .column("active", type: .int, .notNull, .default(1))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "cameras_grid").on("cameras").column("grid_code").column("code").run()

        // One row per event type an administrator configured; a type without a row uses the built-in rule.
        try await db.create(table: "camera_alert_rules")
            .column("event_type", type: .text, .primaryKey(autoIncrement: false))
            .column("threshold", type: .double, .notNull)  // 0…1: from here a case is opened at once
            .column("urgency", type: .text, .notNull)
            .column("window_minutes", type: .int, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()

        try await db.create(table: "camera_alerts")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("camera_id", type: .bigint, .notNull, .references("cameras", "id"))
            .column("grid_code", type: .text, .notNull)  // the camera's grid when the alert came: the jurisdiction
            .column("event_type", type: .text, .notNull)
            .column("state", type: .text, .notNull)  // queued | opened | confirmed | dismissed
            .column("confidence", type: .double, .notNull)  // the highest of the folded events
            .column("first_seen_at", type: .bigint, .notNull)
            .column("last_seen_at", type: .bigint, .notNull)
            .column("event_count", type: .int, .notNull, .default(1))
            .column("description", type: .text)
            .column("bbox", type: .text)  // JSON [x, y, w, h]
            // The first snapshot, kept by the upload store until the alert becomes a case (then also its attachment).
            .column("snapshot_name", type: .text)
            .column("snapshot_type", type: .text)
            .column("snapshot_size", type: .bigint)
            .column("snapshot_sha256", type: .text)
            .column("case_id", type: .bigint, .references("cases", "id"))
            .column("decided_by", type: .text)
            .column("decided_at", type: .bigint)
            .column("dismiss_reason", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "camera_alerts_fold").on("camera_alerts")
            .column("camera_id").column("event_type").column("last_seen_at").run()
        try await db.create(index: "camera_alerts_queue").on("camera_alerts").column("state").column("grid_code").column("id").run()

        // Every event id received and the answer it got; a repeat of the id gets that answer again.
        try await db.create(table: "camera_alert_events")
            .column("event_id", type: .text, .primaryKey(autoIncrement: false))
            .column("alert_id", type: .bigint, .notNull, .references("camera_alerts", "id"))
            .column("confidence", type: .double, .notNull)
            .column("occurred_at", type: .bigint, .notNull)
            .column("received_at", type: .bigint, .notNull)
            .column("response", type: .text, .notNull)
            .run()
        try await db.create(index: "camera_alert_events_alert").on("camera_alert_events").column("alert_id").run()
    }
}
