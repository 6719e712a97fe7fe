import SQLKit

/// Intake at the reception desk and from grid workers: how each case came in (visitors, the caller's
/// number and the time of the call, the letter's date) and who took it in (首问负责); scanned pages
/// held between the desk's preview and its confirmation; and whether a party is a person or an
/// organisation.
enum M010CaseIntake {
    static let migration = Migration(version: 10, name: "case_intake") { db, _ in
        try await db.create(table: "case_intake")
            .column("case_id", type: .bigint, .primaryKey(autoIncrement: false), .references("cases", "id"))
            .column("channel", type: .text, .notNull)
            .column("visitors", type: .int)  // walk-in: 来访人数
            .column("caller_phone_cipher", type: .text)  // phone: sealed with the data key
            .column("caller_phone_masked", type: .text)
            .column("called_at", type: .bigint)
            .column("letter_date", type: .text)  // yyyy-MM-dd
            .column("first_responder_id", type: .bigint, .notNull)  // 首问负责: the account that registered it
            .column("first_responder_name", type: .text, .notNull)
            .column("registered_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "case_intake_responder").on("case_intake").column("first_responder_id")
            .column("registered_at").run()

        // Files checked and stored while the desk shows its preview, claimed by the confirmation (or
        // removed a day later); only their uploader may claim them.
        try await db.create(table: "intake_uploads")
            .column("token", type: .text, .primaryKey(autoIncrement: false))
            .column("account_id", type: .bigint, .notNull)
            .column("stored_name", type: .text, .notNull, .unique)
            .column("file_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("original_name", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "intake_uploads_created").on("intake_uploads").column("created_at").run()

        try await db.alter(table: "case_parties").column("party_kind", type: .text, .notNull, .default("person")).run()
    }
}
