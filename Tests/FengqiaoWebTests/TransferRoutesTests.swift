import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class TransferRoutesTests: XCTestCase {
    func testAFileIsJudgedByItsContentNotItsName() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            let browser = try await signIn(client, username: "gl")
            let headers: HTTPFields = [.cookie: browser.cookie, .csrfHeader: browser.csrf, .contentType: "text/csv"]
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
            let response = try await client.execute(uri: "/api/v1/imports/people?filename=people.csv", method: .post,
                                                    headers: headers, body: ByteBuffer(bytes: png))
            XCTAssertEqual(response.status, .unprocessableContent, response.text)
            let fields = try XCTUnwrap(try response.json()["errors"] as? [[String: Any]], response.text)
            XCTAssertEqual(fields.first?["code"] as? String, "unsupported_type")
            XCTAssertEqual(fields.first?["field"] as? String, "file")
            let count = try await platform.database.read { try await $0.countRows(in: "people") }
            XCTAssertEqual(count, 0)
        }
    }

    static func id(_ n: Int) -> String { ResidentIdentityNumber(division: "150207", birthDate: "19900101", sequence: n)!.rawValue }

    static func csv(_ rows: [[String]]) -> String {
        (["姓名,公民身份号码,联系电话,网格编码,居住地址,标签"] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n")
    }

    func testImportIsAllOrNothingReportsEveryBadCellAndReimportChangesNothing() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            let browser = try await signIn(client, username: "gl")
            let headers: HTTPFields = [.cookie: browser.cookie, .csrfHeader: browser.csrf, .contentType: "text/csv"]
            let grid = SampleAreas.grid
            let bad = Self.csv([
                ["王芳", Self.id(1), "13800138000", grid, "阳光花园1栋", "空巢老人"],
                ["李强", "150207199001019999", "", grid, "阳光花园2栋", ""],
                ["", Self.id(3), "123", grid, "阳光花园3栋", ""],
                ["赵敏", Self.id(1), "", grid, "阳光花园4栋", ""],
                ["钱七", Self.id(5), "", "150207002001001", "阳光花园5栋", "外星人"],
            ])
            let refused = try await client.execute(uri: "/api/v1/imports/people?filename=people.csv", method: .post,
                                                   headers: headers, body: ByteBuffer(string: bad))
            XCTAssertEqual(refused.status, .unprocessableContent, refused.text)
            let report = try refused.json()
            XCTAssertEqual(report["applied"] as? Bool, false)
            let problems = try XCTUnwrap(report["problems"] as? [[String: Any]])
            let cells = Set(problems.map { "\($0["row"] as? Int ?? 0)\($0["column"] as? String ?? "?"):\($0["code"] as? String ?? "")" })
            XCTAssertEqual(cells, ["3B:invalid_id_number", "4A:required", "4C:invalid_format", "5B:duplicate_in_file",
                                   "6F:unknown_value"], "\(problems)")
            var count = try await platform.database.read { try await $0.countRows(in: "people") }
            XCTAssertEqual(count, 0, "nothing from a refused file is saved")

            let good = Self.csv([
                ["王芳", Self.id(1), "13800138000", grid, "阳光花园1栋", "空巢老人"],
                ["李强", Self.id(2), "", grid, "阳光花园2栋", ""],
            ])
            for (pass, expected) in [(1, (2, 0, 0)), (2, (0, 0, 2))] {
                let response = try await client.execute(uri: "/api/v1/imports/people?filename=people.csv", method: .post,
                                                        headers: headers, body: ByteBuffer(string: good))
                XCTAssertEqual(response.status, .ok, "pass \(pass): \(response.text)")
                let json = try response.json()
                XCTAssertEqual(json["created"] as? Int, expected.0, "pass \(pass)")
                XCTAssertEqual(json["updated"] as? Int, expected.1, "pass \(pass)")
                XCTAssertEqual(json["unchanged"] as? Int, expected.2, "pass \(pass)")
            }
            count = try await platform.database.read { try await $0.countRows(in: "people") }
            XCTAssertEqual(count, 2)
            let audit = try await platform.database.read { try await AuditRepository($0, kind: platform.database.kind).latest(action: "import.people", limit: 5) }
            XCTAssertEqual(audit.count, 2)
        }
    }

    func testExportIsMaskedForMostRolesAndAlwaysAudited() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.county, in: platform.database)
            let gridLeader = try await signIn(client, username: "gl")
            _ = try await client.execute(
                uri: "/api/v1/imports/people?filename=p.csv", method: .post,
                headers: [.cookie: gridLeader.cookie, .csrfHeader: gridLeader.csrf, .contentType: "text/csv"],
                body: ByteBuffer(string: Self.csv([["王芳", Self.id(7), "13800138000", SampleAreas.grid, "阳光花园1栋", ""]])))
            let refused = try await client.execute(uri: "/api/v1/exports/people.xlsx", method: .get,
                                                   headers: [.cookie: gridLeader.cookie])
            XCTAssertEqual(refused.status, .forbidden, "grid leaders do not export")
            let leader = try await signIn(client, username: "lead")
            let file = try await client.execute(uri: "/api/v1/exports/people.xlsx?area=\(SampleAreas.village)", method: .get,
                                                headers: [.cookie: leader.cookie])
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(file.headers[.contentType], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let table = try SheetReader.read(data: Data(buffer: file.body), filename: "people.xlsx")
            XCTAssertEqual(table.header, ResidentExport.header)
            XCTAssertEqual(table.rows.first?[0], "王芳")
            XCTAssertEqual(table.rows.first?[3], Self.id(7), "leaders may see identifiers, so their export has them")
            let audit = try await platform.database.read { try await AuditRepository($0, kind: platform.database.kind).latest(action: "export.people", limit: 5) }
            XCTAssertEqual(audit.first?.summary, #"{"rows":1,"unmasked":true}"#)
        }
    }

    func testOrganizationsImportByCreditCodeAndValidRowsOnlyMode() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            let browser = try await signIn(client, username: "gl")
            let headers: HTTPFields = [.cookie: browser.cookie, .csrfHeader: browser.csrf, .contentType: "text/csv"]
            func code(_ base: String) -> String { base + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: base)!) }
            let good = code("91150207MA0N00001"), other = code("91150207MA0N00002")
            let file = [
                "组织名称,统一社会信用代码,组织类型,网格编码,地址",
                "康乐物业,\(good),企业,\(SampleAreas.grid),康乐小区1号",
                "坏代码公司,91150207MA0N0000X,企业,\(SampleAreas.grid),康乐小区2号",
                "康乐超市,\(other),个体工商户,\(SampleAreas.grid),康乐小区3号",
            ].joined(separator: "\n")
            let refused = try await client.execute(uri: "/api/v1/imports/organizations?filename=orgs.csv", method: .post,
                                                   headers: headers, body: ByteBuffer(string: file))
            XCTAssertEqual(refused.status, .unprocessableContent)
            let problems = try XCTUnwrap(try refused.json()["problems"] as? [[String: Any]])
            XCTAssertEqual(problems.map { "\($0["row"] as? Int ?? 0)\($0["column"] as? String ?? "")" }, ["3B"])
            let partial = try await client.execute(uri: "/api/v1/imports/organizations?filename=orgs.csv&allOrNothing=false",
                                                   method: .post, headers: headers, body: ByteBuffer(string: file))
            XCTAssertEqual(partial.status, .ok)
            XCTAssertEqual(try partial.json()["created"] as? Int, 2)
            let renamed = file.replacingOccurrences(of: "康乐超市", with: "康乐便利店")
            let again = try await client.execute(uri: "/api/v1/imports/organizations?filename=orgs.csv&allOrNothing=false",
                                                 method: .post, headers: headers, body: ByteBuffer(string: renamed))
            let json = try again.json()
            XCTAssertEqual([json["created"] as? Int, json["updated"] as? Int, json["unchanged"] as? Int], [0, 1, 1])
            let missing = try await client.execute(uri: "/api/v1/imports/organizations?filename=x.csv", method: .post,
                                                   headers: headers, body: ByteBuffer(string: "名称,地址\n甲,乙"))
            XCTAssertTrue(missing.text.contains("missing_column"), missing.text)
        }
    }

    func testTheUploadFormImportsAFileAndNeedsItsCSRFToken() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            let browser = try await signIn(client, username: "gl")
            let csv = Self.csv([["王芳", Self.id(9), "13800138000", SampleAreas.grid, "阳光花园1栋", ""]])
            func multipart(csrf: String) -> ByteBuffer {
                let parts = [
                    "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n",
                    "--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\npeople\r\n",
                    "--XyZ\r\nContent-Disposition: form-data; name=\"allOrNothing\"\r\n\r\non\r\n",
                    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"人口.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n",
                    "--XyZ--\r\n",
                ]
                return ByteBuffer(string: parts.joined())
            }
            let headers: HTTPFields = [.cookie: browser.cookie, .accept: "text/html",
                                       .contentType: "multipart/form-data; boundary=XyZ"]
            let forged = try await client.execute(uri: "/imports", method: .post, headers: headers, body: multipart(csrf: "nope"))
            XCTAssertEqual(forged.status, .forbidden)
            let page = try await client.execute(uri: "/imports", method: .post, headers: headers, body: multipart(csrf: browser.csrf))
            XCTAssertEqual(page.status, .ok, page.text)
            XCTAssertTrue(page.text.contains("人口.csv:已导入"), page.text)
            XCTAssertTrue(page.text.contains("新增 1"))
            let count = try await platform.database.read { try await $0.countRows(in: "people") }
            XCTAssertEqual(count, 1)
        }
    }
}
