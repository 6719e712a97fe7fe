import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class AreaEditingRoutesTests: XCTestCase {
    func testNewGridByJSONThenItsHistoryPage() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("leader", role: .leader, area: SampleAreas.county, in: platform.database)
            let browser = try await signIn(client, username: "leader")
            let json: HTTPFields = [.cookie: browser.cookie, .contentType: "application/json", .csrfHeader: browser.csrf]
            let body = """
                {"name":"康乐社区第2网格","acceptGaps":true,"effectiveOn":"2026-12-01",
                 "boundary":{"type":"Polygon","coordinates":[[[109.81,40.60],[109.82,40.60],[109.82,40.61],[109.81,40.61],[109.81,40.60]]]}}
                """
            let created = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.village)/children", method: .post,
                                                   headers: json, body: ByteBuffer(string: body))
            XCTAssertEqual(created.status, .created, created.text)
            let code = try XCTUnwrap(try created.json()["code"] as? String)
            let history = try await client.execute(uri: "/areas/\(code)/history", method: .get, headers: browser.headers)
            XCTAssertTrue(history.text.contains("新建"), history.text)
            XCTAssertTrue(history.text.contains("2026-12-01"))
        }
    }

    func testBadBoundariesComeBackAsFieldErrors() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("leader", role: .leader, area: SampleAreas.county, in: platform.database)
            let browser = try await signIn(client, username: "leader")
            let json: HTTPFields = [.cookie: browser.cookie, .contentType: "application/json", .csrfHeader: browser.csrf]
            let outside = #"{"boundary":{"type":"Polygon","coordinates":[[[109.80,40.60],[109.90,40.60],[109.90,40.61],[109.80,40.61],[109.80,40.60]]]}}"#
            let response = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.grid)/boundary", method: .put,
                                                    headers: json, body: ByteBuffer(string: outside))
            XCTAssertEqual(response.status, .unprocessableContent)
            let errors = try XCTUnwrap(try response.json()["errors"] as? [[String: Any]])
            XCTAssertTrue(errors.contains { $0["code"] as? String == "outside_parent" && ($0["message"] as? String ?? "").contains("平方米") },
                          response.text)
            let notJSON = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.grid)/boundary", method: .put,
                                                   headers: json, body: ByteBuffer(string: "[1,2"))
            XCTAssertEqual(notJSON.status, .unprocessableContent)
            let grid = try await platform.areaAtlas().node(SampleAreas.grid)
            XCTAssertEqual(grid?.polygons.first?.boundingBox?.maxLongitude, 109.81, "nothing changed")
        }
    }
}
