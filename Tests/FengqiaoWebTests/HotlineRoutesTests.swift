import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The hotline desk's page and API through the router: upload with CSRF, the report and its error file,
/// the profile and type editors, the status export, and machines posting batches with a token.
final class HotlineRoutesTests: XCTestCase {
    static let header = "工单编号,来电时间,诉求人,电话,诉求内容,地址,诉求类型,办结时限"
    static let good = "GD1,2026-11-20 09:15,张三,13812345678,楼上装修噪音扰民已持续一周,康乐社区第1网格阳光花园3栋,噪音扰民,2026-11-27 17:00"
    static let bad = "GD2,昨天,李四,123,太吵,康乐社区第1网格,外星人入侵,"

    static func multipart(_ fields: [(name: String, filename: String?, value: String)]) -> (String, ByteBuffer) {
        let boundary = "HotlineBoundary"
        let body = fields.map { field in
            let disposition = field.filename.map { #"form-data; name="\#(field.name)"; filename="\#($0)""# }
                ?? #"form-data; name="\#(field.name)""#
            return "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n\r\n\(field.value)\r\n"
        }.joined() + "--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(string: body))
    }

    static func upload(_ client: any TestClientProtocol, _ browser: SignedInBrowser, csv: String, csrf: String? = nil) async throws
        -> TestResponse
    {
        let (type, body) = Self.multipart([("_csrf", nil, csrf ?? browser.csrf), ("profile", nil, "默认"), ("file", "工单.csv", csv)])
        return try await client.execute(uri: "/hotline", method: .post,
                                        headers: [.cookie: browser.cookie, .accept: "text/html", .contentType: type], body: body)
    }

    func testTheDeskUploadsAFileTwiceDownloadsTheErrorsAndExportsTheStatus() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("desk", role: .intakeOperator, area: SampleAreas.township, in: platform.database)
            let browser = try await signIn(client, username: "desk")
            let page = try await client.execute(uri: "/hotline", method: .get, headers: browser.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"<a href="/hotline" aria-current="page">12345工单</a>"#), "the navigation offers the desk")
            XCTAssertTrue(page.text.contains(#"enctype="multipart/form-data""#))
            XCTAssertTrue(page.text.contains(#"name="_csrf" value="\#(browser.csrf)""#))
            XCTAssertFalse(page.text.contains("<script"), "no script on the page")
            XCTAssertTrue(page.text.contains(#"name="from" type="date" value="2026-11-01""#), "the export defaults to this month")
            XCTAssertTrue(page.text.contains(#"<input id="names.workOrderNumber" name="names.workOrderNumber" value="工单编号、workOrderNumber、工单号""#))

            let csv = [Self.header, Self.good, Self.bad].joined(separator: "\r\n")
            let first = try await Self.upload(client, browser, csv: csv)
            XCTAssertEqual(first.status, .ok, first.text)
            XCTAssertTrue(first.text.contains("新立案登记 <strong>1</strong>"), first.text)
            XCTAssertTrue(first.text.contains("来电时间无法识别"))
            XCTAssertTrue(first.text.contains("电话格式不正确"))
            XCTAssertTrue(first.text.contains("诉求类型“外星人入侵”不在对应表中"))
            let link = try XCTUnwrap(firstMatch(#"href="(/hotline/batches/\d+/errors\?format=csv)""#, in: first.text))
            let second = try await Self.upload(client, browser, csv: csv)
            XCTAssertTrue(second.text.contains("已导入过 1"), second.text)
            let cases = try await platform.database.read { try await $0.countRows(in: "cases") }
            XCTAssertEqual(cases, 1, "the same file twice makes one case")

            let refused = try await Self.upload(client, browser, csv: csv, csrf: "forged")
            XCTAssertEqual(refused.status, .forbidden, "an upload without the page's CSRF token")

            let errors = try await client.execute(uri: link, method: .get, headers: browser.headers)
            XCTAssertEqual(errors.status, .ok)
            XCTAssertEqual(errors.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertTrue(errors.headers[.contentDisposition]?.contains("filename*=UTF-8''12345") ?? false)
            let table = try SheetReader.read(data: Data(buffer: errors.body), filename: "e.csv")
            XCTAssertEqual(table.header, ["行", "列", "字段", "代码", "问题"])
            XCTAssertEqual(table.rows.map { $0[1] + ":" + $0[3] }, ["B:invalid_format", "D:invalid_format", "E:too_short", "G:unknown_type"])
            let missing = try await client.execute(uri: "/hotline/batches/999/errors", method: .get, headers: browser.headers)
            XCTAssertEqual(missing.status, .notFound)

            let export = try await client.execute(uri: "/hotline/status-export?from=2026-11-20&to=2026-11-23&format=csv",
                                                  method: .get, headers: browser.headers)
            XCTAssertEqual(export.status, .ok, export.text)
            let rows = try SheetReader.read(data: Data(buffer: export.body), filename: "s.csv")
            XCTAssertEqual(rows.header, HotlineStatusExport.header)
            XCTAssertEqual(rows.rows.map { [$0[0], $0[2]] }, [["GD1", "已上报"]])
            let badRange = try await client.execute(uri: "/hotline/status-export?from=2026-11-23&to=2026-11-01",
                                                    method: .get, headers: [.cookie: browser.cookie, .accept: "application/json"])
            XCTAssertEqual(badRange.status, .unprocessableContent)

            // A grid leader imports base data but does not register cases: no desk.
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            let leader = try await signIn(client, username: "gl")
            let forbidden = try await client.execute(uri: "/hotline", method: .get, headers: leader.headers)
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }

    func testTheMappingAndTypeEditorsSaveOrShowTheirErrors() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("desk", role: .dispatcher, area: SampleAreas.township, in: platform.database)
            let browser = try await signIn(client, username: "desk")
            func post(_ uri: String, _ body: String) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: browser.formHeaders(),
                                         body: ByteBuffer(string: "_csrf=\(browser.csrf)&" + body))
            }
            let bad = try await post("/hotline/profiles", "name=&names.workOrderNumber=a&names.calledAt=a")
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("请填写方案名称"))
            XCTAssertTrue(bad.text.contains("列名“a”已用于“工单编号”"))
            let saved = try await post("/hotline/profiles",
                                       "name=%E7%9C%81%E5%B9%B3%E5%8F%B0&names.workOrderNumber=gdbh&names.calledAt=ldsj&names.content=sqnr")
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let location = try XCTUnwrap(saved.headers[.location])
            let edited = try await client.execute(uri: location, method: .get, headers: browser.headers)
            XCTAssertTrue(edited.text.contains("导入方案已保存"))
            XCTAssertTrue(edited.text.contains(#"value="gdbh""#))
            XCTAssertTrue(edited.text.contains(#"<option value="省平台">省平台</option>"#))

            let badTypes = try await post("/hotline/types", "types=%E4%BE%9B%E7%83%AD&fallback=")
            XCTAssertEqual(badTypes.status, .unprocessableContent)
            XCTAssertTrue(badTypes.text.contains("第1行应写成"))
            let types = try await post("/hotline/types",
                                       "types=%E4%BE%9B%E7%83%AD%3D%E4%BE%9B%E6%9A%96%E9%97%AE%E9%A2%98&fallback=%E6%B0%91%E7%94%9F%E6%9C%8D%E5%8A%A1%2F%E4%BE%9B%E6%B0%B4%E9%97%AE%E9%A2%98")
            XCTAssertEqual(types.status, .seeOther, types.text)
            let shown = try await client.execute(uri: "/hotline", method: .get, headers: browser.headers)
            XCTAssertTrue(shown.text.contains("供热=民生服务/供暖问题"))
            XCTAssertTrue(shown.text.contains(#"<option value="民生服务/供水问题" selected>"#))
            let audited = try await platform.database.read { try await $0.countRows(in: "audit_log", where: ("action", "hotline.types_save")) }
            XCTAssertEqual(audited, 1)
        }
    }

    func testAMachinePostsBatchesWithBothScopes() async throws {
        try await withTestClient { client, platform in
            let tokens = ApiTokens(platform: platform)
            let both = try await tokens.create(name: "12345平台", scopes: ["import", "cases.report"], area: SampleAreas.township,
                                               by: .commandLine("test")).token
            let importOnly = try await tokens.create(name: "只能导入", scopes: ["import"], area: SampleAreas.township,
                                                     by: .commandLine("test")).token
            let json = #"[{"workOrderNumber":"API-1","calledAt":"2026-11-21 10:00","content":"小区路灯不亮影响夜间出行","address":"康乐社区第1网格","requestType":"安全隐患"}]"#
            func post(_ token: String, _ body: String, uri: String = "/api/v1/hotline/batches", type: String = "application/json")
                async throws -> TestResponse
            {
                try await client.execute(uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: type],
                                         body: ByteBuffer(string: body))
            }
            let created = try await post(both, json)
            XCTAssertEqual(created.status, .ok, created.text)
            let report = try created.json()
            XCTAssertEqual(report["created"] as? Int, 1)
            XCTAssertEqual(report["format"] as? String, "json")
            let again = try await post(both, json)
            XCTAssertEqual(try again.json()["alreadyImported"] as? Int, 1)
            let items = try XCTUnwrap(try again.json()["items"] as? [[String: Any]])
            XCTAssertEqual(items.first?["outcome"] as? String, "already_imported")

            let csv = try await post(both, Self.header + "\r\n" + Self.good, uri: "/api/v1/hotline/batches?filename=w.csv", type: "text/csv")
            XCTAssertEqual(try csv.json()["created"] as? Int, 1, csv.text)
            let noColumn = try await post(both, "来电时间,诉求内容\r\n2026-11-21 10:00,小区路灯不亮", uri: "/api/v1/hotline/batches?filename=w.csv",
                                          type: "text/csv")
            XCTAssertEqual(noColumn.status, .unprocessableContent)
            XCTAssertEqual(try noColumn.json()["applied"] as? Bool, false)
            let malformed = try await post(both, "{\"workOrders\": 3}")
            XCTAssertEqual(malformed.status, .unprocessableContent)

            let forbidden = try await post(importOnly, json)
            XCTAssertEqual(forbidden.status, .forbidden)
            let anonymous = try await client.execute(uri: "/api/v1/hotline/batches", method: .post, headers: jsonHeaders,
                                                     body: ByteBuffer(string: json))
            XCTAssertEqual(anonymous.status, .unauthorized)
            let cases = try await platform.database.read { try await $0.countRows(in: "cases") }
            XCTAssertEqual(cases, 2)
        }
    }
}
