import SQLKit

/// How mediations end (issue 8 part 3). `mediation_conclusions`: one per ended mediation — the outcome
/// (also written to `mediation_cases.state`), the route of what is left and the note.
/// `mediation_agreements`: the 人民调解协议 of a (partly) successful mediation — facts, terms (JSON, amounts
/// in 分), performance method and deadline; the signed copy (a case attachment) and the day it was
/// signed, from which the 30-day judicial-confirmation window runs; the follow-up of its performance;
/// and the judicial confirmation (hand-off to the court, the court's ruling). Days are `yyyy-MM-dd`.
enum M014MediationOutcomes {
    static let migration = Migration(version: 14, name: "mediation_outcomes") { db, _ in
        try await db.create(table: "mediation_conclusions")
            .column("mediation_id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("outcome", type: .text, .notNull)
            .column("route", type: .text)
            .column("note", type: .text)
            .column("concluded_by", type: .text, .notNull)
            .column("concluded_by_account", type: .bigint)
            .column("concluded_at", type: .bigint, .notNull)
            .run()

        try await db.create(table: "mediation_agreements")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("mediation_id", type: .bigint, .notNull, .unique)
            .column("facts", type: .text, .notNull)
            .column("terms", type: .text, .notNull)
            .column("total_fen", type: .bigint, .notNull)
            .column("performance_method", type: .text, .notNull)
            .column("performance_deadline", type: .text, .notNull)
            .column("concluded_on", type: .text, .notNull)
            .column("signed_on", type: .text)
            .column("signed_attachment_id", type: .bigint)
            .column("performance_state", type: .text, .notNull)
            .column("performance_note", type: .text)
            .column("performance_recorded_on", type: .text)
            .column("confirmation_state", type: .text, .notNull)
            .column("confirmation_court", type: .text)
            .column("confirmation_handed_on", type: .text)
            .column("confirmation_ruled_on", type: .text)
            .column("confirmation_note", type: .text)
            .column("version", type: .int, .notNull, .default(1))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        // The follow-up scan looks for agreements still to perform, by deadline.
        try await db.create(index: "mediation_agreements_follow_up").on("mediation_agreements")
            .column("performance_state").column("performance_deadline").run()
    }
}
