import SQLKit

/// The mediation registry: organisations (人民调解委员会, 行业性专业性调解组织, 个人调解工作室 …) lying in an
/// area, and their mediators with specialties, languages and availability. Phones are sealed with the
/// personal-data cipher and kept masked beside; nothing is deleted, only made inactive.
enum M011MediationRegistry {
    static let migration = Migration(version: 11, name: "mediation_registry") { db, _ in
        try await db.create(table: "mediation_organizations")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("area_code", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("address", type: .text)
            .column("phone_cipher", type: .text)
            .column("phone_masked", type: .text)
            .column("active", type: .int, .notNull, .default(1))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "mediation_organizations_area").on("mediation_organizations")
            .column("area_code").column("id").run()

        try await db.create(table: "mediators")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("organization_id", type: .bigint, .notNull)
            // The organisation's area, copied so that lists and suggestions range over one index.
            .column("area_code", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("phone_cipher", type: .text)
            .column("phone_masked", type: .text)
            .column("specialties", type: .text, .notNull)  // comma-separated MediationSpecialty raw values
            .column("languages", type: .text, .notNull)  // comma-separated MediationLanguage raw values
            .column("availability", type: .text, .notNull)
            .column("active", type: .int, .notNull, .default(1))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "mediators_area").on("mediators").column("area_code").column("id").run()
        try await db.create(index: "mediators_organization").on("mediators").column("organization_id").run()
    }
}
