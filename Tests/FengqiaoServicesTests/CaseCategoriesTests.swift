import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

final class CaseCategoriesTests: XCTestCase {
    static func caller(_ role: Role, id: Int64 = 1) -> Caller {
        Caller(staff: Staff(accountID: id, username: "u.\(role.rawValue)", displayName: role.chineseName, role: role,
                            jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.county)!)),
               ip: "10.0.0.9")
    }

    static let admin = caller(.systemAdmin)

    static func auditCount(_ db: any Database, action: String? = nil) async throws -> Int {
        try await db.read { try await AuditRepository($0, kind: db.kind).latest(action: action, limit: 1000).count }
    }

    static func rowCount(_ db: any Database) async throws -> Int {
        try await db.read { try await CaseCategoryRepository($0).all().count }
    }

    func testSeedingOnFirstUseIsIdempotentEvenWithTwoServersAtOnce() async throws {
        try await TestDatabases.each { db in
            // Two servers on one database, both seeing an empty tree and seeding at the same moment.
            let one = CaseCategories(platform: try TestPlatform.make(database: db))
            let two = CaseCategories(platform: try TestPlatform.make(database: db))
            async let first = one.tree(caller: Self.admin)
            async let second = two.tree(caller: Self.caller(.dispatcher))
            let (a, b) = try await (first, second)
            XCTAssertEqual(a, b)
            let expectedRows = CaseKind.allCases.count + CaseKind.allCases.map(\.defaultCategories.count).reduce(0, +)
            let rows = try await Self.rowCount(db)
            XCTAssertEqual(rows, expectedRows)
            // Once more, and the in-transaction seeding path: still the same rows.
            let again = try await one.tree(caller: Self.admin)
            XCTAssertEqual(again, a)
            let found = try await db.write { try await CaseCategories.activeCategory(kind: .dispute, category: "邻里纠纷", in: $0) }
            XCTAssertEqual(found?.code, "dispute.neighbour")
            let rowsAfter = try await Self.rowCount(db)
            XCTAssertEqual(rowsAfter, expectedRows)

            XCTAssertEqual(a.kinds.map(\.kind), CaseKind.allCases)
            for branch in a.kinds {
                XCTAssertEqual(branch.name, branch.kind.chineseName)
                XCTAssertEqual(branch.categories.map(\.name), branch.kind.defaultCategories)
                XCTAssertEqual(branch.categories.map(\.position), Array(1...branch.categories.count))
                XCTAssertTrue(branch.categories.allSatisfy { $0.active && $0.kind == branch.kind })
                XCTAssertTrue(branch.categories.allSatisfy { $0.code.hasPrefix(branch.kind.rawValue + ".") })
            }
            let codes = a.kinds.flatMap(\.categories).map(\.code)
            XCTAssertEqual(Set(codes).count, codes.count, "codes are unique")
            XCTAssertFalse(codes.contains { $0.range(of: #"\.d\d+$"#, options: .regularExpression) != nil },
                           "every default category has a named code")
            XCTAssertEqual(a.category(code: "urbanManagement.noise")?.name, "噪音扰民")
            let audits = try await Self.auditCount(db)
            XCTAssertEqual(audits, 0, "seeding is not an administrator's act")
        }
    }

    func testAddRenameMoveDeactivateAndActivateAreAuditedWithBeforeAndAfter() async throws {
        try await TestDatabases.each { db in
            let categories = CaseCategories(platform: try TestPlatform.make(database: db))
            let added = try await categories.add(kind: "dispute", name: "  校园欺凌 ", by: Self.admin)
            XCTAssertEqual(added.name, "校园欺凌")
            XCTAssertEqual(added.kind, .dispute)
            XCTAssertTrue(added.active)
            XCTAssertEqual(added.position, CaseKind.dispute.defaultCategories.count + 1)
            XCTAssertNotNil(added.code.range(of: #"^dispute\.c\d+$"#, options: .regularExpression), added.code)
            // By the Chinese name of the kind too, and a name another kind has is fine.
            let other = try await categories.add(kind: "民生服务", name: "邻里纠纷", by: Self.admin)
            XCTAssertEqual(other.kind, .livelihood)
            XCTAssertNotEqual(other.code, added.code)

            let renamed = try await categories.rename(code: added.code, name: "校园欺凌纠纷", by: Self.admin)
            XCTAssertEqual(renamed.name, "校园欺凌纠纷")
            let moved = try await categories.move(code: added.code, position: 1, by: Self.admin)
            XCTAssertEqual(moved.position, 1)
            var tree = try await categories.tree(caller: Self.admin)
            let dispute = try XCTUnwrap(tree.kinds.first { $0.kind == .dispute }).categories
            XCTAssertEqual(dispute.prefix(3).map(\.name), ["校园欺凌纠纷", "邻里纠纷", "婚姻家庭纠纷"])
            XCTAssertEqual(dispute.map(\.position), Array(1...dispute.count))

            let stopped = try await categories.setActive(code: "dispute.neighbour", false, by: Self.admin)
            XCTAssertFalse(stopped.active)
            tree = try await categories.tree(caller: Self.caller(.intakeOperator))
            XCTAssertEqual(tree.category(code: "dispute.neighbour")?.active, false, "staff still see it (old cases)")
            let offered = try await categories.publicTree()
            XCTAssertNil(offered.category(code: "dispute.neighbour"), "the report form no longer offers it")
            XCTAssertNotNil(offered.category(code: added.code))
            var active = try await categories.isActive(kind: .dispute, category: "邻里纠纷")
            XCTAssertFalse(active)
            active = try await categories.isActive(kind: .dispute, category: "dispute.neighbour")
            XCTAssertFalse(active)
            active = try await categories.isActive(kind: .livelihood, category: "邻里纠纷")
            XCTAssertTrue(active, "the livelihood category of that name is still active")
            try await categories.setActive(code: "dispute.neighbour", true, by: Self.admin)
            active = try await categories.isActive(kind: .dispute, category: "dispute.neighbour")
            XCTAssertTrue(active)
            active = try await categories.isActive(kind: .dispute, category: "校园欺凌纠纷")
            XCTAssertTrue(active)
            active = try await categories.isActive(kind: .safetyHazard, category: "校园欺凌纠纷")
            XCTAssertFalse(active, "a category of another kind")
            active = try await categories.isActive(kind: .dispute, category: "不存在的分类")
            XCTAssertFalse(active)

            // One PATCH-like change of everything at once, one audit record per part.
            let all = try await categories.update(
                code: "dispute.family", CaseCategoryChange(name: "婚姻家事纠纷", active: false, position: 10), by: Self.admin)
            XCTAssertEqual(all, CaseCategory(code: "dispute.family", kind: .dispute, name: "婚姻家事纠纷", active: false,
                                             position: 10))
            // A change to nothing writes nothing.
            let before = try await Self.auditCount(db)
            _ = try await categories.update(code: "dispute.family", CaseCategoryChange(name: "婚姻家事纠纷", position: 10),
                                            by: Self.admin)
            let after = try await Self.auditCount(db)
            XCTAssertEqual(before, after)

            let records = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 50) }
            XCTAssertEqual(records.reversed().map(\.action), [
                "case_category.add", "case_category.add", "case_category.rename", "case_category.move",
                "case_category.deactivate", "case_category.activate",
                "case_category.rename", "case_category.deactivate", "case_category.move",
            ])
            XCTAssertTrue(records.allSatisfy { $0.actor == "u.systemAdmin" && $0.objectType == "case_category" })
            let rename = try XCTUnwrap(records.first { $0.action == "case_category.rename" && $0.objectId == added.code })
            let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rename.summary.utf8)) as? [String: [String: Any]])
            XCTAssertEqual(summary["before"]?["name"] as? String, "校园欺凌")
            XCTAssertEqual(summary["after"]?["name"] as? String, "校园欺凌纠纷")
            let move = try XCTUnwrap(records.first { $0.action == "case_category.move" && $0.objectId == added.code })
            let moveSummary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(move.summary.utf8)) as? [String: [String: Any]])
            XCTAssertEqual(moveSummary["before"]?["position"] as? Int, 11)
            XCTAssertEqual(moveSummary["after"]?["position"] as? Int, 1)
            let add = try XCTUnwrap(records.last)
            XCTAssertEqual(add.action, "case_category.add")
            XCTAssertFalse(add.summary.contains("before"))
        }
    }

    func testOnlyConfigureCasesChangesTheTreeAndOnlyCaseStaffReadIt() async throws {
        try await TestDatabases.each { db in
            let categories = CaseCategories(platform: try TestPlatform.make(database: db))
            let machine = Caller(staff: Staff.machine(tokenID: 1, name: "热线", scopes: Set(ApiScope.allCases),
                                                      jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.county)!)),
                                 ip: "t")
            let others = Role.allCases.filter { $0 != .systemAdmin }.map { Self.caller($0) } + [machine]
            for other in others {
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await categories.add(kind: "dispute", name: "越权分类", by: other)
                }
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await categories.rename(code: "dispute.neighbour", name: "越权", by: other)
                }
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await categories.setActive(code: "dispute.neighbour", false, by: other)
                }
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await categories.move(code: "dispute.neighbour", position: 2, by: other)
                }
                if other.staff.may(.viewCases) {
                    let tree = try await categories.tree(caller: other)
                    XCTAssertEqual(tree.kinds.count, 7)
                } else {
                    await XCTAssertThrowsDomainError(code: "forbidden") { _ = try await categories.tree(caller: other) }
                }
            }
            XCTAssertFalse(Role.securityAdmin.permissions.contains(.configureCases))
            XCTAssertFalse(Role.systemAdmin.permissions.contains(.viewCases), "三权分立: configuration, not case content")
            let tree = try await categories.tree(caller: Self.admin)
            XCTAssertEqual(tree.category(code: "dispute.neighbour"),
                           CaseCategory(code: "dispute.neighbour", kind: .dispute, name: "邻里纠纷", active: true, position: 1))
            let audits = try await Self.auditCount(db)
            XCTAssertEqual(audits, 0)
        }
    }

    func testEveryRejectionNamesItsFieldAndChangesNothing() async throws {
        try await TestDatabases.each { db in
            let categories = CaseCategories(platform: try TestPlatform.make(database: db))
            try await categories.setActive(code: "dispute.medical", false, by: Self.admin)
            let initial = try await categories.tree(caller: Self.admin)
            let rows = try await Self.rowCount(db)
            let audits = try await Self.auditCount(db)

            await XCTAssertThrowsDomainErrorFields(["kind"]) { _ = try await categories.add(kind: "", name: "新分类", by: Self.admin) }
            await XCTAssertThrowsDomainErrorFields(["kind"]) { _ = try await categories.add(kind: "fire", name: "新分类", by: Self.admin) }
            await XCTAssertThrowsDomainErrorFields(["kind", "name"]) { _ = try await categories.add(kind: "x", name: " ", by: Self.admin) }
            await XCTAssertThrowsDomainErrorFields(["name"]) {
                _ = try await categories.add(kind: "dispute", name: String(repeating: "纠", count: 21), by: Self.admin)
            }
            await XCTAssertThrowsDomainErrorFields(["name"]) { _ = try await categories.add(kind: "dispute", name: "邻里\n纠纷", by: Self.admin) }
            await XCTAssertThrowsDomainErrorFields(["name"]) { _ = try await categories.add(kind: "dispute", name: "邻里纠纷", by: Self.admin) }
            await XCTAssertThrowsDomainErrorFields(["name"]) { _ = try await categories.add(kind: .publicSecurity, name: "", by: Self.admin) }
            do {
                _ = try await categories.add(kind: .dispute, name: "医疗纠纷", by: Self.admin)
                XCTFail("a deactivated category's name was reused")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.code), ["duplicate"])
                XCTAssertTrue(errors[0].message.contains("已停用"), errors[0].message)
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                _ = try await categories.rename(code: "dispute.nothing", name: "某分类", by: Self.admin)
            }
            for code in ["dispute", "suggestion"] {
                await XCTAssertThrowsDomainError(code: "fixed_kind") {
                    _ = try await categories.rename(code: code, name: "纠纷", by: Self.admin)
                }
                await XCTAssertThrowsDomainError(code: "fixed_kind") {
                    _ = try await categories.setActive(code: code, false, by: Self.admin)
                }
            }
            await XCTAssertThrowsDomainErrorFields(["name"]) {
                _ = try await categories.rename(code: "dispute.neighbour", name: "婚姻家庭纠纷", by: Self.admin)
            }
            await XCTAssertThrowsDomainErrorFields(["name"]) {
                _ = try await categories.rename(code: "dispute.neighbour", name: "", by: Self.admin)
            }
            let count = CaseKind.dispute.defaultCategories.count
            for position in [0, -1, count + 1] {
                await XCTAssertThrowsDomainErrorFields(["position"]) {
                    _ = try await categories.move(code: "dispute.neighbour", position: position, by: Self.admin)
                }
            }
            await XCTAssertThrowsDomainErrorFields(["name"]) {
                _ = try await categories.update(code: "dispute.neighbour", CaseCategoryChange(), by: Self.admin)
            }
            // A valid part beside an invalid one: nothing is half-written.
            await XCTAssertThrowsDomainErrorFields(["position"]) {
                _ = try await categories.update(code: "dispute.neighbour",
                                                CaseCategoryChange(name: "邻里矛盾", active: false, position: 99), by: Self.admin)
            }
            await XCTAssertThrowsDomainErrorFields(["name", "position"]) {
                _ = try await categories.update(code: "dispute.neighbour",
                                                CaseCategoryChange(name: "劳动争议", position: 0), by: Self.admin)
            }
            let tree = try await categories.tree(caller: Self.admin)
            XCTAssertEqual(tree, initial)
            let rowsAfter = try await Self.rowCount(db)
            XCTAssertEqual(rowsAfter, rows)
            let auditsAfter = try await Self.auditCount(db)
            XCTAssertEqual(auditsAfter, audits)
            // The limits themselves are accepted.
            let longest = try await categories.add(kind: "dispute", name: String(repeating: "纠", count: 20), by: Self.admin)
            XCTAssertEqual(longest.name.count, 20)
            let last = try await categories.move(code: "dispute.neighbour", position: count + 1, by: Self.admin)
            XCTAssertEqual(last.position, count + 1)
        }
    }
}
