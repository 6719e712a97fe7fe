import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class ResidentRegistryTests: XCTestCase {
    static func caller(_ role: Role, _ area: String = SampleAreas.township) -> Caller {
        Caller(staff: Staff(accountID: 1, username: "u", displayName: "测试", role: role,
                            jurisdiction: Jurisdiction(root: AreaCode(area)!)), ip: "test")
    }

    static func idNumber(_ sequence: Int, born: String = "19800101") -> String {
        ResidentIdentityNumber(division: "150207", birthDate: born, sequence: sequence)!.rawValue
    }

    static func resident(_ name: String, _ sequence: Int, address: String = "康乐小区3栋2单元501", tags: [String] = [])
        -> ResidentSubmission
    {
        ResidentSubmission(name: name, idNumber: idNumber(sequence), phone: "13800138000", gridCode: SampleAreas.grid,
                           address: address, relation: "户主", tags: tags)
    }

    func testRegisteredResidentsAreMaskedEncryptedAndTaggedByRole() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let registry = ResidentRegistry(platform: try TestPlatform.make(database: db))
            let view = try await registry.register(Self.resident("王芳", 11, tags: ["空巢老人", "重点人员"]),
                                                   caller: Self.caller(.gridLeader))
            XCTAssertEqual(view.idNumberMasked, "150207********" + String(Self.idNumber(11).suffix(4)))
            XCTAssertEqual(view.phoneMasked, "138****8000")
            XCTAssertEqual(view.gender, "male")
            XCTAssertEqual(view.birthYear, 1980)
            XCTAssertEqual(view.tags, ["空巢老人", "重点人员"])
            let asWorker = try await registry.person(id: view.id, caller: Self.caller(.gridWorker))
            XCTAssertEqual(asWorker.tags, ["空巢老人"], "grid workers do not see sensitive tags")
            let row = try await db.read { try await PeopleRepository($0, kind: db.kind).find(id: view.id) }
            XCTAssertNotNil(row?.householdId)
            let stored = String(describing: row)
            XCTAssertFalse(stored.contains(Self.idNumber(11)), "no plaintext ID number at rest")
            XCTAssertFalse(stored.contains("13800138000"), "no plaintext phone at rest")
        }
    }

    func testEveryBadFieldIsReportedAndNothingIsSaved() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let registry = ResidentRegistry(platform: try TestPlatform.make(database: db))
            let leader = Self.caller(.gridLeader)
            var wrongCheck = Self.idNumber(12)
            wrongCheck = String(wrongCheck.dropLast()) + (wrongCheck.last == "1" ? "2" : "1")
            let cases: [(ResidentSubmission, String, String)] = [
                (ResidentSubmission(name: "张三", idNumber: wrongCheck, gridCode: SampleAreas.grid, address: "x"), "idNumber", "invalid_id_number"),
                (ResidentSubmission(name: "张三", idNumber: "150207198002300011", gridCode: SampleAreas.grid, address: "x"), "idNumber", "invalid_id_number"),
                (ResidentSubmission(name: "张三", idNumber: Self.idNumber(13), phone: "12345", gridCode: SampleAreas.grid, address: "x"), "phone", "invalid_format"),
                (ResidentSubmission(idNumber: Self.idNumber(14), gridCode: SampleAreas.grid, address: "x"), "name", "required"),
                (ResidentSubmission(name: "张三", idNumber: Self.idNumber(15), gridCode: SampleAreas.village, address: "x"), "gridCode", "invalid_format"),
                (ResidentSubmission(name: "张三", idNumber: Self.idNumber(16), gridCode: "150207002001001", address: "x"), "gridCode", "unknown"),
                (ResidentSubmission(name: "张三", idNumber: Self.idNumber(17), gridCode: SampleAreas.grid, address: "x", tags: ["神仙"]), "tags[0]", "unknown_value"),
            ]
            for (submission, field, code) in cases {
                do {
                    _ = try await registry.register(submission, caller: leader)
                    XCTFail("accepted \(field)")
                } catch DomainError.validation(let errors) {
                    XCTAssertTrue(errors.contains { $0.field == field && $0.code == code }, "\(field): \(errors)")
                }
            }
            _ = try await registry.register(Self.resident("李四", 18), caller: leader)
            await XCTAssertThrowsDomainError(code: "duplicate_id_number") {
                _ = try await registry.register(Self.resident("李四四", 18), caller: leader)
            }
            await XCTAssertThrowsDomainError(code: "forbidden") {
                _ = try await registry.register(Self.resident("王五", 19), caller: Self.caller(.departmentHandler))
            }
            let count = try await db.read { try await $0.countRows(in: "people") }
            XCTAssertEqual(count, 1)
        }
    }

    func testRevealNeedsThePermissionAndIsAudited() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let registry = ResidentRegistry(platform: try TestPlatform.make(database: db))
            let view = try await registry.register(Self.resident("赵六", 21), caller: Self.caller(.gridLeader))
            await XCTAssertThrowsDomainError(code: "forbidden") {
                _ = try await registry.reveal(id: view.id, caller: Self.caller(.gridWorker))
            }
            let revealed = try await registry.reveal(id: view.id, caller: Self.caller(.leader))
            XCTAssertEqual(revealed.idNumber, Self.idNumber(21))
            XCTAssertEqual(revealed.phone, "13800138000")
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(action: "person.reveal", limit: 5) }
            XCTAssertEqual(audit.count, 1)
            XCTAssertEqual(audit.first?.objectId, String(view.id))
            await XCTAssertThrowsDomainError(code: "not_found") {
                _ = try await registry.reveal(id: view.id, caller: Self.caller(.leader, "150207002000"))
            }
        }
    }

    func testSearchFindsTwoCharacterNamesAndAddressesInsideTheJurisdiction() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let registry = ResidentRegistry(platform: try TestPlatform.make(database: db))
            let leader = Self.caller(.gridLeader)
            _ = try await registry.register(Self.resident("王芳", 31, address: "阳光花园1栋101"), caller: leader)
            _ = try await registry.register(Self.resident("王芳芳", 32, address: "康乐小区2栋"), caller: leader)
            _ = try await registry.register(Self.resident("李王芳", 33, address: "康乐小区3栋"), caller: leader)
            let short = try await registry.search("王芳", caller: leader).map(\.name)
            XCTAssertEqual(short, ["王芳", "王芳芳"])
            let address = try await registry.search("阳光花园", caller: leader).map(\.name)
            XCTAssertEqual(address, ["王芳"])
            let inside = try await registry.search("李王芳", caller: leader).map(\.name)
            XCTAssertEqual(inside, ["李王芳"])
            let elsewhere = try await registry.search("王芳", caller: Self.caller(.gridLeader, "150207002000"))
            XCTAssertTrue(elsewhere.isEmpty)
            let quotes = try await registry.search("\"王%_", caller: leader)
            XCTAssertTrue(quotes.isEmpty)
        }
    }

    func testKeysetPagesCoverEveryoneOnce() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let registry = ResidentRegistry(platform: try TestPlatform.make(database: db))
            let leader = Self.caller(.gridLeader)
            for i in 0..<23 { _ = try await registry.register(Self.resident("居民\(i)", 100 + i), caller: leader) }
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let page = try await registry.page(areaCode: SampleAreas.village, cursor: cursor, limit: 10, caller: leader)
                seen += page.people.map(\.id)
                cursor = page.next
            } while cursor != nil
            XCTAssertEqual(seen.count, 23)
            XCTAssertEqual(Set(seen).count, 23)
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await registry.page(areaCode: nil, cursor: "garbage", caller: leader)
            }
        }
    }
}
