import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// `GET /api/v1/cases/ladder` through the router: the share resolved at or below each tier, its 422s
/// and 404s.
final class CaseLadderRoutesTests: XCTestCase {
    typealias D = CaseDesk

    static func get(_ d: CaseDesk, _ query: String, by username: String) async throws -> TestResponse {
        try await d.client.execute(uri: "/api/v1/cases/ladder?\(query)", method: .get, headers: try await d.headers(username))
    }

    func testTheLadderOfResolvedCases() async throws {
        try await D.run { d in
            let onSite = try await d.open()
            try await d.run(onSite, "accept", by: "desk", expect: "accepted")
            try await d.run(onSite, "resolve-on-site", by: "grid", #"{"result":"双方和解","evidence":["photo-1"]}"#,
                            expect: "handled")
            try await d.run(onSite, "verify", by: "disp", #"{"pass":true}"#, expect: "verified")
            try await d.run(onSite, "close", by: "desk", #"{"reply":"已调解","channel":"phone"}"#, expect: "closed")
            let escalated = try await d.open(description: "土地承包纠纷")
            try await d.run(escalated, "accept", by: "desk", expect: "accepted")
            try await d.run(escalated, "escalate", by: "gl", #"{"reason":"网格调解未果"}"#, expect: "accepted")
            try await d.run(escalated, "resolve-on-site", by: "gl", #"{"result":"村调委调解成功","evidence":["协议"]}"#,
                            expect: "handled")
            try await d.run(escalated, "verify", by: "disp", #"{"pass":true}"#, expect: "verified")
            try await d.run(escalated, "close", by: "desk", #"{"reply":"已调解","channel":"phone"}"#, expect: "closed")
            _ = try await d.open(description: "仍在办理的案件")

            let day = ChinaTime.dayString(d.clock.now())
            let response = try await Self.get(d, "from=\(day)&to=\(day)", by: "disp")
            XCTAssertEqual(response.status, .ok, response.text)
            let json = try response.json()
            XCTAssertEqual(json["resolved"] as? Int, 2)
            XCTAssertEqual(json["from"] as? String, day)
            XCTAssertEqual(json["areaCode"] as? String, SampleAreas.township)
            let tiers = try XCTUnwrap(json["tiers"] as? [[String: Any]])
            XCTAssertEqual(tiers.compactMap { $0["tier"] as? String }, ["grid", "village", "township", "county", "city"])
            XCTAssertEqual(tiers.first?["tierName"] as? String, "网格排查")
            XCTAssertEqual(tiers.compactMap { $0["resolved"] as? Int }, [1, 1, 0, 0, 0])
            XCTAssertEqual(tiers.compactMap { $0["resolvedAtOrBelow"] as? Int }, [1, 2, 2, 2, 2])
            XCTAssertEqual(tiers.compactMap { $0["shareAtOrBelow"] as? Double }, [0.5, 1, 1, 1, 1])
            let target = try XCTUnwrap(json["target"] as? [String: Any])
            XCTAssertEqual(target["tier"] as? String, "village")
            XCTAssertEqual(target["share"] as? Double, 0.95)
            XCTAssertEqual(target["actual"] as? Double, 1)
            XCTAssertEqual(target["met"] as? Bool, true)

            let inVillage = try await Self.get(d, "from=\(day)&to=\(day)&area=\(SampleAreas.village)", by: "desk")
            XCTAssertEqual(try inVillage.json()["resolved"] as? Int, 2, inVillage.text)
            let empty = try await Self.get(d, "from=2020-01-01&to=2020-01-31", by: "disp")
            let emptyJSON = try empty.json()
            XCTAssertEqual(emptyJSON["resolved"] as? Int, 0)
            XCTAssertTrue((emptyJSON["target"] as? [String: Any])?["met"] is NSNull, "nothing to measure: met is null")
            XCTAssertTrue((emptyJSON["tiers"] as? [[String: Any]])?.first?["shareAtOrBelow"] is NSNull)
            let outsider = try await Self.get(d, "from=\(day)&to=\(day)", by: "outsider")
            XCTAssertEqual(try outsider.json()["resolved"] as? Int, 0, "another township counts none of them")
            let department = try await Self.get(d, "from=\(day)&to=\(day)", by: "lead")
            XCTAssertEqual(try department.json()["resolved"] as? Int, 0, "the department took part in neither")
        }
    }

    func testBadParametersAre422AndOutsideAreasAre404() async throws {
        try await D.run { d in
            let bad: [(String, [String])] = [
                ("", ["from", "to"]), ("from=2026-01-01", ["to"]), ("from=2026-1-1&to=2026-01-31", ["from"]),
                ("from=2026-02-29&to=2026-03-01", ["from"]), ("from=2026-03-02&to=2026-03-01", ["to"]),
                ("from=2026-03-01&to=2026-03-02&area=abc", ["area"]),
            ]
            for (query, fields) in bad {
                let response = try await Self.get(d, query, by: "disp")
                XCTAssertEqual(response.status.code, 422, query)
                let json = try response.json()
                XCTAssertEqual(json["code"] as? String, "validation_failed", query)
                let errors = try XCTUnwrap(json["errors"] as? [[String: Any]], response.text)
                XCTAssertEqual(errors.compactMap { $0["field"] as? String }, fields, query)
                let message = errors.first?["message"] as? String ?? ""
                XCTAssertTrue(message.unicodeScalars.contains { $0.value >= 0x4E00 }, "a Chinese message: \(message)")
            }
            let outside = try await Self.get(d, "from=2026-03-01&to=2026-03-02&area=\(D.outsideTownship)", by: "disp")
            XCTAssertEqual(outside.status.code, 404, outside.text)
            let nobody = try await d.client.execute(
                uri: "/api/v1/cases/ladder?from=2026-03-01&to=2026-03-02", method: .get, headers: [.accept: "application/json"])
            XCTAssertEqual(nobody.status.code, 401)
        }
    }
}
