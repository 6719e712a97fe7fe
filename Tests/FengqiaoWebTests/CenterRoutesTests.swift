import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class CenterRoutesTests: XCTestCase {
    func testACentreGetsDepartmentsAndARotationThatShowsOnTheAreaPage() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.county, in: platform.database)
            try await TestAccounts.create("zhang", role: .departmentHandler, area: SampleAreas.township, displayName: "张警官", in: platform.database)
            try await TestAccounts.create("li", role: .departmentHandler, area: SampleAreas.township, displayName: "李警官", in: platform.database)
            let leader = try await signIn(client, username: "lead")
            let json: HTTPFields = [.cookie: leader.cookie, .contentType: "application/json", .csrfHeader: leader.csrf]
            func call(_ method: HTTPRequest.Method, _ uri: String, _ body: String) async throws -> TestResponse {
                try await client.execute(uri: uri, method: method, headers: json, body: ByteBuffer(string: body))
            }
            var response = try await call(.put, "/api/v1/areas/\(SampleAreas.township)/center",
                                          #"{"name":"沙河街道综治中心","address":"沙河街道办事处一楼","hotline":"0472-5123456"}"#)
            XCTAssertEqual(response.status, .noContent, response.text)
            response = try await call(.put, "/api/v1/areas/\(SampleAreas.grid)/center", #"{"name":"网格中心"}"#)
            XCTAssertEqual(response.status, .conflict)
            response = try await call(.put, "/api/v1/areas/\(SampleAreas.township)/center", #"{"name":"x","hotline":"110abc"}"#)
            XCTAssertEqual(response.status, .unprocessableContent)

            response = try await call(.post, "/api/v1/areas/\(SampleAreas.township)/departments",
                                      #"{"code":"publicSecurity","name":"沙河派出所","stationing":"轮驻"}"#)
            XCTAssertEqual(response.status, .created, response.text)
            let id = try XCTUnwrap(try response.json()["id"] as? Int)
            response = try await call(.post, "/api/v1/areas/\(SampleAreas.township)/departments",
                                      #"{"code":"publicSecurity","name":"重复","stationing":"常驻"}"#)
            XCTAssertEqual(response.status, .conflict)
            response = try await call(.post, "/api/v1/areas/\(SampleAreas.township)/departments",
                                      #"{"code":"Bad Code!","name":"某部门","stationing":"常驻"}"#)
            XCTAssertEqual(response.status, .unprocessableContent)
            response = try await call(.post, "/api/v1/areas/\(SampleAreas.township)/departments",
                                      #"{"code":"market","name":"市场监管所","stationing":"偶尔"}"#)
            XCTAssertEqual(response.status, .unprocessableContent)

            response = try await call(.post, "/api/v1/departments/\(id)/roster",
                                      #"{"usernames":["zhang","li"],"from":"2026-11-16","through":"2026-11-29"}"#)
            XCTAssertEqual(response.status, .created, response.text)
            response = try await call(.post, "/api/v1/departments/\(id)/roster",
                                      #"{"usernames":["zhang","nobody"],"from":"2026-11-16","through":"2026-11-29"}"#)
            XCTAssertEqual(response.status, .unprocessableContent)

            // The reference day (2026-11-23) is a Monday: the second week, so 李警官 is on duty.
            let page = try await client.execute(uri: "/areas/\(SampleAreas.township)", method: .get, headers: leader.headers)
            XCTAssertTrue(page.text.contains("沙河街道综治中心"), page.text)
            XCTAssertTrue(page.text.contains("0472-5123456"))
            XCTAssertTrue(page.text.contains("<td>轮驻</td><td>李警官</td>"), page.text)
            let audit = try await platform.database.read { try await AuditRepository($0, kind: platform.database.kind).latest(limit: 20) }
            XCTAssertEqual(Set(audit.map(\.action)).intersection(["center.save", "department.create", "department.roster"]).count, 3)
        }
    }

    func testTheAreaPageFormsSetUpACentre() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.county, in: platform.database)
            try await TestAccounts.create("zhou", role: .departmentHandler, area: SampleAreas.township, displayName: "周干事", in: platform.database)
            let leader = try await signIn(client, username: "lead")
            func post(_ body: String) async throws -> TestResponse {
                try await client.execute(uri: "/areas/\(SampleAreas.township)/center", method: .post,
                                         headers: leader.formHeaders(), body: ByteBuffer(string: "_csrf=\(leader.csrf)&" + body))
            }
            var response = try await post("action=center&name=%E6%B2%99%E6%B2%B3%E8%A1%97%E9%81%93%E7%BB%BC%E6%B2%BB%E4%B8%AD%E5%BF%83&address=&hotline=0472-5123456")
            XCTAssertEqual(response.status, .seeOther, response.text)
            response = try await post("action=department&code=justice&name=%E5%8F%B8%E6%B3%95%E6%89%80&stationing=rotating")
            XCTAssertEqual(response.status, .seeOther, response.text)
            let page = try await client.execute(uri: "/areas/\(SampleAreas.township)", method: .get, headers: leader.headers)
            XCTAssertTrue(page.text.contains("沙河街道综治中心"))
            let id = try XCTUnwrap(firstMatch(#"<option value="(\d+)">司法所</option>"#, in: page.text))
            response = try await post("action=roster&departmentId=\(id)&usernames=zhou&from=2026-11-23&through=2026-11-29")
            XCTAssertEqual(response.status, .seeOther, response.text)
            let after = try await client.execute(uri: "/areas/\(SampleAreas.township)", method: .get, headers: leader.headers)
            XCTAssertTrue(after.text.contains("<td>轮驻</td><td>周干事</td>"), after.text)
            let bad = try await post("action=department&code=justice&name=%E9%87%8D%E5%A4%8D&stationing=resident")
            XCTAssertEqual(bad.status, .conflict)
        }
    }
}
