import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class CaseCategoryRoutesTests: XCTestCase {
    static func json(_ browser: SignedInBrowser) -> HTTPFields {
        [.cookie: browser.cookie, .csrfHeader: browser.csrf, .contentType: "application/json", .accept: "application/json"]
    }

    func testTheAdministratorEditsTheTreeOnThePage() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("sys", role: .systemAdmin, in: platform.database)
            let admin = try await signIn(client, username: "sys")
            let page = try await client.execute(uri: "/admin/case-categories", method: .get, headers: admin.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("邻里纠纷") && page.text.contains("dispute.neighbour"))
            XCTAssertTrue(page.text.contains("意见建议"))
            XCTAssertTrue(page.text.contains(#"name="_csrf" value="\#(admin.csrf)""#))
            XCTAssertFalse(page.text.contains("<script"))
            XCTAssertFalse(page.text.contains(" onclick="))
            XCTAssertTrue(page.text.contains(#"href="/admin/calendar""#), "the navigation offers the calendar")

            let added = try await client.execute(
                uri: "/admin/case-categories", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&kind=dispute&name=%E6%A0%A1%E5%9B%AD%E6%AC%BA%E5%87%8C"))
            XCTAssertEqual(added.status, .seeOther, added.text)
            XCTAssertEqual(added.headers[.location], "/admin/case-categories?saved=1")
            let duplicate = try await client.execute(
                uri: "/admin/case-categories", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&kind=dispute&name=%E6%A0%A1%E5%9B%AD%E6%AC%BA%E5%87%8C"))
            XCTAssertEqual(duplicate.status, .unprocessableContent)
            XCTAssertTrue(duplicate.text.contains("矛盾纠纷下已有名为“校园欺凌”的分类"), duplicate.text)
            let empty = try await client.execute(
                uri: "/admin/case-categories", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&kind=dispute&name="))
            XCTAssertEqual(empty.status, .unprocessableContent)
            XCTAssertTrue(empty.text.contains("请填写分类名称"))

            for (body, expected) in [
                ("action=deactivate", "已停用"),
                ("action=rename&name=%E9%82%BB%E9%87%8C%E7%9F%9B%E7%9B%BE", "邻里矛盾"),
                ("action=move&position=3", nil),
            ] as [(String, String?)] {
                let response = try await client.execute(
                    uri: "/admin/case-categories/dispute.neighbour", method: .post, headers: admin.formHeaders(),
                    body: ByteBuffer(string: "_csrf=\(admin.csrf)&\(body)"))
                XCTAssertEqual(response.status, .seeOther, body + response.text)
                if let expected {
                    let after = try await client.execute(uri: "/admin/case-categories", method: .get, headers: admin.headers)
                    XCTAssertTrue(after.text.contains(expected), expected)
                }
            }
            let tree = try await CaseCategories(platform: platform).publicTree()
            XCTAssertNil(tree.category(code: "dispute.neighbour"))
            let all = try await CaseCategories(platform: platform).tree(caller: CaseCategoryRoutesTests.admin)
            XCTAssertEqual(all.category(code: "dispute.neighbour"),
                           CaseCategory(code: "dispute.neighbour", kind: .dispute, name: "邻里矛盾", active: false, position: 3))
            for (body, message) in [("action=move&position=abc", "顺序须为整数"), ("action=move&position=99", "顺序须在1至11之间")] {
                let bad = try await client.execute(
                    uri: "/admin/case-categories/dispute.neighbour", method: .post, headers: admin.formHeaders(),
                    body: ByteBuffer(string: "_csrf=\(admin.csrf)&\(body)"))
                XCTAssertEqual(bad.status, .unprocessableContent)
                XCTAssertTrue(bad.text.contains(message), bad.text)
            }
            let unknown = try await client.execute(
                uri: "/admin/case-categories/dispute.none", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&action=deactivate"))
            XCTAssertEqual(unknown.status, .notFound)
            let forged = try await client.execute(
                uri: "/admin/case-categories", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "kind=dispute&name=x"))
            XCTAssertEqual(forged.status, .forbidden, "no CSRF token")
        }
    }

    static let admin = Caller(staff: Staff(accountID: 1, username: "t", displayName: "t", role: .systemAdmin,
                                           jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.county)!)), ip: "t")

    func testTheJSONAPIReadsForCaseStaffAndChangesForAdministratorsOnly() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("sys", role: .systemAdmin, in: platform.database)
            try await TestAccounts.create("disp", role: .dispatcher, in: platform.database)
            try await TestAccounts.create("sec", role: .securityAdmin, in: platform.database)
            let admin = try await signIn(client, username: "sys")
            let dispatcher = try await signIn(client, username: "disp")
            let security = try await signIn(client, username: "sec")

            let read = try await client.execute(uri: "/api/v1/case-categories", method: .get, headers: Self.json(dispatcher))
            XCTAssertEqual(read.status, .ok)
            let kinds = try XCTUnwrap(try read.json()["kinds"] as? [[String: Any]])
            XCTAssertEqual(kinds.compactMap { $0["kind"] as? String }, CaseKind.allCases.map(\.rawValue))
            let first = try XCTUnwrap((kinds.first?["categories"] as? [[String: Any]])?.first)
            XCTAssertEqual(first["code"] as? String, "dispute.neighbour")
            XCTAssertEqual(first["name"] as? String, "邻里纠纷")
            XCTAssertEqual(first["active"] as? Bool, true)
            XCTAssertEqual(first["position"] as? Int, 1)
            let hidden = try await client.execute(uri: "/api/v1/case-categories", method: .get, headers: Self.json(security))
            XCTAssertEqual(hidden.status, .forbidden)

            let created = try await client.execute(
                uri: "/api/v1/case-categories", method: .post, headers: Self.json(admin),
                body: ByteBuffer(string: #"{"kind":"safetyHazard","name":"高空坠物"}"#))
            XCTAssertEqual(created.status, .created, created.text)
            let code = try XCTUnwrap(try created.json()["code"] as? String)
            XCTAssertTrue(code.hasPrefix("safetyHazard.c"))
            let invalid = try await client.execute(
                uri: "/api/v1/case-categories", method: .post, headers: Self.json(admin),
                body: ByteBuffer(string: #"{"kind":"weather","name":""}"#))
            XCTAssertEqual(invalid.status, .unprocessableContent)
            let fields = try XCTUnwrap(try invalid.json()["errors"] as? [[String: Any]]).compactMap { $0["field"] as? String }
            XCTAssertEqual(Set(fields), ["kind", "name"])
            let refused = try await client.execute(
                uri: "/api/v1/case-categories", method: .post, headers: Self.json(dispatcher),
                body: ByteBuffer(string: #"{"kind":"safetyHazard","name":"越权"}"#))
            XCTAssertEqual(refused.status, .forbidden)

            let patched = try await client.execute(
                uri: "/api/v1/case-categories/\(code)", method: .patch, headers: Self.json(admin),
                body: ByteBuffer(string: #"{"name":"高空抛物坠物","position":1,"active":false}"#))
            XCTAssertEqual(patched.status, .ok, patched.text)
            let body = try patched.json()
            XCTAssertEqual(body["name"] as? String, "高空抛物坠物")
            XCTAssertEqual(body["position"] as? Int, 1)
            XCTAssertEqual(body["active"] as? Bool, false)
            let put = try await client.execute(
                uri: "/api/v1/case-categories/\(code)", method: .put, headers: Self.json(admin),
                body: ByteBuffer(string: #"{"active":true}"#))
            XCTAssertEqual(put.status, .ok)
            XCTAssertEqual(try put.json()["active"] as? Bool, true)
            let kind = try await client.execute(
                uri: "/api/v1/case-categories/dispute", method: .patch, headers: Self.json(admin),
                body: ByteBuffer(string: #"{"name":"纠纷"}"#))
            XCTAssertEqual(kind.status, .conflict)
            XCTAssertEqual(try kind.json()["code"] as? String, "fixed_kind")
            let wrongType = try await client.execute(
                uri: "/api/v1/case-categories/\(code)", method: .patch, headers: Self.json(admin),
                body: ByteBuffer(string: #"{"position":"first"}"#))
            XCTAssertEqual(wrongType.status, .badRequest)
            let missing = try await client.execute(
                uri: "/api/v1/case-categories/dispute.none", method: .patch, headers: Self.json(admin),
                body: ByteBuffer(string: #"{"active":false}"#))
            XCTAssertEqual(missing.status, .notFound)
            let notAllowed = try await client.execute(
                uri: "/api/v1/case-categories/\(code)", method: .patch, headers: Self.json(dispatcher),
                body: ByteBuffer(string: #"{"active":false}"#))
            XCTAssertEqual(notAllowed.status, .forbidden)
            let page = try await client.execute(uri: "/admin/case-categories", method: .get, headers: dispatcher.headers)
            XCTAssertEqual(page.status, .forbidden)

            let audit = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).latest(limit: 50)
            }
            XCTAssertEqual(Array(audit.map(\.action).filter { $0.hasPrefix("case_category.") }.reversed()), [
                "case_category.add", "case_category.rename", "case_category.deactivate", "case_category.move",
                "case_category.activate",
            ])
        }
    }
}
