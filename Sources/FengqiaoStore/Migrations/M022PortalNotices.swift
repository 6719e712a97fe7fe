import SQLKit

/// The residents' portal: public notices (公告) that centre staff publish for their area; the public work
/// phone of a post holder that the grid's public card shows (`grid_card_phones`: set by whoever staffs the
/// grid; staff's own account phones are personal and never shown); and the three
/// public legal service categories (法律援助, 公证服务, 律师咨询 under 民生服务) added to a category tree that
/// was seeded before they became defaults (a tree seeded later gets them from `CaseKind.defaultCategories`).
enum M022PortalNotices {
    static let legalCategories = [
        ("livelihood.legalAid", "法律援助", 7), ("livelihood.notary", "公证服务", 8),
        ("livelihood.lawyerConsultation", "律师咨询", 9),
    ]

    static let migration = Migration(version: 22, name: "portal_notices") { db, _ in
        try await db.create(table: "notices")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("area_code", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("state", type: .text, .notNull)  // draft | published | withdrawn
            .column("publish_day", type: .text, .notNull)  // yyyy-MM-dd, Beijing time
            .column("expiry_day", type: .text)  // last day shown; none: until withdrawn
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "notices_area").on("notices").column("area_code").column("id").run()
        try await db.create(index: "notices_state_day").on("notices").column("state").column("publish_day").run()

        try await db.create(table: "grid_card_phones")
            .column("grid_code", type: .text, .notNull)
            .column("post", type: .text, .notNull)
            .column("account_id", type: .bigint, .notNull)
            .column("phone", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .primaryKey("grid_code", "post", "account_id")
            .run()

        let parent = try await db.select().column("id").from("case_categories")
            .where("code", .equal, "livelihood").where(SQLColumn("parent_id"), .is, SQLLiteral.null).first()
        guard let parentID = try parent?.decode(column: "id", as: Int64.self) else { return }
        for (code, name, position) in legalCategories {
            let exists = try await db.select().column("id").from("case_categories").where("code", .equal, code).first()
            guard exists == nil else { continue }
            try await db.insert(into: "case_categories")
                .columns("parent_id", "code", "name", "active", "position")
                .values(SQLBind(parentID), SQLBind(code), SQLBind(name), SQLBind(1), SQLBind(position)).run()
        }
    }
}
