import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class AreaRoutesTests: XCTestCase {
    func testAreaPageShowsChildrenMapAndOpenCases() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("leader", role: .leader, area: SampleAreas.county, in: platform.database)
            _ = try await ReportIntake(platform: platform).submit(ReportSubmission(
                kind: CaseKind.safetyHazard.rawValue, description: "楼道里有电动车充电", latitude: SampleAreas.pointInGrid.latitude,
                longitude: SampleAreas.pointInGrid.longitude))
            let browser = try await signIn(client, username: "leader")
            let landing = try await client.execute(uri: "/areas", method: .get, headers: browser.headers)
            XCTAssertEqual(landing.headers[.location], "/areas/\(SampleAreas.county)")
            let page = try await client.execute(uri: "/areas/\(SampleAreas.township)", method: .get, headers: browser.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("康乐社区"), page.text)
            XCTAssertTrue(page.text.contains("<svg"), "the map is drawn")
            XCTAssertTrue(page.text.contains("href=\"/areas/\(SampleAreas.village)\""))
            let json = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.village)", method: .get,
                                                headers: [.cookie: browser.cookie])
            let body = try json.json()
            XCTAssertEqual(body["openCases"] as? Int, 1)
            let children = try XCTUnwrap(body["children"] as? [[String: Any]])
            XCTAssertEqual(children.count, 1)
            XCTAssertEqual(children.first?["openCases"] as? Int, 1)
            XCTAssertEqual(children.first?["people"] as? Int, 0)
        }
    }

    func testAreasOutsideTheJurisdictionAreNotFound() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("town", role: .dispatcher, area: SampleAreas.township, in: platform.database)
            let browser = try await signIn(client, username: "town")
            for uri in ["/api/v1/areas/\(SampleAreas.county)", "/api/v1/areas/\(SampleAreas.city)",
                        "/api/v1/areas/150207002000", "/api/v1/grids/999999999999999"] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.cookie: browser.cookie])
                XCTAssertEqual(response.status, .notFound, uri)
            }
            let inside = try await client.execute(uri: "/api/v1/grids/\(SampleAreas.grid)", method: .get,
                                                  headers: [.cookie: browser.cookie])
            XCTAssertEqual(inside.status, .ok)
            let located = try await client.execute(
                uri: "/api/v1/locate?lat=\(SampleAreas.pointInGrid.latitude)&lon=\(SampleAreas.pointInGrid.longitude)",
                method: .get, headers: [.cookie: browser.cookie])
            let path = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(located.text.utf8)) as? [[String: Any]])
            XCTAssertEqual(path.map { $0["code"] as? String }, [SampleAreas.township, SampleAreas.village, SampleAreas.grid])
            let outside = try await client.execute(uri: "/api/v1/locate?lat=41.5&lon=110.5", method: .get,
                                                   headers: [.cookie: browser.cookie])
            XCTAssertEqual(outside.status, .notFound)
            let bad = try await client.execute(uri: "/api/v1/locate?lat=abc&lon=1", method: .get, headers: [.cookie: browser.cookie])
            XCTAssertEqual(bad.status, .unprocessableContent)
        }
    }

    func testSignedOutAndUnpermittedCallersAreTurnedAway() async throws {
        try await withTestClient { client, platform in
            let api = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.county)", method: .get)
            XCTAssertEqual(api.status, .unauthorized)
            XCTAssertTrue(api.text.contains("signed_out"))
            let page = try await client.execute(uri: "/areas/\(SampleAreas.county)", method: .get, headers: htmlHeaders)
            XCTAssertEqual(page.status, .seeOther)
            XCTAssertEqual(page.headers[.location], "/login?next=%2Fareas%2F\(SampleAreas.county)")
            try await TestAccounts.create("audit", role: .auditor, area: SampleAreas.city, in: platform.database)
            let auditor = try await signIn(client, username: "audit")
            let refused = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.county)", method: .get,
                                                   headers: [.cookie: auditor.cookie])
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testGridPageListsPostsAndWhatIsMissing() async throws {
        try await withTestClient { client, platform in
            let worker = try await TestAccounts.create(
                "worker", role: .gridWorker, area: SampleAreas.grid, displayName: "王芳", in: platform.database)
            let browser = try await signIn(client, username: "worker")
            let empty = try await client.execute(uri: "/areas/\(SampleAreas.grid)", method: .get, headers: browser.headers)
            XCTAssertTrue(empty.text.contains("缺网格长"), empty.text)
            try await platform.database.write { db in
                try await GridPostRepository(db).assign(GridPostRecord(
                    gridCode: SampleAreas.grid, post: GridPost.fullTime.rawValue, accountId: worker, assignedAt: 0))
            }
            let page = try await client.execute(uri: "/areas/\(SampleAreas.grid)", method: .get, headers: browser.headers)
            XCTAssertTrue(page.text.contains("王芳"))
            XCTAssertFalse(page.text.contains("缺专职网格员"))
            XCTAssertTrue(page.text.contains("缺网格警"))
            let json = try await client.execute(uri: "/api/v1/grids/\(SampleAreas.grid)", method: .get,
                                                headers: [.cookie: browser.cookie])
            let posts = try XCTUnwrap(try json.json()["posts"] as? [[String: Any]])
            XCTAssertEqual(posts.first?["name"] as? String, "王芳")
        }
    }
}
