import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class StaffingRoutesTests: XCTestCase {
    func testLeaderStaffsAGridThroughTheFormsAndEveryChangeIsAudited() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("leader", role: .leader, area: SampleAreas.county, in: platform.database)
            let wang = try await TestAccounts.create("wang", role: .gridLeader, area: SampleAreas.grid, displayName: "王芳", in: platform.database)
            try await TestAccounts.create("li", role: .gridLeader, area: SampleAreas.grid, displayName: "李强", in: platform.database)
            let browser = try await signIn(client, username: "leader")
            let gaps = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.village)/staffing", method: .get,
                                                headers: [.cookie: browser.cookie])
            XCTAssertEqual((try gaps.json()["gaps"] as? [Any])?.count, 1)

            let assigned = try await client.execute(
                uri: "/areas/\(SampleAreas.grid)/posts", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&post=leader&username=wang"))
            XCTAssertEqual(assigned.status, .seeOther)
            let page = try await client.execute(uri: "/areas/\(SampleAreas.grid)", method: .get, headers: browser.headers)
            XCTAssertTrue(page.text.contains("网格长:王芳"), page.text)
            XCTAssertFalse(page.text.contains("缺网格长"))

            // A second leader is refused; the first stays.
            let second = try await client.execute(
                uri: "/api/v1/grids/\(SampleAreas.grid)/posts", method: .post,
                headers: [.cookie: browser.cookie, .contentType: "application/json", .csrfHeader: browser.csrf],
                body: ByteBuffer(string: #"{"post":"网格长","username":"li"}"#))
            XCTAssertEqual(second.status, .conflict)
            XCTAssertTrue(second.text.contains("post_full"))

            let removed = try await client.execute(
                uri: "/api/v1/grids/\(SampleAreas.grid)/posts/leader/\(wang)", method: .delete,
                headers: [.cookie: browser.cookie, .csrfHeader: browser.csrf])
            XCTAssertEqual(removed.status, .noContent)
            let again = try await client.execute(
                uri: "/api/v1/grids/\(SampleAreas.grid)/posts/leader/\(wang)", method: .delete,
                headers: [.cookie: browser.cookie, .csrfHeader: browser.csrf])
            XCTAssertEqual(again.status, .notFound)

            let audit = try await platform.database.read { try await AuditRepository($0, kind: platform.database.kind).latest(limit: 10) }
            XCTAssertEqual(audit.filter { $0.action.hasPrefix("grid_post.") }.map(\.action), ["grid_post.remove", "grid_post.assign"])
        }
    }

    func testBadAssignmentsAreRefusedAndChangeNothing() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("town", role: .leader, area: SampleAreas.township, in: platform.database)
            try await TestAccounts.create("faraway", role: .gridWorker, area: "150203001001001", in: platform.database)
            try await TestAccounts.create("worker", role: .gridWorker, area: SampleAreas.grid, in: platform.database)
            let leader = try await signIn(client, username: "town")
            let json: HTTPFields = [.cookie: leader.cookie, .contentType: "application/json", .csrfHeader: leader.csrf]
            for (body, status, code) in [
                (#"{"post":"boss","username":"worker"}"#, HTTPResponse.Status.unprocessableContent, "validation_failed"),
                (#"{"post":"fullTime","username":"nobody"}"#, .unprocessableContent, "validation_failed"),
                (#"{"post":"fullTime","username":"faraway"}"#, .unprocessableContent, "validation_failed"),
            ] {
                let response = try await client.execute(
                    uri: "/api/v1/grids/\(SampleAreas.grid)/posts", method: .post, headers: json, body: ByteBuffer(string: body))
                XCTAssertEqual(response.status, status, body)
                XCTAssertTrue(response.text.contains(code), response.text)
            }
            let village = try await client.execute(
                uri: "/api/v1/grids/\(SampleAreas.village)/posts", method: .post, headers: json,
                body: ByteBuffer(string: #"{"post":"fullTime","username":"worker"}"#))
            XCTAssertEqual(village.status, .notFound, "posts belong to grids, not villages")
            let worker = try await signIn(client, username: "worker")
            let refused = try await client.execute(
                uri: "/api/v1/grids/\(SampleAreas.grid)/posts", method: .post,
                headers: [.cookie: worker.cookie, .contentType: "application/json", .csrfHeader: worker.csrf],
                body: ByteBuffer(string: #"{"post":"fullTime","username":"worker"}"#))
            XCTAssertEqual(refused.status, .forbidden)
            let holders = try await platform.database.read { try await GridPostRepository($0).holders(prefix: SampleAreas.grid) }
            XCTAssertTrue(holders.isEmpty)
        }
    }
}

extension HTTPField.Name {
    static var csrfHeader: Self { .init("X-CSRF-Token")! }
}
