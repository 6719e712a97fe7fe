import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class PeopleRoutesTests: XCTestCase {
    static let idNumber = ResidentIdentityNumber(division: "150207", birthDate: "19750315", sequence: 42)!.rawValue

    func testRegisterSearchAndRevealThroughTheAPI() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.county, in: platform.database)
            let gridLeader = try await signIn(client, username: "gl")
            let json: HTTPFields = [.cookie: gridLeader.cookie, .contentType: "application/json", .csrfHeader: gridLeader.csrf]
            let body = #"{"name":"王芳","idNumber":"\#(Self.idNumber)","phone":"13912345678","gridCode":"\#(SampleAreas.grid)","address":"阳光花园1栋101","tags":["独居老人"]}"#
            let created = try await client.execute(uri: "/api/v1/people", method: .post, headers: json, body: ByteBuffer(string: body))
            XCTAssertEqual(created.status, .created, created.text)
            XCTAssertFalse(created.text.contains(Self.idNumber), "the answer carries the masked number only")
            let id = try XCTUnwrap(try created.json()["id"] as? Int)
            let again = try await client.execute(uri: "/api/v1/people", method: .post, headers: json, body: ByteBuffer(string: body))
            XCTAssertEqual(again.status, .conflict)
            let bad = try await client.execute(uri: "/api/v1/people", method: .post, headers: json,
                                               body: ByteBuffer(string: #"{"name":"","idNumber":"123","gridCode":"1"}"#))
            XCTAssertEqual(bad.status, .unprocessableContent)
            let fields = try XCTUnwrap(try bad.json()["errors"] as? [[String: Any]]).compactMap { $0["field"] as? String }
            XCTAssertEqual(Set(fields), ["name", "idNumber", "gridCode", "address"])

            let found = try await client.execute(uri: "/api/v1/people?q=%E7%8E%8B%E8%8A%B3", method: .get,
                                                 headers: [.cookie: gridLeader.cookie])
            XCTAssertEqual((try found.json()["people"] as? [Any])?.count, 1)
            let refused = try await client.execute(uri: "/api/v1/people/\(id)/reveal", method: .post,
                                                   headers: [.cookie: gridLeader.cookie, .csrfHeader: gridLeader.csrf])
            XCTAssertEqual(refused.status, .forbidden)

            let leader = try await signIn(client, username: "lead")
            let page = try await client.execute(uri: "/people/\(id)", method: .get, headers: leader.headers)
            XCTAssertTrue(page.text.contains("150207********"), page.text)
            let revealed = try await client.execute(uri: "/people/\(id)/reveal", method: .post, headers: leader.formHeaders(),
                                                    body: ByteBuffer(string: "_csrf=\(leader.csrf)"))
            XCTAssertTrue(revealed.text.contains(Self.idNumber))
            XCTAssertEqual(revealed.headers[.cacheControl], "no-store")
            let list = try await client.execute(uri: "/people?q=%E9%98%B3%E5%85%89%E8%8A%B1%E5%9B%AD", method: .get,
                                                headers: leader.headers)
            XCTAssertTrue(list.text.contains("href=\"/people/\(id)\""), list.text)
            let none = try await client.execute(uri: "/people?q=%E6%9C%88%E4%BA%AE%E6%B9%BE", method: .get, headers: leader.headers)
            XCTAssertFalse(none.text.contains("href=\"/people/\(id)\""))
        }
    }
}
