import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class OrganizationRegistryTests: XCTestCase {
    static let leader = Caller(staff: Staff(accountID: 1, username: "u", displayName: "测试", role: .gridLeader,
                                            jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.township)!)), ip: "t")
    static func code(_ base: String) -> String {
        base + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: base)!)
    }

    func testRegisterSearchAndEveryRejection() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let registry = OrganizationRegistry(platform: try TestPlatform.make(database: db))
            let valid = Self.code("91150207MA0N12345")
            let view = try await registry.register(OrganizationSubmission(
                name: "包头市康乐物业服务有限公司", creditCode: valid.lowercased(), kind: "企业", gridCode: SampleAreas.grid,
                address: "康乐社区服务中心一楼"), caller: Self.leader)
            XCTAssertEqual(view.creditCode, valid)
            XCTAssertEqual(view.kind, "企业")
            let found = try await registry.search("康乐物业", caller: Self.leader).map(\.id)
            XCTAssertEqual(found, [view.id])
            let wrongCheck = String(valid.dropLast()) + (valid.last == "1" ? "2" : "1")
            let cases: [(OrganizationSubmission, String)] = [
                (OrganizationSubmission(name: "甲", creditCode: wrongCheck, gridCode: SampleAreas.grid, address: "x"), "creditCode"),
                (OrganizationSubmission(name: "甲", creditCode: "123", gridCode: SampleAreas.grid, address: "x"), "creditCode"),
                (OrganizationSubmission(name: "甲", creditCode: Self.code("91150207MA0N12346"), kind: "外星机构", gridCode: SampleAreas.grid, address: "x"), "kind"),
                (OrganizationSubmission(name: "", creditCode: Self.code("91150207MA0N12347"), gridCode: SampleAreas.grid, address: "x"), "name"),
                (OrganizationSubmission(name: "甲", creditCode: Self.code("91150207MA0N12348"), gridCode: "150207002001001", address: "x"), "gridCode"),
            ]
            for (submission, field) in cases {
                do {
                    _ = try await registry.register(submission, caller: Self.leader)
                    XCTFail("accepted bad \(field)")
                } catch DomainError.validation(let errors) {
                    XCTAssertTrue(errors.contains { $0.field == field }, "\(field): \(errors)")
                }
            }
            await XCTAssertThrowsDomainError(code: "duplicate_credit_code") {
                _ = try await registry.register(OrganizationSubmission(
                    name: "另一家", creditCode: valid, gridCode: SampleAreas.grid, address: "x"), caller: Self.leader)
            }
            let count = try await db.read { try await $0.countRows(in: "organizations") }
            XCTAssertEqual(count, 1)
        }
    }
}
