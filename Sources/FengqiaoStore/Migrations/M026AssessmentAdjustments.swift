import SQLKit

/// Points given by hand and appeals (issue 12 parts 2 and 5). Each row names its unit (`unit_kind`, `unit_code`) and
/// the area the unit lies in (`area_code`: a township's code, a department's centre, a grid worker's area), so lists
/// are scoped to a jurisdiction by a prefix range like everything else.
/// - `assessment_awards`: 亮点工作加分 requests, pending → approved (with the points granted) | refused | withdrawn;
///   `assessment_award_files` their evidence files.
/// - `assessment_deductions`: 通报批评扣分, effective when recorded; revoked with a reason, never deleted.
/// - `assessment_appeals`: 申诉 on one indicator (and optionally one case), pending → upheld | rejected. `pending_key`
///   is set only while pending and unique, so a unit has one pending appeal per (period, indicator, case).
enum M026AssessmentAdjustments {
    static let migration = Migration(version: 26, name: "assessment_adjustments") { db, _ in
        try await db.create(table: "assessment_awards")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_kind", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull)
            .column("unit_name", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("period_key", type: .text, .notNull)
            .column("requested_points", type: .double, .notNull)
            .column("approved_points", type: .double)
            .column("title", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("evidence", type: .text, .notNull)
            .column("state", type: .text, .notNull)  // pending | approved | refused | withdrawn
            .column("requested_by", type: .bigint, .notNull)
            .column("requested_by_name", type: .text, .notNull)
            .column("requested_at", type: .bigint, .notNull)
            .column("decided_by_name", type: .text)
            .column("decided_at", type: .bigint)
            .column("decision_note", type: .text)
            .run()
        try await db.create(index: "assessment_awards_unit").on("assessment_awards")
            .column("unit_kind").column("period_key").column("state").run()
        try await db.create(index: "assessment_awards_area").on("assessment_awards").column("area_code").column("id").run()

        // Evidence files of an award request (photos, scanned documents), kept by the upload store under random names.
        try await db.create(table: "assessment_award_files")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("award_id", type: .bigint, .notNull, .references("assessment_awards", "id"))
            .column("stored_name", type: .text, .notNull, .unique)
            .column("filename", type: .text, .notNull)
            .column("file_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("uploaded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "assessment_award_files_award").on("assessment_award_files").column("award_id").run()

        try await db.create(table: "assessment_deductions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_kind", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull)
            .column("unit_name", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("period_key", type: .text, .notNull)
            .column("points", type: .double, .notNull)
            .column("reason", type: .text, .notNull)
            .column("document_number", type: .text, .notNull)
            .column("recorded_by_name", type: .text, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .column("revoked_by_name", type: .text)
            .column("revoked_at", type: .bigint)
            .column("revoke_reason", type: .text)
            .run()
        try await db.create(index: "assessment_deductions_unit").on("assessment_deductions")
            .column("unit_kind").column("period_key").run()
        try await db.create(index: "assessment_deductions_area").on("assessment_deductions").column("area_code").column("id").run()

        try await db.create(table: "assessment_appeals")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_kind", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull)
            .column("unit_name", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("period_key", type: .text, .notNull)
            .column("indicator", type: .text, .notNull)
            .column("case_id", type: .bigint)
            .column("case_number", type: .text)
            .column("reasons", type: .text, .notNull)
            .column("state", type: .text, .notNull)  // pending | upheld | rejected
            .column("pending_key", type: .text, .unique)
            .column("filed_by", type: .bigint, .notNull)
            .column("filed_by_name", type: .text, .notNull)
            .column("filed_at", type: .bigint, .notNull)
            .column("decided_by_name", type: .text)
            .column("decided_at", type: .bigint)
            .column("decision_note", type: .text)
            .run()
        try await db.create(index: "assessment_appeals_unit").on("assessment_appeals")
            .column("unit_kind").column("period_key").column("state").run()
        try await db.create(index: "assessment_appeals_area").on("assessment_appeals").column("area_code").column("id").run()
    }
}
