import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// 指挥中心驾驶舱 through the router on SQLite and PostgreSQL: every number on the normal page and on the wall
/// screen — today's and the month's measures, rates, trends, heat-map grids, area and department rankings —
/// links to a case list that holds exactly that many cases; and the refusals.
final class DashboardRoutesTests: XCTestCase {
    typealias D = CaseDesk

    /// Cases in two villages of the township and one outside it, moved through the whole loop, rated,
    /// supervised and left to go red.
    @discardableResult
    static func populate(_ d: CaseDesk) async throws -> String {
        try await CaseListFixture.addAreas(d)
        let day = ChinaTime.dayString(d.clock.now())
        var numbers: [String] = []
        for (channel, grid) in [("walkIn", SampleAreas.grid), ("phone", SampleAreas.grid), ("hotline12345", CaseListFixture.grid2),
                                ("walkIn", CaseListFixture.grid2), ("phone", SampleAreas.grid)] {
            numbers.append(try await CaseListFixture.open(d, channel: channel, grid: grid))
        }
        _ = try await CaseListFixture.open(d, by: "outsider", grid: String(CaseListFixture.outsideGrid))
        // Two closed and rated (satisfied, unsatisfied reopens), one dispatched and supervised, one accepted only.
        for (i, rating) in [(0, "satisfied"), (2, "basicallySatisfied")] {
            let n = numbers[i]
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            try await d.run(n, "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
            try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
            try await d.run(n, "feedback", by: "lead", #"{"result":"已处理"}"#, expect: "handled")
            try await d.run(n, "verify", by: "disp", #"{"pass":true}"#, expect: "verified")
            try await d.run(n, "close", by: "desk", #"{"reply":"已处理完毕","channel":"sms"}"#, expect: "closed")
            try await d.run(n, "revisit", by: "desk", #"{"satisfaction":"\#(rating)","channel":"phone"}"#, expect: "archived")
        }
        try await d.run(numbers[1], "accept", by: "desk", expect: "accepted")
        try await d.run(numbers[1], "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
        let due = CaseDesk.iso(d.clock.now().addingTimeInterval(86_400))
        try await d.run(numbers[1], "supervise", by: "boss", #"{"kind":"listed","note":"限期办结","responseDue":"\#(due)"}"#,
                        expect: "dispatched")
        try await d.run(numbers[3], "accept", by: "desk", expect: "accepted")
        // Days later the scan turns the open clocks red.
        d.clock.advance(minutes: 60 * 24 * 6)
        try await CaseClockScan(platform: d.platform).run()
        return day
    }

    /// Every `(link, number)` on a page: `<a … href="/cases?…" data-n="N">`.
    static func numbers(_ html: String) -> [(query: String, n: Int)] {
        let pattern = #"href="/cases(?:\?([^"]*))?" data-n="(\d+)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: text.length)).compactMap { match in
            let query = match.range(at: 1).location == NSNotFound ? "" : text.substring(with: match.range(at: 1))
            guard let n = Int(text.substring(with: match.range(at: 2))) else { return nil }
            return (query.replacingOccurrences(of: "&amp;", with: "&"), n)
        }
    }

    static func page(_ d: CaseDesk, _ uri: String, by user: String) async throws -> String {
        let response = try await d.client.execute(uri: uri, method: .get, headers: try await CaseListFixture.browser(d, user))
        XCTAssertEqual(response.status, .ok, "\(uri): \(response.text)")
        return response.text
    }

    /// Checks every number of `uri` against its list, as `user`; returns how many numbers and their sum.
    @discardableResult
    static func check(_ d: CaseDesk, _ uri: String, by user: String, file: StaticString = #filePath, line: UInt = #line)
        async throws -> (numbers: Int, sum: Int)
    {
        let html = try await page(d, uri, by: user)
        let found = numbers(html)
        var listed: [String: Int] = [:]
        for (query, n) in found {
            if listed[query] == nil {
                listed[query] = try await CaseListFixture.all(d, query.isEmpty ? "list=all" : query, by: user).count
            }
            XCTAssertEqual(listed[query], n, "\(uri) as \(user): /cases?\(query)", file: file, line: line)
        }
        return (found.count, found.map(\.n).reduce(0, +))
    }

    func testEveryNumberOpensTheListOfExactlyTheCasesItCounts() async throws {
        try await D.each { d in
            let filed = try await Self.populate(d)
            let township = try await Self.check(d, "/dashboard", by: "disp")
            XCTAssertGreaterThan(township.numbers, 150, "today, month, trends, heat map and rankings all link")
            XCTAssertGreaterThan(township.sum, 0)
            let html = try await Self.page(d, "/dashboard", by: "disp")
            for expected in ["办结率", "按时办结率", "满意率", "村级化解率", "<svg", "http-equiv=\"refresh\"", "幸福社区第1网格", "派出所"] {
                XCTAssertTrue(html.contains(expected), expected)
            }
            XCTAssertFalse(html.contains("<script"), "no script on the page")
            // The month of the township: five cases, two closed, two rated (both satisfied), one supervised.
            let json = try await CaseWorklistRoutesTests.get(d, "/api/v1/dashboard", by: "disp").json()
            let month = try XCTUnwrap(json["thisMonth"] as? [String: Any])
            func count(_ key: String) -> Int? { ((month[key] as? [String: Any])?["count"] as? NSNumber)?.intValue }
            XCTAssertEqual(count("total"), 5)
            XCTAssertEqual(count("closed"), 2)
            XCTAssertEqual(count("rated"), 2)
            XCTAssertEqual(count("satisfied"), 2)
            XCTAssertEqual(count("resolved"), 2)
            XCTAssertEqual(((json["supervisedNow"] as? [String: Any])?["count"] as? NSNumber)?.intValue, 1)
            XCTAssertGreaterThan(((json["overdueNow"] as? [String: Any])?["count"] as? NSNumber)?.intValue ?? 0, 0)

            try await Self.check(d, "/dashboard/wall", by: "disp")
            // The day the cases were filed: today's figures count them.
            let thatDay = try await Self.check(d, "/dashboard?day=\(filed)", by: "disp")
            XCTAssertGreaterThan(thatDay.sum, township.sum, "the filing day counts the cases twice more (its day and its trend)")
            let old = try await CaseWorklistRoutesTests.get(d, "/api/v1/dashboard?day=\(filed)", by: "disp").json()
            XCTAssertEqual(((old["today"] as? [String: Any])?["total"] as? [String: Any])?["count"] as? Int, 5)
            try await Self.check(d, "/dashboard?area=\(CaseListFixture.village2)", by: "disp")
            let county = try await Self.check(d, "/dashboard", by: "boss")
            XCTAssertGreaterThan(county.sum, township.sum, "the county counts the outside township too")
            try await Self.check(d, "/dashboard", by: "grid")
            let department = try await Self.check(d, "/dashboard", by: "lead")
            XCTAssertGreaterThan(department.sum, 0, "the police lead three cases")
            let wall = try await Self.page(d, "/dashboard/wall", by: "boss")
            XCTAssertTrue(wall.contains("class=\"wall\""))
            XCTAssertFalse(wall.contains("<nav"), "the wall screen has no navigation")
        }
    }

    func testRefusals() async throws {
        try await D.run { d in
            try await CaseListFixture.addAreas(d)
            let cases: [(String, String, Int, String?)] = [
                ("/api/v1/dashboard?area=\(CaseDesk.outsideTownship)", "disp", 404, "not_found"),
                ("/api/v1/dashboard?area=\(SampleAreas.county)", "disp", 404, "not_found"),
                ("/api/v1/dashboard?area=abc", "disp", 404, "not_found"),
                ("/api/v1/dashboard?day=2026-02-30", "disp", 422, "validation_failed"),
                ("/api/v1/dashboard?day=yesterday", "disp", 422, "validation_failed"),
                ("/dashboard?day=2026-13-01", "disp", 422, nil),
                ("/dashboard/wall?area=\(CaseDesk.outsideTownship)", "disp", 404, nil),
            ]
            for (uri, user, status, code) in cases {
                let response = try await CaseWorklistRoutesTests.get(d, uri, by: user)
                XCTAssertEqual(response.status.code, status, "\(uri): \(response.text)")
                if let code { XCTAssertEqual((try? response.json())?["code"] as? String, code, uri) }
            }
            let errors = try await CaseWorklistRoutesTests.get(d, "/api/v1/dashboard?day=x", by: "disp").json()["errors"]
            XCTAssertEqual((errors as? [[String: Any]])?.first?["field"] as? String, "day")
            let anonymous = try await d.client.execute(uri: "/api/v1/dashboard", method: .get, headers: [.accept: "application/json"])
            XCTAssertEqual(anonymous.status, .unauthorized)
            // An auditor does not see cases: 403 on every form of the board.
            try await TestAccounts.create("aud", role: .auditor, area: SampleAreas.county, in: d.platform.database)
            for uri in ["/api/v1/dashboard", "/dashboard", "/dashboard/wall"] {
                let response = try await CaseWorklistRoutesTests.get(d, uri, by: "aud")
                XCTAssertEqual(response.status, .forbidden, uri)
            }
        }
    }

    func testTheCaseListFiltersOfTheDashboardRefuseBadValues() async throws {
        try await D.run { d in
            for (query, field) in [("closed=2", "closed"), ("closedOnTime=yes", "closedOnTime"), ("rated=x", "rated"),
                                   ("satisfied=9", "satisfied"), ("resolved=maybe", "resolved"),
                                   ("resolvedVillage=-1", "resolvedVillage"), ("lead=abc", "lead"), ("lead=0", "lead")] {
                let response = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?\(query)", by: "disp")
                XCTAssertEqual(response.status.code, 422, query)
                let errors = try response.json()["errors"] as? [[String: Any]]
                XCTAssertEqual(errors?.first?["field"] as? String, field, query)
                XCTAssertNotNil(errors?.first?["message"] as? String)
            }
            let page = try await d.client.execute(uri: "/cases?satisfied=9", method: .get,
                                                  headers: try await CaseListFixture.browser(d, "disp"))
            XCTAssertTrue(page.text.contains("“满意”筛选只能是 1 或 0"), page.text)
            XCTAssertTrue(page.text.contains("name=\"resolvedVillage\""), "the form offers the new filters")
        }
    }
}
