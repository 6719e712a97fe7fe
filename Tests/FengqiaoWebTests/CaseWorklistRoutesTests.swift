import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// `GET /api/v1/cases?list=…` and `GET /api/v1/cases/counts` through the router, and their 422s.
final class CaseWorklistRoutesTests: XCTestCase {
    typealias D = CaseDesk

    static func get(_ d: CaseDesk, _ uri: String, by username: String) async throws -> TestResponse {
        try await d.client.execute(uri: uri, method: .get, headers: try await d.headers(username))
    }

    func testListsPageAndCountThroughTheAPI() async throws {
        try await D.run { d in
            let first = try await d.open()
            d.clock.advance(minutes: 1)
            let second = try await d.open()
            try await d.run(second, "accept", by: "desk", expect: "accepted")
            try await d.run(second, "dispatch", by: "disp", d.dispatchBody(), expect: "dispatched")
            d.clock.advance(minutes: 1)
            let third = try await d.open(by: "disp", description: "占道经营堵塞路口")

            let page1 = try await Self.get(d, "/api/v1/cases?list=all&limit=2", by: "disp")
            XCTAssertEqual(page1.status, .ok, page1.text)
            let json1 = try page1.json()
            let cases1 = try XCTUnwrap(json1["cases"] as? [[String: Any]])
            XCTAssertEqual(cases1.compactMap { $0["number"] as? String }, [third, second])
            XCTAssertEqual(cases1.first?["stateName"] as? String, "已上报")
            XCTAssertEqual(cases1.first?["gridCode"] as? String, SampleAreas.grid)
            XCTAssertEqual(cases1.first?["clockStatus"] as? String, "running", "a new case's acceptance clock runs")
            XCTAssertNotNil(cases1.first?["dueAt"] as? String, "and its deadline is listed")
            XCTAssertEqual(cases1.first?["supervision"] as? String, "none")
            XCTAssertNotNil(cases1.first?["reportedAt"] as? String)
            let next = try XCTUnwrap(json1["next"] as? String)
            let page2 = try await Self.get(d, "/api/v1/cases?list=all&limit=2&cursor=\(next)", by: "disp")
            let json2 = try page2.json()
            XCTAssertEqual((json2["cases"] as? [[String: Any]])?.compactMap { $0["number"] as? String }, [first])
            XCTAssertTrue(json2["next"] is NSNull, "the last page says next: null")

            let mine = try await Self.get(d, "/api/v1/cases?list=mine", by: "disp")
            XCTAssertEqual((try mine.json()["cases"] as? [[String: Any]])?.compactMap { $0["number"] as? String },
                           [third, second], "the dispatcher acted last on these")
            let department = try await Self.get(d, "/api/v1/cases?list=department", by: "lead")
            XCTAssertEqual((try department.json()["cases"] as? [[String: Any]])?.compactMap { $0["number"] as? String }, [second])
            let filtered = try await Self.get(d, "/api/v1/cases?list=all&state=dispatched", by: "disp")
            XCTAssertEqual((try filtered.json()["cases"] as? [[String: Any]])?.compactMap { $0["number"] as? String }, [second])
            let outsider = try await Self.get(d, "/api/v1/cases?list=all", by: "outsider")
            XCTAssertEqual((try outsider.json()["cases"] as? [[String: Any]])?.count, 0, "another township sees none")

            // `counts` is its own route, not a case number.
            let counts = try await Self.get(d, "/api/v1/cases/counts", by: "disp")
            XCTAssertEqual(counts.status, .ok, counts.text)
            let countsJSON = try counts.json()
            XCTAssertEqual(countsJSON["all"] as? Int, 3)
            XCTAssertEqual(countsJSON["mine"] as? Int, 2)
            XCTAssertEqual(countsJSON["overdue"] as? Int, 0)
            XCTAssertTrue(countsJSON["department"] is NSNull)
            let leadCounts = try await Self.get(d, "/api/v1/cases/counts", by: "lead")
            XCTAssertEqual(try leadCounts.json()["department"] as? Int, 1)
            let one = try await d.get(first, by: "disp")
            XCTAssertEqual(one.status, .ok, "a case number still opens the case")
        }
    }

    func testBadParametersAre422AndTheDepartmentListIsForDepartments() async throws {
        try await D.run { d in
            let bad: [(String, String)] = [
                ("list=everything", "list"), ("limit=0", "limit"), ("limit=101", "limit"), ("limit=abc", "limit"),
                ("cursor=nonsense", "cursor"), ("cursor=1.2.3", "cursor"), ("state=lost", "state"), ("kind=x", "kind"),
                ("channel=x", "channel"), ("urgency=x", "urgency"), ("reportedFrom=2026-1-1", "reportedFrom"),
                ("reportedFrom=2026-03-02&reportedTo=2026-03-01", "reportedTo"),
            ]
            for (query, field) in bad {
                let response = try await Self.get(d, "/api/v1/cases?\(query)", by: "disp")
                XCTAssertEqual(response.status.code, 422, query)
                let json = try response.json()
                XCTAssertEqual(json["code"] as? String, "validation_failed", query)
                let errors = try XCTUnwrap(json["errors"] as? [[String: Any]], response.text)
                XCTAssertEqual(errors.first?["field"] as? String, field, query)
                let message = errors.first?["message"] as? String ?? ""
                XCTAssertTrue(message.unicodeScalars.contains { $0.value >= 0x4E00 }, "a Chinese message: \(message)")
            }
            let department = try await Self.get(d, "/api/v1/cases?list=department", by: "disp")
            XCTAssertEqual(department.status.code, 403)
            let nobody = try await d.client.execute(uri: "/api/v1/cases/counts", method: .get, headers: [.accept: "application/json"])
            XCTAssertEqual(nobody.status.code, 401)
        }
    }
}
