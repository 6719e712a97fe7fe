import FengqiaoTestSupport
@testable import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

extension MediationCaseRoutesTests {
    /// `GET /api/v1/mediation/cases` is keyset-paged (newest first) with opaque cursors; a new mediation arriving
    /// between pages neither repeats nor hides a row, and a tampered cursor or limit is a field error.
    func testTheMediationListIsKeysetPaged() async throws {
        try await withWorld { client, w in
            let keeper = try await signIn(client, username: "keeper")
            var opened: [String] = []
            for index in 0..<5 {
                let opening = #"{"specialty":"邻里","facts":"第\#(index)起邻里纠纷,协商未果","areaCode":"\#(SampleAreas.grid)","organizationId":\#(w.village.id),"parties":[{"side":"applicant","name":"李明"},{"side":"respondent","name":"赵刚"}]}"#
                let created = try await client.execute(uri: "/api/v1/mediation/cases", method: .post, headers: Self.json(keeper),
                                                       body: ByteBuffer(string: opening))
                XCTAssertEqual(created.status, .created, created.text)
                opened.append(try XCTUnwrap(try created.json()["number"] as? String))
            }
            let first = try await client.execute(uri: "/api/v1/mediation/cases?limit=2", method: .get, headers: keeper.headers)
            XCTAssertEqual(first.status, .ok, first.text)
            var seen = (try first.json()["mediations"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            var cursor = try first.json()["next"] as? String
            XCTAssertTrue(cursor?.hasPrefix("c1") ?? false, first.text)
            let late = #"{"specialty":"邻里","facts":"翻页时新来的纠纷","areaCode":"\#(SampleAreas.grid)","organizationId":\#(w.village.id),"parties":[{"side":"applicant","name":"钱多"},{"side":"respondent","name":"孙少"}]}"#
            let newer = try await client.execute(uri: "/api/v1/mediation/cases", method: .post, headers: Self.json(keeper),
                                                 body: ByteBuffer(string: late))
            XCTAssertEqual(newer.status, .created, newer.text)
            while let current = cursor {
                let page = try await client.execute(uri: "/api/v1/mediation/cases?limit=2&cursor=\(current)", method: .get,
                                                    headers: keeper.headers)
                XCTAssertEqual(page.status, .ok, page.text)
                seen += (try page.json()["mediations"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
                cursor = try page.json()["next"] as? String
                XCTAssertLessThan(seen.count, 20)
            }
            XCTAssertEqual(seen, opened.reversed(), "newest first, every mediation once")
            let all = try await client.execute(uri: "/api/v1/mediation/cases", method: .get, headers: keeper.headers)
            XCTAssertEqual((try all.json()["mediations"] as? [Any])?.count, 6)
            XCTAssertTrue(try all.json()["next"] is NSNull, "one page: next is null")

            for (query, field) in [("cursor=c1AAAAAA", "cursor"), ("cursor=17", "cursor"), ("limit=0", "limit"), ("limit=501", "limit"),
                                   ("limit=abc", "limit"), ("state=lost", "state")] {
                let refused = try await client.execute(uri: "/api/v1/mediation/cases?\(query)", method: .get, headers: keeper.headers)
                XCTAssertEqual(refused.status, .unprocessableContent, "\(query): \(refused.text)")
                XCTAssertTrue(refused.headers[.contentType]?.hasPrefix("application/problem+json") ?? false)
                XCTAssertEqual((try refused.json()["errors"] as? [[String: Any]])?.first?["field"] as? String, field, query)
            }
            let notANumber = try XCTUnwrap(OpaqueCursor.wrap("abc"))
            let forged = try await client.execute(uri: "/api/v1/mediation/cases?cursor=\(notANumber)", method: .get, headers: keeper.headers)
            XCTAssertEqual(forged.status, .unprocessableContent, forged.text)
        }
    }
}
