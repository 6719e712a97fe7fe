import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class TokenRoutesTests: XCTestCase {
    static let otherGrid = "150207001001002"
    static let console = Administrator.commandLine("cli:test")

    static func idNumber(_ n: Int) -> String {
        ResidentIdentityNumber(division: "150207", birthDate: "19800101", sequence: n)!.rawValue
    }

    static func bearer(_ token: String, _ more: HTTPFields = [:]) -> HTTPFields {
        var fields: HTTPFields = [.authorization: "Bearer \(token)"]
        fields.append(contentsOf: more)
        return fields
    }

    /// A second grid in the sample village, and one resident in each grid; returns their ids.
    static func twoResidents(_ platform: Platform) async throws -> (inside: Int64, outside: Int64) {
        try await platform.database.write { db in
            try await AreaRepository(db).insert([AreaRecord(
                code: otherGrid, parentCode: SampleAreas.village, level: "grid", gridKind: "ordinary", name: "康乐社区第2网格",
                boundary: SampleAreas.rectangle(40.61, 109.80, 40.62, 109.81),
                minLat: 40.61, minLon: 109.80, maxLat: 40.62, maxLon: 109.81, createdAt: 0)])
        }
        let leader = Caller(staff: Staff(accountID: 1, username: "gl", displayName: "网格长", role: .gridLeader,
                                         jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.village)!)), ip: "t")
        let registry = ResidentRegistry(platform: platform)
        let inside = try await registry.register(.init(name: "王芳", idNumber: idNumber(1), phone: "13912345678",
                                                       gridCode: SampleAreas.grid, address: "阳光花园1栋", tags: ["独居老人", "重点人员"]),
                                                 caller: leader)
        let outside = try await registry.register(.init(name: "李强", idNumber: idNumber(2), gridCode: otherGrid,
                                                        address: "阳光花园9栋"), caller: leader)
        return (inside.id, outside.id)
    }

    func testABaseDataTokenReadsMaskedDataInsideItsAreaOnly() async throws {
        try await withTestClient { client, platform in
            let (inside, outside) = try await Self.twoResidents(platform)
            let tokens = ApiTokens(platform: platform)
            let issued = try await tokens.create(name: "province-sync", scopes: ["basedata.read"], area: SampleAreas.grid,
                                                 by: Self.console)
            let headers = Self.bearer(issued.token)

            let list = try await client.execute(uri: "/api/v1/people", method: .get, headers: headers)
            XCTAssertEqual(list.status, .ok, list.text)
            let names = try XCTUnwrap(try list.json()["people"] as? [[String: Any]]).compactMap { $0["name"] as? String }
            XCTAssertEqual(names, ["王芳"], "only its own area")
            let person = try await client.execute(uri: "/api/v1/people/\(inside)", method: .get, headers: headers)
            XCTAssertEqual(person.status, .ok, person.text)
            XCTAssertFalse(person.text.contains(Self.idNumber(1)), "masked")
            XCTAssertEqual(try person.json()["tags"] as? [String], ["独居老人"], "no sensitive tags for a machine")
            let away = try await client.execute(uri: "/api/v1/people/\(outside)", method: .get, headers: headers)
            XCTAssertEqual(away.status, .notFound)
            let area = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.county)", method: .get, headers: headers)
            XCTAssertEqual(area.status, .notFound, "outside the token's area")

            let reveal = try await client.execute(uri: "/api/v1/people/\(inside)/reveal", method: .post, headers: headers)
            XCTAssertEqual(reveal.status, .forbidden)
            let csv = "姓名,公民身份号码,网格编码,居住地址\r\n赵敏,\(Self.idNumber(3)),\(SampleAreas.grid),阳光花园3栋"
            let importing = try await client.execute(uri: "/api/v1/imports/people?filename=p.csv", method: .post,
                                                     headers: Self.bearer(issued.token, [.contentType: "text/csv"]),
                                                     body: ByteBuffer(string: csv))
            XCTAssertEqual(importing.status, .forbidden, importing.text)
            XCTAssertEqual(try importing.json()["code"] as? String, "forbidden")

            // A cookie beside the header changes nothing: the token decides.
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.county, in: platform.database)
            let leader = try await signIn(client, username: "lead")
            let both = try await client.execute(uri: "/api/v1/people/\(outside)", method: .get,
                                                headers: Self.bearer(issued.token, [.cookie: leader.cookie]))
            XCTAssertEqual(both.status, .notFound)

            try await tokens.revoke(id: issued.id, by: Self.console)
            for (token, accept) in [(issued.token, "application/json"), ("fq_unknown", "text/html"), ("", "application/json"),
                                    ("not-ours", "application/json")] {
                let refused = try await client.execute(uri: "/api/v1/people", method: .get,
                                                       headers: Self.bearer(token, [.accept: accept, .cookie: leader.cookie]))
                XCTAssertEqual(refused.status, .unauthorized, "\(token): never anonymous, never the cookie's session")
                XCTAssertEqual(refused.headers[.wwwAuthenticate], #"Bearer error="invalid_token""#)
                XCTAssertEqual(refused.headers[.contentType], "application/problem+json; charset=utf-8")
                XCTAssertEqual(try refused.json()["code"] as? String, "invalid_token")
            }
            // Other schemes are not ours: the request goes on as the cookie's.
            let basic = try await client.execute(uri: "/api/v1/people/\(outside)", method: .get,
                                                 headers: [.authorization: "Basic eDp5", .cookie: leader.cookie])
            XCTAssertEqual(basic.status, .ok)
        }
    }

    func testABearerPostNeedsNoCSRFTokenButACookieSessionStillDoes() async throws {
        try await withTestClient { client, platform in
            let tokens = ApiTokens(platform: platform)
            let issued = try await tokens.create(name: "12345热线导入", scopes: ["import"], area: SampleAreas.grid,
                                                 by: Self.console)
            let csv = "姓名,公民身份号码,网格编码,居住地址\r\n赵敏,\(Self.idNumber(3)),\(SampleAreas.grid),阳光花园3栋"
            let imported = try await client.execute(uri: "/api/v1/imports/people?filename=p.csv", method: .post,
                                                    headers: Self.bearer(issued.token, [.contentType: "text/csv"]),
                                                    body: ByteBuffer(string: csv))
            XCTAssertEqual(imported.status, .ok, imported.text)
            XCTAssertEqual(try imported.json()["created"] as? Int, 1)
            let audit = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).latest(action: "import.people", limit: 5)
            }
            XCTAssertEqual(audit.map(\.actor), ["token:12345热线导入"])
            XCTAssertEqual(audit.map(\.role), ["api_token"])
            XCTAssertEqual(audit.first?.actorId, nil)
            let outside = "姓名,公民身份号码,网格编码,居住地址\r\n钱七,\(Self.idNumber(4)),150207001001002,阳光花园4栋"
            let refused = try await client.execute(uri: "/api/v1/imports/people?filename=p.csv", method: .post,
                                                   headers: Self.bearer(issued.token, [.contentType: "text/csv"]),
                                                   body: ByteBuffer(string: outside))
            XCTAssertEqual(refused.status, .unprocessableContent, "a grid outside the token's area")

            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            let browser = try await signIn(client, username: "gl")
            let noCSRF = try await client.execute(uri: "/api/v1/imports/people?filename=p.csv", method: .post,
                                                  headers: [.cookie: browser.cookie, .contentType: "text/csv"],
                                                  body: ByteBuffer(string: csv))
            XCTAssertEqual(noCSRF.status, .forbidden)
            XCTAssertEqual(try noCSRF.json()["code"] as? String, "csrf_failed")
            let count = try await platform.database.read { try await $0.countRows(in: "people") }
            XCTAssertEqual(count, 1)
        }
    }

    func testTheSecurityAdminMakesAndRevokesTokensInThePages() async throws {
        try await withTestClient { client, platform in
            _ = try await Self.twoResidents(platform)
            let signedOut = try await client.execute(uri: "/admin/tokens", method: .get, headers: htmlHeaders)
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.headers[.location]?.hasPrefix("/login") ?? false)
            for role in [Role.systemAdmin, .auditor, .leader] {
                try await TestAccounts.create(role.rawValue, role: role, area: SampleAreas.county, in: platform.database)
                let other = try await signIn(client, username: role.rawValue)
                let page = try await client.execute(uri: "/admin/tokens", method: .get, headers: other.headers)
                XCTAssertEqual(page.status, .forbidden, role.rawValue)
                let post = try await client.execute(uri: "/admin/tokens", method: .post, headers: other.formHeaders(),
                                                    body: ByteBuffer(string: "_csrf=\(other.csrf)&name=x&scope.map.read=on&area=\(SampleAreas.grid)"))
                XCTAssertEqual(post.status, .forbidden, role.rawValue)
            }
            let cityWide = try await ApiTokens(platform: platform).create(
                name: "全市视频预警", scopes: ["cases.report"], area: SampleAreas.city, by: Self.console)

            try await TestAccounts.create("sec", role: .securityAdmin, area: SampleAreas.county, in: platform.database)
            let admin = try await signIn(client, username: "sec")
            let empty = try await client.execute(uri: "/admin/tokens", method: .get, headers: admin.headers)
            XCTAssertEqual(empty.status, .ok)
            XCTAssertTrue(empty.text.contains("name=\"scope.basedata.read\""), empty.text)
            XCTAssertFalse(empty.text.contains("全市视频预警"), "outside the admin's jurisdiction")

            let noCSRF = try await client.execute(uri: "/admin/tokens", method: .post, headers: admin.formHeaders(),
                                                  body: ByteBuffer(string: "name=x&scope.map.read=on&area=\(SampleAreas.grid)"))
            XCTAssertEqual(noCSRF.status, .forbidden)
            let bad = try await client.execute(uri: "/admin/tokens", method: .post, headers: admin.formHeaders(),
                                               body: ByteBuffer(string: "_csrf=\(admin.csrf)&name=&area=\(SampleAreas.city)"))
            XCTAssertEqual(bad.status, .unprocessableContent)
            for message in ["请填写令牌名称", "请至少选择一个权限范围", "辖区内没有该区域编码"] {
                XCTAssertTrue(bad.text.contains(message), message)
            }

            let form = "_csrf=\(admin.csrf)&name=%E7%9C%81%E5%B9%B3%E5%8F%B0&scope.basedata.read=on&area=\(SampleAreas.grid)"
            let created = try await client.execute(uri: "/admin/tokens", method: .post, headers: admin.formHeaders(),
                                                   body: ByteBuffer(string: form))
            XCTAssertEqual(created.status, .ok, created.text)
            XCTAssertEqual(created.headers[.cacheControl], "no-store")
            let token = try XCTUnwrap(firstMatch(#"(fq_[A-Za-z0-9_-]{43})"#, in: created.text))
            XCTAssertTrue(created.text.contains("只显示这一次"))
            let again = try await client.execute(uri: "/admin/tokens", method: .post, headers: admin.formHeaders(),
                                                 body: ByteBuffer(string: form))
            XCTAssertEqual(again.status, .unprocessableContent)
            XCTAssertTrue(again.text.contains("已有同名的有效令牌"))

            let used = try await client.execute(uri: "/api/v1/people", method: .get, headers: Self.bearer(token))
            XCTAssertEqual(used.status, .ok)
            let list = try await client.execute(uri: "/admin/tokens", method: .get, headers: admin.headers)
            XCTAssertTrue(list.text.contains("省平台"))
            XCTAssertTrue(list.text.contains("fq_\(token.dropFirst(3).prefix(8))"))
            XCTAssertFalse(list.text.contains(token), "the list never shows the token")
            XCTAssertFalse(list.text.contains("从未使用"), "its last use is shown")
            let id = try XCTUnwrap(firstMatch(#"action="/admin/tokens/(\d+)/revoke""#, in: list.text))

            let outside = try await client.execute(uri: "/admin/tokens/\(cityWide.id)/revoke", method: .post,
                                                   headers: admin.formHeaders(), body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(outside.status, .notFound)
            let revoked = try await client.execute(uri: "/admin/tokens/\(id)/revoke", method: .post,
                                                   headers: admin.formHeaders(), body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(revoked.status, .seeOther)
            let after = try await client.execute(uri: "/admin/tokens", method: .get, headers: admin.headers)
            XCTAssertTrue(after.text.contains("已吊销"))
            let refused = try await client.execute(uri: "/api/v1/people", method: .get, headers: Self.bearer(token))
            XCTAssertEqual(refused.status, .unauthorized)
            let actions = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).latest(limit: 20)
            }.filter { $0.action.hasPrefix("api_token.") }.map { "\($0.actor) \($0.action)" }
            XCTAssertEqual(actions, ["sec api_token.revoke", "sec api_token.create", "cli:test api_token.create"])
        }
    }
}
