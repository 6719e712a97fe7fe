import SQLKit

/// Petition reception (信访接待): one row per petition beside the engine case it opened, its petitioners
/// (identifiers sealed with the personal-data cipher, a blind index to find earlier petitions by the same
/// person, masked copies to show), and the recorded instants its statutory clocks are computed from —
/// no due date is stored.
enum M013Petitions {
    static let migration = Migration(version: 13, name: "petitions") { db, _ in
        try await db.create(table: "petitions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("case_id", type: .bigint, .notNull, .references("cases", "id"), .unique)
            .column("case_number", type: .text, .notNull)
            .column("form", type: .text, .notNull)  // letter | visit | call | online
            .column("state", type: .text, .notNull)
            // The grid (else the village) of the engine case: jurisdiction ranges run over it.
            .column("place_code", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("category", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("respondent_organ", type: .text)
            .column("persons", type: .int, .notNull)
            .column("collective", type: .int, .notNull, .default(0))
            .column("repeated", type: .int, .notNull, .default(0))
            .column("received_at", type: .bigint, .notNull)
            .column("registered_at", type: .bigint, .notNull)
            .column("registered_by_id", type: .bigint, .notNull)
            .column("registered_by_name", type: .text, .notNull)
            .column("first_responder_id", type: .bigint, .notNull)
            .column("first_responder_name", type: .text, .notNull)
            .column("decision", type: .text)  // accept | decline | refuseRepeat
            .column("decision_reason", type: .text)
            .column("notice_channel", type: .text)
            .column("decided_at", type: .bigint)
            .column("decided_by_name", type: .text)
            .column("extension_state", type: .text, .notNull, .default("none"))  // none | pending | approved | denied
            .column("extension_days", type: .int)
            .column("extension_reason", type: .text)
            .column("extension_requested_at", type: .bigint)
            .column("extension_requested_by_id", type: .bigint)
            .column("extension_requested_by_name", type: .text)
            .column("extension_requester_area", type: .text)
            .column("extension_decided_at", type: .bigint)
            .column("extension_decided_by_name", type: .text)
            .column("extension_denial_reason", type: .text)
            .column("reply", type: .text)
            .column("reply_channel", type: .text)
            .column("replied_at", type: .bigint)
            .column("replied_by_name", type: .text)
            .column("review_request", type: .text)
            .column("review_requested_at", type: .bigint)
            .column("review_result", type: .text)
            .column("review_opinion", type: .text)
            .column("review_decided_at", type: .bigint)
            .column("review_decided_by_name", type: .text)
            .column("re_review_request", type: .text)
            .column("re_review_requested_at", type: .bigint)
            .column("re_review_result", type: .text)
            .column("re_review_opinion", type: .text)
            .column("re_review_decided_at", type: .bigint)
            .column("re_review_decided_by_name", type: .text)
            .column("version", type: .int, .notNull, .default(1))
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "petitions_place_received").on("petitions")
            .column("place_code").column("received_at").column("id").run()
        try await db.create(index: "petitions_state_place").on("petitions").column("state").column("place_code").run()

        try await db.create(table: "petitioners")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("petition_id", type: .bigint, .notNull, .references("petitions", "id"))
            .column("position", type: .int, .notNull)
            .column("name", type: .text, .notNull)
            .column("id_number_cipher", type: .text)
            .column("id_number_index", type: .text)
            .column("id_number_masked", type: .text)
            .column("phone_cipher", type: .text)
            .column("phone_masked", type: .text)
            // The registered resident with the same 公民身份号码, if any.
            .column("person_id", type: .bigint)
            .run()
        try await db.create(index: "petitioners_petition").on("petitioners").column("petition_id").column("position").run()
        try await db.create(index: "petitioners_id_number").on("petitioners").column("id_number_index").run()
    }
}
