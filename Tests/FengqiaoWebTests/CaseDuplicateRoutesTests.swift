import FengqiaoDomain
import FengqiaoServices
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Duplicate suggestions over HTTP, on SQLite and PostgreSQL: in the answer to registering a case, for a
/// draft, for a case; the window; the same refusals as registering.
final class CaseDuplicateRoutesTests: XCTestCase {
    typealias D = CaseDesk

    static func body(_ description: String, address: String? = "阳光花园3号楼", grid: String = SampleAreas.grid) -> String {
        let place = address.map { #","address":"\#($0)""# } ?? ""
        return #"{"channel":"phone","kind":"safetyHazard","category":"消防通道堵塞","description":"\#(description)","gridCode":"\#(grid)"\#(place)}"#
    }

    static func numbers(_ response: TestResponse) throws -> [String] {
        let list = try XCTUnwrap(try response.json()["duplicates"] as? [[String: Any]], response.text)
        return list.compactMap { $0["number"] as? String }
    }

    func testIntakeAnswersDuplicatesAndBothEndpointsFindThem() async throws {
        try await D.each { d in
            let first = try await d.post("/api/v1/cases", by: "desk", body: Self.body("阳光花园3号楼楼道堆放杂物,堵塞消防通道"))
            XCTAssertEqual(first.status, .created, first.text)
            let a = try XCTUnwrap(try first.json()["number"] as? String)
            XCTAssertEqual((try first.json()["duplicates"] as? [Any])?.count, 0, "nothing like it yet")
            let unrelated = try await d.post("/api/v1/cases", by: "desk", body: Self.body("小区东门路灯损坏,夜间没有照明"))
            let u = try XCTUnwrap(try unrelated.json()["number"] as? String)

            // Registering a near-duplicate answers it with the suggestions.
            let second = try await d.post("/api/v1/cases", by: "grid", body: Self.body("3号楼楼道里堆着杂物,把消防通道堵了",
                                                                                       address: "阳光花园 3号楼"))
            XCTAssertEqual(second.status, .created, second.text)
            let b = try XCTUnwrap(try second.json()["number"] as? String)
            let suggested = try XCTUnwrap(try second.json()["duplicates"] as? [[String: Any]])
            XCTAssertEqual(suggested.compactMap { $0["number"] as? String }, [a])
            let reasons = suggested.first?["reasons"] as? [String] ?? []
            XCTAssertEqual(Array(reasons.dropFirst()), ["地址相同", "同一网格", "事项分类相同"])
            XCTAssertTrue(reasons.first?.hasPrefix("描述相似度") ?? false, "\(reasons)")
            XCTAssertGreaterThan(suggested.first?["score"] as? Int ?? 0, 50)
            XCTAssertNotNil(suggested.first?["reportedAt"] as? String)
            XCTAssertEqual(suggested.first?["stateName"] as? String, "已上报")
            // The case itself does not carry them afterwards.
            let detail = try await d.get(b, by: "desk")
            XCTAssertNil(try detail.json()["duplicates"])

            // A draft.
            let draft = try await d.post("/api/v1/cases/duplicates", by: "desk", body: Self.body("阳光花园3号楼楼道堆放杂物堵塞消防通道"))
            XCTAssertEqual(draft.status, .ok, draft.text)
            XCTAssertEqual(Set(try Self.numbers(draft)), [a, b])
            XCTAssertFalse(try Self.numbers(draft).contains(u))
            let registered = try await d.platform.database.read { try await $0.countRows(in: "cases") }
            XCTAssertEqual(registered, 3, "a draft is not registered")

            // A case: the others, never itself; the outsider and a leader without intake rights.
            let ofA = try await d.client.execute(uri: "/api/v1/cases/\(a)/duplicates", method: .get, headers: try await d.headers("desk"))
            XCTAssertEqual(try Self.numbers(ofA), [b])
            let ofU = try await d.client.execute(uri: "/api/v1/cases/\(u)/duplicates", method: .get, headers: try await d.headers("disp"))
            XCTAssertEqual(try Self.numbers(ofU), [])
            let hidden = try await d.client.execute(uri: "/api/v1/cases/\(a)/duplicates", method: .get,
                                                   headers: try await d.headers("outsider"))
            XCTAssertEqual(hidden.status, .notFound)
            let boss = try await d.client.execute(uri: "/api/v1/cases/\(a)/duplicates", method: .get, headers: try await d.headers("boss"))
            XCTAssertEqual(boss.status, .ok, "leaders read cases, so they read their duplicates")
            let bossDraft = try await d.post("/api/v1/cases/duplicates", by: "boss", body: Self.body("阳光花园3号楼楼道堆放杂物"))
            XCTAssertEqual(bossDraft.status, .forbidden)

            // The window: a month later the draft finds nothing, unless asked for 60 days.
            d.clock.advance(minutes: 31 * 24 * 60)
            let later = try await d.post("/api/v1/cases/duplicates", by: "desk", body: Self.body("阳光花园3号楼楼道堆放杂物堵塞消防通道"))
            XCTAssertEqual(try Self.numbers(later), [])
            let wider = try await d.post("/api/v1/cases/duplicates?days=60", by: "desk",
                                         body: Self.body("阳光花园3号楼楼道堆放杂物堵塞消防通道"))
            XCTAssertEqual(Set(try Self.numbers(wider)), [a, b])
        }
    }

    func testDraftRefusalsMatchRegistering() async throws {
        try await D.each { d in
            let bad = #"{"channel":"carrierPigeon","kind":"safetyHazard","description":"短","gridCode":"\#(SampleAreas.grid)"}"#
            let registering = try await d.post("/api/v1/cases", by: "desk", body: bad)
            let checking = try await d.post("/api/v1/cases/duplicates", by: "desk", body: bad)
            XCTAssertEqual(registering.status, .unprocessableContent)
            XCTAssertEqual(checking.status, .unprocessableContent)
            func fields(_ response: TestResponse) throws -> [String] {
                try XCTUnwrap(try response.json()["errors"] as? [[String: Any]], response.text).compactMap { $0["field"] as? String }
            }
            XCTAssertEqual(try fields(checking), try fields(registering))
            XCTAssertEqual(Set(try fields(checking)), ["channel", "description"])

            let outside = Self.body("阳光花园3号楼楼道堆放杂物", grid: "150207009001001")
            let elsewhere = try await d.post("/api/v1/cases/duplicates", by: "desk", body: outside)
            XCTAssertEqual(elsewhere.status, .unprocessableContent)
            XCTAssertEqual(try fields(elsewhere), ["gridCode"])

            for days in ["0", "366", "abc", "-5"] {
                let response = try await d.post("/api/v1/cases/duplicates?days=\(days)", by: "desk",
                                                 body: Self.body("阳光花园3号楼楼道堆放杂物"))
                XCTAssertEqual(response.status, .unprocessableContent, days)
                XCTAssertEqual(try fields(response), ["days"], days)
            }
            var headers = try await d.headers("desk")
            headers[.contentType] = "text/plain"
            let plain = try await d.client.execute(uri: "/api/v1/cases/duplicates", method: .post, headers: headers,
                                                   body: ByteBuffer(string: Self.body("阳光花园3号楼楼道堆放杂物")))
            XCTAssertEqual(plain.status, .unsupportedMediaType)
            let anonymous = try await d.client.execute(uri: "/api/v1/cases/duplicates", method: .post, headers: jsonHeaders,
                                                       body: ByteBuffer(string: Self.body("阳光花园3号楼楼道堆放杂物")))
            XCTAssertEqual(anonymous.status, .unauthorized)
        }
    }
}
