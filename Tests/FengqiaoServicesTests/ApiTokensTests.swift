@preconcurrency import Crypto
import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

final class ApiTokensTests: XCTestCase {
    static func caller(_ role: Role, area: String = SampleAreas.county, id: Int64 = 1) -> Administrator {
        .staff(Caller(staff: Staff(accountID: id, username: "u\(id)", displayName: "测试", role: role,
                                   jurisdiction: Jurisdiction(root: AreaCode(area)!)), ip: "10.1.1.1"))
    }

    static let security = caller(.securityAdmin)

    /// Every column of every api_tokens row, as text.
    static func storedText(_ db: any Database) async throws -> [String] {
        try await db.read { sql in
            try await sql.select().column("*").from("api_tokens").all().map { row in
                try ["name", "prefix", "token_hash", "scope", "area_code", "created_by"]
                    .map { try row.decode(column: $0, as: String.self) }.joined(separator: "|")
            }
        }
    }

    func testATokenIsShownOnceStoredHashedResolvedAndRevoked() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let tokens = ApiTokens(platform: try TestPlatform.make(database: db))
            let issued = try await tokens.create(name: " 12345热线导入 ", scopes: ["basedata.read import"], area: SampleAreas.grid,
                                                 by: Self.security)
            XCTAssertTrue(issued.token.hasPrefix("fq_"))
            XCTAssertGreaterThanOrEqual(issued.token.count, 3 + 43, "at least 32 random bytes in base64url")
            XCTAssertEqual(issued.prefix, String(issued.token.dropFirst(3).prefix(8)))
            XCTAssertEqual(issued.name, "12345热线导入")

