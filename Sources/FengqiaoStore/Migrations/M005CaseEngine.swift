import SQLKit

/// The case engine: the version and worklist columns on `cases`, parties,
/// department assignments, stage clocks, the editable category tree, attachments, idempotent
/// command receipts, the holiday schedules of the business calendar, and the notification outbox.
enum M005CaseEngine {
    static let migration = Migration(version: 5, name: "case_engine") { db, _ in
        // `version` counts the case's events: a transition writes only if the version it decided on is
        // still current (optimistic concurrency); decisions replay the events. The rest are what worklists
        // filter and sort on.
        try await db.alter(table: "cases").column("version", type: .bigint, .notNull, .default(0)).run()
        try await db.alter(table: "cases").column("tier", type: .text, .notNull, .default("grid")).run()
        try await db.alter(table: "cases").column("lead_department_id", type: .bigint).run()
        try await db.alter(table: "cases").column("due_at", type: .bigint).run()
        try await db.alter(table: "cases").column("clock_status", type: .text, .notNull, .default("none")).run()
        try await db.alter(table: "cases").column("supervision", type: .text, .notNull, .default("none")).run()
        try await db.alter(table: "cases").column("group_case", type: .int, .notNull, .default(0)).run()
        try await db.create(index: "cases_department_state").on("cases").column("lead_department_id").column("state").run()
        try await db.create(index: "cases_clock").on("cases").column("clock_status").column("area_code").run()
        try await db.create(index: "cases_area_updated").on("cases").column("area_code").column("updated_at").column("id").run()

        try await db.create(table: "case_parties")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("case_id", type: .bigint, .notNull, .references("cases", "id"))
            .column("side", type: .text, .notNull)  // applicant | respondent
            .column("person_id", type: .bigint)
            .column("organization_id", type: .bigint)
            .column("name", type: .text, .notNull)
            .column("phone_cipher", type: .text)
            .column("phone_masked", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "case_parties_case").on("case_parties").column("case_id").run()
        try await db.create(index: "case_parties_person").on("case_parties").column("person_id").run()
        try await db.create(index: "case_parties_organization").on("case_parties").column("organization_id").run()

        // One row per department working on a case: the lead and each assisting one, with its own clock.
        try await db.create(table: "case_assignments")
            .column("case_id", type: .bigint, .notNull, .references("cases", "id"))
            .column("department_id", type: .bigint, .notNull)
            .column("role", type: .text, .notNull)  // lead | assisting
            .column("state", type: .text, .notNull)  // dispatched | signed | done | waived | returned
            .column("dispatched_at", type: .bigint, .notNull)
            .column("signed_at", type: .bigint)
            .column("done_at", type: .bigint)
            .column("due_at", type: .bigint)
            .primaryKey("case_id", "department_id")
            .run()
        try await db.create(index: "case_assignments_department").on("case_assignments").column("department_id")
            .column("state").run()

        // Stage clocks (acceptance, dispatch, sign-for, handling, verification, reply, revisit), case-wide
        // or per department; the jobs module recomputes `status` at minute resolution.
        try await db.create(table: "case_clocks")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("case_id", type: .bigint, .notNull, .references("cases", "id"))
            .column("kind", type: .text, .notNull)
            .column("department_id", type: .bigint)
            .column("started_at", type: .bigint, .notNull)
            .column("stopped_at", type: .bigint)
            .column("limit_unit", type: .text, .notNull)  // workingDays | workingHours | calendarDays
            .column("limit_value", type: .int, .notNull)
            .column("due_at", type: .bigint, .notNull)
            // When the scan must look next: the 80% point while running, else the deadline.
            .column("check_at", type: .bigint, .notNull)
            .column("paused_since", type: .bigint)
            .column("paused_ms", type: .bigint, .notNull, .default(0))
            .column("status", type: .text, .notNull)  // running | warning | overdue | met | missed
            .run()
        try await db.create(index: "case_clocks_case").on("case_clocks").column("case_id").run()
        try await db.create(index: "case_clocks_open").on("case_clocks").column("status").column("check_at").run()

        // Two levels: a kind (矛盾纠纷 …) and its categories (邻里纠纷 …); admins edit the tree.
        try await db.create(table: "case_categories")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("parent_id", type: .bigint)
            .column("code", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("active", type: .int, .notNull, .default(1))
            .column("position", type: .int, .notNull, .default(0))
            .run()
        try await db.create(index: "case_categories_parent").on("case_categories").column("parent_id").run()

        try await db.create(table: "case_attachments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("case_id", type: .bigint, .notNull, .references("cases", "id"))
            .column("stored_name", type: .text, .notNull, .unique)
            .column("file_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("original_name", type: .text, .notNull)
            .column("uploaded_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "case_attachments_case").on("case_attachments").column("case_id").run()

        // The first answer to a command sent with an `Idempotency-Key`, returned again on retry.
        try await db.create(table: "command_receipts")
            .column("actor", type: .text, .notNull)
            .column("key", type: .text, .notNull)
            .column("case_id", type: .bigint)
            .column("command", type: .text, .notNull)
            .column("response", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .primaryKey("actor", "key")
            .run()

        // Holidays and 调休 make-up working days per year, as the State Council publishes them.
        try await db.create(table: "holiday_schedules")
            .column("year", type: .int, .primaryKey(autoIncrement: false))
            .column("schedule", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()

        // Warnings, summons and reminders waiting to go out (app, SMS, phone task), once each.
        try await db.create(table: "notification_outbox")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("dedupe_key", type: .text, .notNull, .unique)
            .column("channel", type: .text, .notNull)  // app | sms | call
            .column("recipient", type: .text, .notNull)
            .column("case_id", type: .bigint)
            .column("payload", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("sent_at", type: .bigint)
            .column("attempts", type: .int, .notNull, .default(0))
            .column("last_error", type: .text)
            .run()
        try await db.create(index: "notification_outbox_pending").on("notification_outbox").column("sent_at")
            .column("id").run()
    }
}
