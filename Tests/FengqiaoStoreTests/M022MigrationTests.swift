import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

/// M022 on a database whose category tree was seeded before the legal service categories existed: it adds
/// 法律援助, 公证服务 and 律师咨询 under 民生服务 once, leaves an unseeded tree alone, and makes `notices`.
final class M022MigrationTests: XCTestCase {
    func testTheLegalCategoriesJoinASeededTreeAndNoticesAreMade() async throws {
        try await TestDatabases.each(migrate: false) { db in
            let before = Array(Migrations.all.prefix { $0.version < 22 })
            try await Migrator(database: db, migrations: before, logger: TestDatabases.logger).migrate()
            try await db.write { sql in
                let kind = try await sql.insert(into: "case_categories").columns("parent_id", "code", "name", "active", "position")
                    .values(SQLLiteral.null, SQLBind("livelihood"), SQLBind("民生服务"), SQLBind(1), SQLBind(5))
                    .returning("id").first()
                let id = try XCTUnwrap(kind).decode(column: "id", as: Int64.self)
                try await sql.insert(into: "case_categories").columns("parent_id", "code", "name", "active", "position")
                    .values(SQLBind(id), SQLBind("livelihood.notary"), SQLBind("公证服务"), SQLBind(0), SQLBind(3)).run()
            }
            let applied = try await Migrator(database: db, migrations: Migrations.all.filter { $0.version <= 22 },
                                             logger: TestDatabases.logger).migrate()
            XCTAssertEqual(applied, [22], "\(db.kind)")
            let rows = try await db.read { sql in
                try await sql.select().column("code").column("active").from("case_categories")
                    .where(SQLColumn("parent_id"), .isNot, SQLLiteral.null).orderBy("code").all()
                    .map { "\(try $0.decode(column: "code", as: String.self)):\(try $0.decode(column: "active", as: Int.self))" }
            }
            XCTAssertEqual(rows, ["livelihood.lawyerConsultation:1", "livelihood.legalAid:1", "livelihood.notary:0"],
                           "an existing (here disabled) category is left as the administrator set it")
            let notices = try await db.read { try await NoticeRepository($0).list(prefix: "15", limit: 10) }
            XCTAssertEqual(notices, [])
        }
    }

    func testAnUnseededTreeIsLeftForTheSeedingToFill() async throws {
        try await TestDatabases.each(migrate: true) { db in
            let count = try await db.read { sql in
                try await sql.select().column(SQLRaw("COUNT(*)"), as: "n").from("case_categories").first()?
                    .decode(column: "n", as: Int.self)
            }
            XCTAssertEqual(count, 0)
        }
    }
}