            let rows = try await Self.storedText(db)
            XCTAssertEqual(rows.count, 1)
            let hash = SHA256.hash(data: Data(issued.token.utf8)).map { String(format: "%02x", $0) }.joined()
            XCTAssertEqual(rows.first, "12345热线导入|\(issued.prefix)|\(hash)|basedata.read import|\(SampleAreas.grid)|u1")
            XCTAssertFalse(rows.joined().contains(issued.token), "only the hash is stored")
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 5) }
            XCTAssertEqual(audit.map(\.action), ["api_token.create"])
            XCTAssertEqual(audit.first?.actor, "u1")
            XCTAssertEqual(audit.first?.objectId, String(issued.id))
            XCTAssertFalse(audit.contains { $0.summary.contains(issued.token) }, "the audit log never holds the token")

            let staff = try await tokens.resolve(token: issued.token)
            XCTAssertEqual(staff?.username, "token:12345热线导入")
            XCTAssertEqual(staff?.permissions, [.viewMap, .viewBaseData, .importData, .editBaseData])
            XCTAssertEqual(staff?.jurisdiction.root.rawValue, SampleAreas.grid)
            XCTAssertEqual(staff?.apiTokenID, issued.id)
            for wrong in [issued.token + "x", String(issued.token.dropLast()), "fq_", "", "abc", issued.prefix] {
                let none = try await tokens.resolve(token: wrong)
                XCTAssertNil(none, wrong)
            }

            let listed = try await tokens.list(by: Self.security)
            XCTAssertEqual(listed.map(\.name), ["12345热线导入"])
            XCTAssertEqual(listed.first?.scopes, [.baseDataRead, .importData])
            XCTAssertEqual(listed.first?.areaName, "康乐社区第1网格")
            XCTAssertNotNil(listed.first?.lastUsedAt)
            XCTAssertFalse(listed.first?.isRevoked ?? true)

            try await tokens.revoke(id: issued.id, by: Self.security)
            let revoked = try await tokens.resolve(token: issued.token)
            XCTAssertNil(revoked, "a revoked token resolves to nobody")
            await XCTAssertThrowsDomainError(code: "token_revoked") { try await tokens.revoke(id: issued.id, by: Self.security) }
            await XCTAssertThrowsDomainError(code: "not_found") { try await tokens.revoke(id: 999, by: Self.security) }
            let after = try await tokens.list(by: Self.security)
            XCTAssertEqual(after.first?.isRevoked, true)
            let actions = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 5) }.map(\.action)
            XCTAssertEqual(actions, ["api_token.revoke", "api_token.create"])

            // The name is free again once its token is revoked.
            let again = try await tokens.create(name: "12345热线导入", scopes: ["map.read"], area: SampleAreas.grid,
                                                by: Self.security)
            XCTAssertNotEqual(again.token, issued.token)
        }
    }

    func testLastUsedIsWrittenAtMostOnceAMinute() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let tokens = ApiTokens(platform: try TestPlatform.make(database: db, clock: clock))
            let issued = try await tokens.create(name: "camera", scopes: ["cases.report"], area: SampleAreas.county,
                                                 by: Self.security)
            func lastUsed() async throws -> Int64? {
                try await db.read { try await ApiTokenRepository($0).find(id: issued.id) }?.lastUsedAt
            }
            let neverUsed = try await lastUsed()
            XCTAssertNil(neverUsed)
            let t0 = clock.now().millisecondsSince1970
            _ = try await tokens.resolve(token: issued.token)
            var seen = try await lastUsed()
            XCTAssertEqual(seen, t0)
            clock.advance(minutes: 0.5)
            _ = try await tokens.resolve(token: issued.token)
            seen = try await lastUsed()
            XCTAssertEqual(seen, t0, "not written again within the minute")
            clock.advance(minutes: 0.6)
            let principal = try await tokens.resolve(token: issued.token)
            XCTAssertNotNil(principal)
            seen = try await lastUsed()
            XCTAssertEqual(seen, clock.now().millisecondsSince1970)
        }
    }

    func testOnlyTheSecurityAdminManagesTokensAndOnlyInsideTheirJurisdiction() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let tokens = ApiTokens(platform: try TestPlatform.make(database: db))
            for role in Role.allCases where role != .securityAdmin {
                let other = Self.caller(role)
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await tokens.create(name: "x", scopes: ["map.read"], area: SampleAreas.grid, by: other)
                }
                await XCTAssertThrowsDomainError(code: "forbidden") { _ = try await tokens.list(by: other) }
                await XCTAssertThrowsDomainError(code: "forbidden") { try await tokens.revoke(id: 1, by: other) }
            }
            let township = Self.caller(.securityAdmin, area: SampleAreas.township, id: 2)
            for area in [SampleAreas.county, SampleAreas.city, "150299000000", "15020", ""] {
                do {
                    _ = try await tokens.create(name: "x", scopes: ["map.read"], area: area, by: township)
                    XCTFail("made a token for \(area)")
                } catch DomainError.validation(let fields) {
                    XCTAssertEqual(fields.map(\.field), ["area"], area)
                }
            }
            // A token the command line made for the whole city is neither listed nor revocable by the township.
            let cityWide = try await tokens.create(name: "全市热线", scopes: ["cases.report"], area: SampleAreas.city,
                                                   by: .commandLine("cli:test"))
            let listed = try await tokens.list(by: township)
            XCTAssertEqual(listed, [])
            await XCTAssertThrowsDomainError(code: "not_found") { try await tokens.revoke(id: cityWide.id, by: township) }
            let consoleList = try await tokens.list(by: .commandLine("cli:test"))
            XCTAssertEqual(consoleList.map(\.createdBy), ["cli:test"])
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(action: "api_token.create", limit: 5) }
            XCTAssertEqual(audit.map(\.actor), ["cli:test"])
            XCTAssertEqual(audit.map(\.role), ["system"])
            let count = try await db.read { try await $0.countRows(in: "api_tokens") }
            XCTAssertEqual(count, 1, "nothing refused was written")
        }
    }

    func testNamesAndScopesAreCheckedFieldByField() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let tokens = ApiTokens(platform: try TestPlatform.make(database: db))
            _ = try await tokens.create(name: "hotline", scopes: ["cases.report"], area: SampleAreas.grid, by: Self.security)
            let cases: [(String, [String], [String])] = [
                ("", ["map.read"], ["name:required"]),
                (String(repeating: "名", count: 61), ["map.read"], ["name:too_long"]),
                ("bad\"name", ["map.read"], ["name:invalid_format"]),
                ("ok", [], ["scope:required"]),
                ("ok", ["audit.read"], ["scope:invalid_choice"]),
                ("", ["nope"], ["name:required", "scope:invalid_choice"]),
                ("hotline", ["map.read"], ["name:duplicate"]),
            ]
            for (name, scopes, expected) in cases {
                do {
                    _ = try await tokens.create(name: name, scopes: scopes, area: SampleAreas.grid, by: Self.security)
                    XCTFail("accepted \(name) \(scopes)")
                } catch DomainError.validation(let fields) {
                    XCTAssertEqual(fields.map { "\($0.field):\($0.code)" }, expected, "\(name) \(scopes)")
                }
            }
            let sixty = try await tokens.create(name: String(repeating: "名", count: 60), scopes: ["map.read"],
                                                area: SampleAreas.grid, by: Self.security)
            XCTAssertEqual(sixty.name.count, 60)
            let count = try await db.read { try await $0.countRows(in: "api_tokens") }
            XCTAssertEqual(count, 2)
        }
    }

    func testAMachineIsAuditedAsItsTokenNotAsAnAccount() {
        let machine = Staff.machine(tokenID: 3, name: "camera", scopes: [.casesReport],
                                    jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.grid)!))
        let entry = AuditEntry(Caller(staff: machine, ip: "10.9.9.9"), action: "case.report", objectType: "case", objectID: "1")
        XCTAssertNil(entry.actorID)
        XCTAssertEqual(entry.actor, "token:camera")
        XCTAssertEqual(entry.role, "api_token")
        let person = Staff(accountID: 5, username: "li", displayName: "李", role: .dispatcher,
                           jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.grid)!))
        let personal = AuditEntry(Caller(staff: person, ip: "x"), action: "a", objectType: "b", objectID: "c")
        XCTAssertEqual([personal.actorID.map(String.init), personal.actor, personal.role], ["5", "li", "dispatcher"])
    }
}
