import SQLKit

/// Mediation cases (调解案件) beside the case engine: one row per mediation, linked to exactly one case
/// (`case_id`); `open_case_id` repeats it while the mediation is open and is NULL afterwards, so the
/// unique index allows one open mediation per case and any number of ended ones. Parties' phones are
/// sealed and masked like the case parties'. Sessions count as attempts on the case's ladder tier;
/// referrals are the 六调联动 hand-overs in and out. `state` starts `open`; the outcome states
/// (`succeeded`, `partial`, `failed`) are set by the outcomes that build on this table.
enum M012MediationCases {
    static let migration = Migration(version: 12, name: "mediation_cases") { db, _ in
        try await db.create(table: "mediation_cases")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("number", type: .text, .notNull, .unique)
            .column("case_id", type: .bigint, .notNull)
            .column("case_number", type: .text, .notNull)
            .column("open_case_id", type: .bigint)
            .column("source", type: .text, .notNull)  // direct | case | referral
            .column("area_code", type: .text, .notNull)
            .column("organization_id", type: .bigint, .notNull)
            .column("mediator_id", type: .bigint)
            .column("specialty", type: .text, .notNull)
            .column("facts", type: .text, .notNull)
            .column("amount_fen", type: .bigint, .notNull, .default(0))
            .column("state", type: .text, .notNull)
            .column("state_reason", type: .text)
            .column("opened_by", type: .text, .notNull)
            .column("version", type: .int, .notNull, .default(1))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("closed_at", type: .bigint)
            .run()
        try await db.create(index: "mediation_cases_open_case").on("mediation_cases").column("open_case_id").unique().run()
        try await db.create(index: "mediation_cases_case").on("mediation_cases").column("case_id").run()
        try await db.create(index: "mediation_cases_area").on("mediation_cases").column("area_code").column("id").run()
        try await db.create(index: "mediation_cases_mediator").on("mediation_cases").column("mediator_id").column("state").run()

        // Mediation numbers count per county and year, apart from the case numbers.
        try await db.create(table: "mediation_number_sequences")
            .column("county_code", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("last_sequence", type: .int, .notNull)
            .primaryKey("county_code", "year")
            .run()

        try await db.create(table: "mediation_parties")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("mediation_id", type: .bigint, .notNull)
            .column("side", type: .text, .notNull)  // applicant | respondent
            .column("party_kind", type: .text, .notNull)  // person | organization
            .column("name", type: .text, .notNull)
            .column("phone_cipher", type: .text)
            .column("phone_masked", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "mediation_parties_mediation").on("mediation_parties").column("mediation_id").run()

        try await db.create(table: "mediation_sessions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("mediation_id", type: .bigint, .notNull)
            .column("number", type: .int, .notNull)
            .column("held_at", type: .bigint, .notNull)  // when held, or planned for
            .column("place", type: .text, .notNull)
            .column("attendees", type: .text, .notNull)
            .column("notes", type: .text)
            .column("outcome", type: .text)  // AttemptOutcome; NULL while planned
            .column("tier", type: .text)  // the case's ladder tier the attempt counted on
            .column("attempt_number", type: .int)
            .column("escalated", type: .int, .notNull, .default(0))
            .column("recorded_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .unique("mediation_id", "number")
            .run()
        try await db.create(index: "mediation_sessions_planned").on("mediation_sessions").column("outcome").column("held_at").run()

        try await db.create(table: "mediation_referrals")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("mediation_id", type: .bigint, .notNull)
            .column("direction", type: .text, .notNull)  // out | in
            .column("kind", type: .text, .notNull)  // MediationReferralKind
            .column("counterpart", type: .text, .notNull)
            .column("reference", type: .text)
            .column("note", type: .text)
            .column("state", type: .text, .notNull)
            .column("sent_on", type: .text, .notNull)  // yyyy-MM-dd
            .column("reply", type: .text)
            .column("replied_on", type: .text)
            .column("recorded_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "mediation_referrals_mediation").on("mediation_referrals").column("mediation_id").run()
    }
}
