import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// 工作报告 through the router on SQLite and PostgreSQL: a 日报 made through the form over cases moved through the
/// loop (`DashboardRoutesTests.populate`) holds the expected figures on its page, in its JSON, its XLSX (read back)
/// and its PDF (pdftotext); a 专报 on a category counts the same from the case rows; the nightly schedule stores each
/// report once; and the refusals.
final class WorkReportRoutesTests: XCTestCase {
    typealias D = CaseDesk

    /// Posts the report form as `user`; returns the answer.
    static func generate(_ d: D, _ body: String, by user: String) async throws -> TestResponse {
        var headers = try await d.headers(user)
        let csrf = headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.accept] = "text/html"
        return try await d.client.execute(uri: "/reports", method: .post, headers: headers,
                                          body: ByteBuffer(string: "_csrf=\(csrf)&" + body))
    }

    static func get(_ d: D, _ uri: String, by user: String, html: Bool = false) async throws -> TestResponse {
        var headers = try await d.headers(user)
        if html { headers[.accept] = "text/html" }
        return try await d.client.execute(uri: uri, method: .get, headers: headers)
    }

    /// The number of the report a form post made (from its redirect).
    static func made(_ response: TestResponse) throws -> String {
        XCTAssertEqual(response.status, .seeOther, response.text)
        let location = try XCTUnwrap(response.headers[.location])
        XCTAssertTrue(location.hasPrefix("/reports/"), location)
        return String(location.dropFirst("/reports/".count))
    }

    func testADailyReportHoldsTheLoopsFiguresInEveryFormat() async throws {
        try await D.each { d in
            let day = try await DashboardRoutesTests.populate(d)
            let number = try Self.made(try await Self.generate(d, "kind=daily&from=\(day)", by: "disp"))
            XCTAssertTrue(number.hasPrefix("RB"), number)

            // JSON: five cases in the township that day, two closed and rated satisfied, one supervised.
            let json = try await Self.get(d, "/api/v1/work-reports/\(number)", by: "disp").json()
            let snapshot = try XCTUnwrap(json["snapshot"] as? [String: Any])
            let cases = try XCTUnwrap(snapshot["cases"] as? [String: Any])
            func n(_ key: String) -> Int? { (cases[key] as? NSNumber)?.intValue }
            XCTAssertEqual(n("total"), 5)
            XCTAssertEqual(n("closed"), 2)
            XCTAssertEqual(n("rated"), 2)
            XCTAssertEqual(n("satisfied"), 2)
            XCTAssertEqual(n("supervised"), 1)
            let channels = try XCTUnwrap(snapshot["channels"] as? [[String: Any]])
            let byChannel = Dictionary(uniqueKeysWithValues: channels.map { ($0["code"] as? String ?? "", ($0["count"] as? NSNumber)?.intValue ?? -1) })
            XCTAssertEqual(byChannel["walkIn"], 2)
            XCTAssertEqual(byChannel["phone"], 2)
            XCTAssertEqual(byChannel["hotline12345"], 1)
            let areas = try XCTUnwrap(snapshot["areas"] as? [[String: Any]])
            let byArea = Dictionary(uniqueKeysWithValues: areas.map {
                ($0["code"] as? String ?? "", (($0["figures"] as? [String: Any])?["total"] as? NSNumber)?.intValue ?? -1)
            })
            XCTAssertEqual(byArea[SampleAreas.village], 3)
            XCTAssertEqual(byArea[CaseListFixture.village2], 2)
            let overdue = try XCTUnwrap(n("overdue"))
            // The dashboard of that day says the same.
            let board = try await CaseWorklistRoutesTests.get(d, "/api/v1/dashboard?day=\(day)", by: "disp").json()
            let today = try XCTUnwrap(board["today"] as? [String: Any])
            XCTAssertEqual(((today["overdue"] as? [String: Any])?["count"] as? NSNumber)?.intValue, overdue)
            XCTAssertEqual(((today["closedOnTime"] as? [String: Any])?["count"] as? NSNumber)?.intValue, n("closedOnTime"))

            // The page.
            let page = try await Self.get(d, "/reports/\(number)", by: "disp", html: true)
            XCTAssertEqual(page.status, .ok)
            for text in ["社会治理日报", "一、总体情况", "共受理群众诉求和矛盾纠纷5件", "已办结2件,办结率40.0%", "<svg", "满意率100.0%"] {
                XCTAssertTrue(page.text.contains(text), text)
            }
            XCTAssertFalse(page.text.contains("<script"))

            // The workbook, read back: the same numbers.
            let xlsx = try await Self.get(d, "/reports/\(number).xlsx", by: "disp")
            XCTAssertEqual(xlsx.status, .ok)
            let sheet = try SheetReader.read(data: Data(buffer: xlsx.body), filename: "r.xlsx", sheetName: "概况")
            let values = Dictionary(sheet.rows.map { ($0.cells.first ?? "", $0.cells.dropFirst().first ?? "") }) { a, _ in a }
            XCTAssertEqual(values["受理总量"], "5")
            XCTAssertEqual(values["办结"], "2")
            XCTAssertEqual(values["办结率"], "40.0%")
            XCTAssertEqual(values["满意"], "2")
            XCTAssertEqual(values["超时"], String(overdue))
            XCTAssertEqual(values["报告编号"], number)
            let channelSheet = try SheetReader.read(data: Data(buffer: xlsx.body), filename: "r.xlsx", sheetName: "来源渠道")
            XCTAssertTrue(channelSheet.rows.contains { $0.cells == ["来访", "2"] || $0.cells.first == "来访" && $0.cells.last == "2" },
                          "\(channelSheet.rows.map(\.cells))")

            // The PDF: Chinese headings and the numbers.
            let pdf = try await Self.get(d, "/reports/\(number).pdf", by: "disp")
            XCTAssertEqual(pdf.status, .ok)
            XCTAssertEqual(pdf.headers[.contentType], "application/pdf")
            let text = try PrintedDocument(Data(buffer: pdf.body)).text()
            for expected in ["社会治理日报", "一、总体情况", "二、受理情况", "信访与调解", "风险预警", number,
                             "共受理群众诉求和矛盾纠纷5件", "办结率40.0%"] {
                XCTAssertTrue(text.contains(expected), "\(expected) in \(text.prefix(600))")
            }

            // Both downloads are audited.
            let audited = try await d.platform.database.read { db in
                try await db.select().column("summary").from("audit_log").where("action", .equal, "report.download")
                    .where("object_id", .equal, number).all(decodingColumn: "summary", as: String.self)
            }
            XCTAssertEqual(audited.count, 2)
            XCTAssertTrue(audited.contains { $0.contains("\"pdf\"") } && audited.contains { $0.contains("\"xlsx\"") })

            // The list shows it; a 专报 on the whole 矛盾纠纷 kind counts the same cases from the rows.
            let list = try await Self.get(d, "/reports", by: "disp", html: true)
            XCTAssertTrue(list.text.contains("/reports/\(number)"))
            let special = try Self.made(try await Self.generate(
                d, "kind=special&from=\(day)&to=\(day)&category=dispute&area=\(SampleAreas.township)", by: "disp"))
            let other = try await Self.get(d, "/api/v1/work-reports/\(special)", by: "disp").json()
            let otherSnapshot = try XCTUnwrap(other["snapshot"] as? [String: Any])
            XCTAssertEqual(otherSnapshot["cases"] as? NSDictionary, cases as NSDictionary)
            XCTAssertEqual((otherSnapshot["areas"] as? [Any])?.count, areas.count)
            XCTAssertEqual(otherSnapshot["categoryName"] as? String, "矛盾纠纷")

            // Outside the jurisdiction the report is not found, for the page and both downloads.
            for uri in ["/reports/\(number)", "/reports/\(number).pdf", "/reports/\(number).xlsx", "/api/v1/work-reports/\(number)"] {
                let outside = try await Self.get(d, uri, by: "outsider")
                XCTAssertEqual(outside.status, .notFound, uri)
            }
            // The county leader above sees it.
            let boss = try await Self.get(d, "/reports/\(number)", by: "boss", html: true)
            XCTAssertEqual(boss.status, .ok)
        }
    }

    func testRefusals() async throws {
        try await D.run { d in
            try await CaseListFixture.addAreas(d)
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("kind=yearly&from=2026-11-01", "disp", .unprocessableContent, "没有这种报告类型"),
                ("kind=&from=2026-11-01", "disp", .unprocessableContent, "请填写报告类型"),
                ("kind=daily&from=2026-02-30", "disp", .unprocessableContent, "统计日期格式不正确"),
                ("kind=daily&from=", "disp", .unprocessableContent, "统计日期"),
                ("kind=special&from=2025-01-01&to=2026-11-01", "disp", .unprocessableContent, "统计期间最长366天"),
                ("kind=special&from=2026-11-02&to=2026-11-01", "disp", .unprocessableContent, "结束日期不能早于开始日期"),
                ("kind=daily&from=2027-01-01", "disp", .unprocessableContent, "统计期间不能晚于今天"),
                ("kind=special&from=2026-11-01&to=2026-11-02&category=no.such", "disp", .unprocessableContent, "没有这个事件分类"),
                ("kind=daily&from=2026-11-01&area=\(D.outsideTownship)", "disp", .notFound, ""),
                ("kind=daily&from=2026-11-01&area=\(SampleAreas.county)", "disp", .notFound, ""),
                ("kind=daily&from=2026-11-01&area=\(SampleAreas.grid)", "disp", .notFound, ""),
                ("kind=daily&from=2026-11-01", "grid", .forbidden, ""),
                ("kind=daily&from=2026-11-01", "lead", .forbidden, ""),
                ("kind=daily&from=2026-11-01", "gl", .forbidden, ""),
            ]
            for (body, user, status, message) in cases {
                let response = try await Self.generate(d, body, by: user)
                XCTAssertEqual(response.status, status, "\(body) by \(user): \(response.text.prefix(300))")
                if !message.isEmpty { XCTAssertTrue(response.text.contains(message), "\(body): \(message)") }
            }
            let stored = try await d.platform.database.read { db in
                try await db.select().column("id").from("reports").all().count
            }
            XCTAssertEqual(stored, 0, "nothing refused is stored")
            // Reading: the grid worker and department staff may not; an unknown report or kind is refused.
            let reads: [(String, String, HTTPResponse.Status)] = [
                ("/reports", "grid", .forbidden), ("/reports", "lead", .forbidden), ("/reports/new", "gl", .forbidden),
                ("/reports/RB99999", "disp", .notFound), ("/reports/RB99999.pdf", "disp", .notFound),
                ("/api/v1/work-reports?kind=yearly", "disp", .unprocessableContent),
            ]
            for (uri, user, status) in reads {
                let response = try await Self.get(d, uri, by: user)
                XCTAssertEqual(response.status, status, "\(uri) by \(user)")
            }
            let form = try await Self.get(d, "/reports/new", by: "disp", html: true)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("name=\"_csrf\""))
        }
    }

    func testTheNightlyScheduleStoresEachReportOnce() async throws {
        try await D.each { d in
            try await DashboardRoutesTests.populate(d)
            try await d.platform.database.write { db in
                try await CenterRepository(db).save(CenterRecord(
                    areaCode: SampleAreas.township, name: "镇综治中心", level: "township", address: "镇政府", hotline: "12345",
                    createdAt: 0))
            }
            // A Monday the 1st: yesterday's 日报, last week's 周报 and last month's 月报.
            let monday = try XCTUnwrap(CivilDate("2026-06-01"))
            XCTAssertEqual(monday.weekday, 1)
            let reports = Reports(platform: d.platform)
            let first = try await reports.runSchedule(today: monday)
            let second = try await reports.runSchedule(today: monday)
            XCTAssertEqual(first, 3)
            XCTAssertEqual(second, 0, "running again stores nothing")
            let rows = try await d.platform.database.read { db in
                try await db.select().columns("kind", "period_from", "period_to", "area_code").from("reports").orderBy("id").all()
                    .map { [try $0.decode(column: "kind", as: String.self), try $0.decode(column: "period_from", as: String.self),
                            try $0.decode(column: "period_to", as: String.self), try $0.decode(column: "area_code", as: String.self)] }
            }
            XCTAssertEqual(rows, [
                ["daily", "2026-05-31", "2026-05-31", SampleAreas.township],
                ["weekly", "2026-05-25", "2026-05-31", SampleAreas.township],
                ["monthly", "2026-05-01", "2026-05-31", SampleAreas.township],
            ])
            // The nightly reports show in the list, marked as made by the system.
            let list = try await Self.get(d, "/api/v1/work-reports", by: "disp").json()
            let items = try XCTUnwrap(list["items"] as? [[String: Any]])
            XCTAssertEqual(items.count, 3)
            XCTAssertEqual(items.first?["createdBy"] as? String, Reports.scheduler)
            let weekly = try await Self.get(d, "/api/v1/work-reports?kind=weekly", by: "disp").json()
            XCTAssertEqual((weekly["items"] as? [Any])?.count, 1)
        }
    }
}
