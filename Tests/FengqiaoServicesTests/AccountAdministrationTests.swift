import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class AccountAdministrationTests: XCTestCase {
    func testAccountsNeedAStrongPasswordAKnownRoleAndAnAreaOnTheMap() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            let admin = AccountAdministration(platform: platform)
            // A new installation has no map yet: the first administrator's area only has to be a code.
            let first = try await admin.create(
                .init(username: "first.admin", displayName: "管理员", role: "系统管理员", areaCode: SampleAreas.city,
                      password: "Str0ng-Passw0rd"), actor: "cli:test")
            XCTAssertGreaterThan(first, 0)
            try await SampleAreas.insert(into: db)
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await admin.create(.init(username: "x", displayName: "某人", role: "leader",
                                                 areaCode: "150299000000", password: "Str0ng-Passw0rd"), actor: "cli:test")
            }
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await admin.create(.init(username: "y", displayName: "某人", role: "leader",
                                                 areaCode: SampleAreas.county, password: "alllowercase"), actor: "cli:test")
            }
            await XCTAssertThrowsDomainError(code: "duplicate_username") {
                _ = try await admin.create(.init(username: "first.admin", displayName: "重名", role: "leader",
                                                 areaCode: SampleAreas.county, password: "Str0ng-Passw0rd"), actor: "cli:test")
            }
            let signedIn = try await Authentication(platform: platform).signIn(
                username: "first.admin", password: "Str0ng-Passw0rd", ip: "t")
            XCTAssertEqual(signedIn.session.staff.role, .systemAdmin)
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(action: "account.create", limit: 5) }
            XCTAssertEqual(audit.map(\.actor), ["cli:test"])
            let accounts = try await db.read { try await AccountRepository($0).count() }
            XCTAssertEqual(accounts, 1)
        }
    }
}
