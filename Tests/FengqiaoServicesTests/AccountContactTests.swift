import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Where notifications reach an account: phone and e-mail, sealed, audited, checked.
final class AccountContactTests: XCTestCase {
    func testContactIsSealedAuditedAndCheckedForInputRoleAndJurisdiction() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let administration = AccountAdministration(platform: platform, hashCost: 4)
            let account = try await TestAccounts.create("worker", role: .gridWorker, area: SampleAreas.grid, in: db)
            let far = try await TestAccounts.create("far", role: .gridWorker, area: "150207002001001", in: db)
            func caller(_ role: Role) throws -> Administrator {
                let area = try XCTUnwrap(AreaCode(SampleAreas.township))
                return .staff(Caller(staff: Staff(accountID: 999, username: "admin", displayName: "管理员", role: role,
                                                  jurisdiction: Jurisdiction(root: area)), ip: "test"))
            }
            let admin = try caller(.systemAdmin)
            try await administration.setContact(accountID: account, phone: "13800138000", email: "w@example.cn", by: admin)
            var contact = try await db.read { try await ContactRepository($0).contact(id: account) }
            XCTAssertEqual(try contact?.phoneCipher.map { try platform.cipher.open($0) }, "13800138000", "\(db.kind)")
            XCTAssertEqual(try contact?.emailCipher.map { try platform.cipher.open($0) }, "w@example.cn")
            XCTAssertFalse(contact?.emailCipher?.contains("example.cn") ?? true, "sealed at rest")

            // nil leaves a value alone, "" clears it.
            try await administration.setContact(accountID: account, phone: nil, email: "", by: admin)
            contact = try await db.read { try await ContactRepository($0).contact(id: account) }
            XCTAssertNotNil(contact?.phoneCipher)
            XCTAssertNil(contact?.emailCipher)
            let summaries = try await db.read { db in
                try await db.select().column("summary").from("audit_log").where("action", .equal, "account.contact")
                    .orderBy("id").all(decodingColumn: "summary", as: String.self)
            }
            XCTAssertEqual(summaries.count, 2)
            XCTAssertTrue(summaries[0].contains("138****8000") && summaries[0].contains("w***@example.cn"), summaries[0])
            XCTAssertFalse(summaries.joined().contains("13800138000"), "the audit log holds masked values only")

            do {
                try await administration.setContact(accountID: account, phone: "12345", email: "a@b", by: admin)
                XCTFail("bad input")
            } catch DomainError.validation(let fields) {
                XCTAssertEqual(fields.map(\.field), ["phone", "email"])
            }
            do {
                try await administration.setContact(accountID: far, phone: "13800138000", email: nil, by: admin)
                XCTFail("outside the jurisdiction")
            } catch DomainError.notFound {}
            do {
                try await administration.setContact(accountID: account, phone: "13800138000", email: nil, by: try caller(.dispatcher))
                XCTFail("not an account administrator")
            } catch DomainError.forbidden {}
        }
    }
}
