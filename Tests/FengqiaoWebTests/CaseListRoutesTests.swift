import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// `/cases` (page and `/api/v1/cases` twin): every filter narrows, every sort pages without gaps or repeats,
/// bad values are 422s, nothing outside the jurisdiction is listed; the XLSX export; the 待办 home.
final class CaseListRoutesTests: XCTestCase {
    typealias D = CaseDesk
    typealias F = CaseListFixture

    static let day: TimeInterval = 24 * 3600

    func testEveryFilterNarrowsInsideTheJurisdiction() async throws {
        try await D.each { d in
            try await F.addAreas(d)
            let a = try await F.open(d, category: "邻里纠纷")
            try await d.run(a, "accept", by: "desk", expect: "accepted")
            try await d.run(a, "dispatch", by: "disp", d.dispatchBody(), expect: "dispatched")
            d.clock.advance(minutes: 24 * 60)
            let b = try await F.open(d, channel: "phone", urgency: "urgent", grid: F.grid2, category: "劳动争议")
            d.clock.advance(minutes: 24 * 60)
            let c = try await F.open(d, channel: "letter", urgency: "critical")
            try await d.run(c, "accept", by: "desk", expect: "accepted")
            try await d.run(c, "dispatch", by: "disp", #"{"lead":\#(d.other)}"#, expect: "dispatched")
            try await d.run(c, "sign-for", by: "other", expect: "inProgress")
            try await d.run(c, "supervise", by: "boss", #"{"kind":"order","note":"限期答复","responseDue":"2026-12-24T02:00:00Z"}"#,
                            expect: "inProgress")
            let outside = try await F.open(d, by: "cdisp", grid: String(F.outsideGrid))

            let everything = try await F.all(d, "list=all")
            XCTAssertEqual(Set(everything.compactMap { $0["number"] as? String }), [a, b, c], "the outside case is never listed")
            let county = try await F.numbers(d, "list=all", by: "cdisp")
            XCTAssertEqual(county, [a, b, c, outside])
            let item = { (n: String) in everything.first { $0["number"] as? String == n } ?? [:] }
            let categoryB = try XCTUnwrap(item(b)["category"] as? String)
            XCTAssertNotEqual(item(a)["category"] as? String, categoryB)
            XCTAssertEqual(item(c)["leadDepartment"] as? String, "司法所")

            let dayB = ChinaTime.dayString(try XCTUnwrap(ISO8601DateFormatter().date(from: item(b)["reportedAt"] as? String ?? "")))
            let expectations: [(String, Set<String>)] = [
                ("channel=phone", [b]), ("channel=letter", [c]), ("urgency=critical", [c]),
                ("category=\(categoryB.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", [b]),
                ("area=\(F.village2)", [b]), ("area=\(SampleAreas.village)", [a, c]), ("area=\(SampleAreas.township)", [a, b, c]),
                ("grid=\(F.grid2)", [b]), ("grid=\(SampleAreas.grid)", [a, c]),
                ("department=\(d.lead)", [a]), ("department=\(d.assisting)", [a]), ("department=\(d.other)", [c]),
                ("supervised=1", [c]), ("supervised=0", [a, b, c]), ("state=dispatched", [a]),
                ("reportedFrom=\(dayB)&reportedTo=\(dayB)", [b]), ("reportedFrom=\(dayB)", [b, c]),
                ("channel=walkIn&area=\(SampleAreas.village)", [a]), ("list=verification", []),
                ("overdue=1", Set(everything.filter { $0["clockStatus"] as? String == "overdue" }.compactMap { $0["number"] as? String })),
            ]
            for (query, expected) in expectations {
                let got = try await F.numbers(d, query.hasPrefix("list=") ? query : "list=all&" + query)
                XCTAssertEqual(got, expected, query)
            }
            // The assisting department's staff see the case they assist on, and nothing else.
            let assist = try await F.numbers(d, "list=all", by: "assist")
            XCTAssertEqual(assist, [a])
            let assistOther = try await F.numbers(d, "list=all&department=\(d.other)", by: "assist")
            XCTAssertEqual(assistOther, [])

            // Let every clock run out: overdue then lists exactly the red ones (and at least one).
            d.clock.advance(minutes: 40 * 24 * 60)
            try await CaseClockScan(platform: d.platform).run()
            let later = try await F.all(d, "list=all")
            let red = Set(later.filter { $0["clockStatus"] as? String == "overdue" }.compactMap { $0["number"] as? String })
            XCTAssertFalse(red.isEmpty)
            let overdue = try await F.numbers(d, "list=all&overdue=1")
            XCTAssertEqual(overdue, red)

            // The page shows the same narrowing, links each row to its case page and colours the deadline.
            let page = try await d.client.execute(uri: "/cases?channel=phone", method: .get, headers: try await F.browser(d, "disp"))
            XCTAssertEqual(page.status, .ok, page.text)
            XCTAssertTrue(page.text.contains("href=\"/cases/\(b)\""), page.text)
            XCTAssertFalse(page.text.contains(a))
            XCTAssertTrue(page.text.contains("幸福社区") || page.text.contains(F.grid2))
            XCTAssertTrue(page.text.contains("紧急"))
            XCTAssertTrue(page.text.contains(#"<option value="\#(d.other)">司法所</option>"#), "the department choices")
            XCTAssertTrue(page.text.contains("<a href=\"/cases\" aria-current=\"page\">案件</a>"), "the nav links the list, marked current")
            XCTAssertFalse(page.text.contains("/cases/export.xlsx"), "a dispatcher may not export: no link")
            let redPage = try await d.client.execute(uri: "/cases?overdue=1", method: .get, headers: try await F.browser(d, "disp"))
            XCTAssertTrue(redPage.text.contains("clock clock-overdue"), redPage.text)
        }
    }

    func testEverySortPagesWithoutGapsOrRepeats() async throws {
        try await D.each { d in
            // Ties on every key: pairs opened at the same instant with the same urgency.
            var opened: [String] = []
            for (index, urgency) in ["normal", "urgent", "normal", "critical", "urgent", "normal", "critical"].enumerated() {
                opened.append(try await F.open(d, channel: index % 2 == 0 ? "walkIn" : "phone", urgency: urgency))
                if index % 2 == 1 { d.clock.advance(minutes: 90) }
            }
            try await d.run(opened[0], "accept", by: "desk", expect: "accepted")
            let rank = ["normal": 1, "urgent": 2, "critical": 3]
            for sort in ["reported", "due", "urgency"] {
                for direction in ["asc", "desc", nil] as [String?] {
                    let query = "list=all&sort=\(sort)" + (direction.map { "&direction=\($0)" } ?? "")
                    let whole = try await F.all(d, query, limit: 100)
                    let paged = try await F.all(d, query, limit: 2)
                    let numbers = paged.compactMap { $0["number"] as? String }
                    XCTAssertEqual(numbers, whole.compactMap { $0["number"] as? String }, query)
                    XCTAssertEqual(Set(numbers), Set(opened), "no gaps: \(query)")
                    XCTAssertEqual(numbers.count, opened.count, "no repeats: \(query)")
                    let keys: [Double] = paged.map { item in
                        switch sort {
                        case "reported":
                            return ISO8601DateFormatter().date(from: item["reportedAt"] as? String ?? "")?.timeIntervalSince1970 ?? -1
                        case "due":
                            return ISO8601DateFormatter().date(from: item["dueAt"] as? String ?? "")?.timeIntervalSince1970 ?? .infinity
                        default: return Double(rank[item["urgency"] as? String ?? ""] ?? 0)
                        }
                    }
                    let descending = direction == "desc" || (direction == nil && sort != "due")
                    XCTAssertEqual(keys, descending ? keys.sorted(by: >) : keys.sorted(), query)
                }
            }
            // A cursor belongs to its sort.
            let first = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?list=all&sort=urgency&limit=2", by: "disp")
            let cursor = try XCTUnwrap(try first.json()["next"] as? String)
            let foreign = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?list=all&sort=reported&limit=2&cursor=\(cursor)", by: "disp")
            XCTAssertEqual(foreign.status.code, 422)
            XCTAssertEqual((try foreign.json()["errors"] as? [[String: Any]])?.first?["field"] as? String, "cursor")
            // The page's next link carries the sort and the cursor.
            let page = try await d.client.execute(uri: "/cases?sort=urgency&direction=asc", method: .get, headers: try await F.browser(d, "disp"))
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.text.contains("下一页"), "seven cases fit on one page of 50")
        }
    }

    func testBadFilterValuesAre422AndOutsideAreasAreNotFound() async throws {
        try await D.each { d in
            try await F.addAreas(d)
            let bad: [(String, String)] = [
                ("department=abc", "department"), ("department=0", "department"), ("overdue=maybe", "overdue"),
                ("supervised=x", "supervised"), ("sort=size", "sort"), ("sort=due&direction=up", "direction"),
                ("direction=asc", "direction"), ("grid=\(SampleAreas.village)", "grid"),
                ("category=\(String(repeating: "x", count: 65))", "category"), ("state=lost", "state"),
            ]
            for (query, field) in bad {
                let response = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?\(query)", by: "disp")
                XCTAssertEqual(response.status.code, 422, query)
                let errors = try XCTUnwrap(try response.json()["errors"] as? [[String: Any]], response.text)
                XCTAssertEqual(errors.first?["field"] as? String, field, query)
                let message = errors.first?["message"] as? String ?? ""
                XCTAssertTrue(message.unicodeScalars.contains { $0.value >= 0x4E00 }, "a Chinese message: \(message)")
                // The page answers 422 too, with the message above the form and the filter form still there.
                let page = try await d.client.execute(uri: "/cases?\(query)", method: .get, headers: try await F.browser(d, "disp"))
                XCTAssertEqual(page.status.code, 422, query)
                XCTAssertTrue(page.text.contains("<p class=\"field-error\">\(message)</p>"), "\(query): \(page.text)")
                XCTAssertTrue(page.text.contains("<form method=\"get\" action=\"/cases\""))
            }
            let kept = try await d.client.execute(uri: "/cases?department=abc&channel=phone&grid=12345", method: .get,
                                                  headers: try await F.browser(d, "disp"))
            XCTAssertTrue(kept.text.contains(#"name="grid" value="12345""#), "what was typed is kept")
            XCTAssertTrue(kept.text.contains(#"<option value="phone" selected>"#))
            for query in ["area=\(F.outsideVillage)", "grid=\(F.outsideGrid)", "area=nonsense"] {
                let api = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?\(query)", by: "disp")
                XCTAssertEqual(api.status.code, 404, query)
                let page = try await d.client.execute(uri: "/cases?\(query)", method: .get, headers: try await F.browser(d, "disp"))
                XCTAssertEqual(page.status.code, 404, query)
            }
            let signedOut = try await d.client.execute(uri: "/cases", method: .get, headers: [.accept: "text/html"])
            XCTAssertNotEqual(signedOut.status, .ok)
        }
    }

    func testExportIsMaskedAuditedAndForExportersOnly() async throws {
        try await D.each { d in
            try await F.addAreas(d)
            let a = try await F.open(d)
            d.clock.advance(minutes: 10)
            let b = try await F.open(d, channel: "phone")
            _ = try await F.open(d, by: "cdisp", grid: String(F.outsideGrid))

            let page = try await d.client.execute(uri: "/cases?channel=walkIn", method: .get, headers: try await F.browser(d, "boss"))
            XCTAssertTrue(page.text.contains("/cases/export.xlsx?channel=walkIn"), "a leader gets the export link")
            let export = try await d.client.execute(
                uri: "/cases/export.xlsx?area=\(SampleAreas.township)&sort=reported&direction=asc", method: .get,
                headers: try await F.browser(d, "boss"))
            XCTAssertEqual(export.status, .ok, export.text)
            XCTAssertEqual(export.headers[.contentType], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(UUID().uuidString).xlsx")
            try Data(buffer: export.body).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let script = """
                import json, sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1]).active
                print(json.dumps([[c if c is not None else "" for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))
                """
            let (status, output) = try Self.python(["-c", script, url.path])
            XCTAssertEqual(status, 0, "python3 with openpyxl is required: \(output)")
            let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]], output)
            XCTAssertEqual(rows.first, CaseListExport.header)
            XCTAssertEqual(rows.dropFirst().map { $0[0] }, [a, b], "the township's cases, oldest first; not the outside one")
            XCTAssertEqual(rows[1][13], "王*")
            XCTAssertEqual(rows[1][14], "138****8000")
            XCTAssertFalse(output.contains("13800138000") || output.contains("王芳"), "nothing unmasked, even for a leader")
            XCTAssertEqual(rows[2][4], "来电")

            let audit = try await d.platform.database.read {
                try await AuditRepository($0, kind: d.platform.database.kind).latest(action: "export.cases", limit: 5)
            }
            XCTAssertEqual(audit.count, 1)
            XCTAssertEqual(audit.first?.actor, "boss")
            XCTAssertTrue(audit.first?.summary.contains(#""area":"\#(SampleAreas.township)""#) ?? false, audit.first?.summary ?? "")
            XCTAssertTrue(audit.first?.summary.contains(#""rows":2"#) ?? false)
            XCTAssertNotNil(AuditActionCatalog.name(of: "export.cases"))

            for username in ["disp", "lead", "desk"] {
                let refused = try await d.client.execute(uri: "/cases/export.xlsx", method: .get, headers: try await d.headers(username))
                XCTAssertEqual(refused.status.code, 403, username)
            }
            // The leader is county-wide; an area of another county is not found.
            let outside = try await d.client.execute(uri: "/cases/export.xlsx?area=150299001001", method: .get,
                                                     headers: try await d.headers("boss"))
            XCTAssertEqual(outside.status.code, 404)
            let after = try await d.platform.database.read {
                try await AuditRepository($0, kind: d.platform.database.kind).latest(action: "export.cases", limit: 5)
            }
            XCTAssertEqual(after.count, 1, "refused exports are not recorded as exports")
        }
    }

    func testAnExportLongerThanItsLimitIsCutAndSaysSo() async throws {
        try await D.each { d in
            var opened: [String] = []
            for _ in 0..<3 {
                opened.append(try await F.open(d))
                d.clock.advance(minutes: 1)
            }
            let bossID = try await d.platform.database.read { db in
                try await db.raw("SELECT id FROM accounts WHERE username = 'boss'").first()?.decode(column: "id", as: Int64.self)
            }
            let boss = Caller(staff: Staff(accountID: try XCTUnwrap(bossID), username: "boss", displayName: "领导", role: .leader,
                                           jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                              ip: "test")
            let export = try await CaseListExport(platform: d.platform, limit: 2).xlsx(
                .all, filter: CaseWorklistFilter(sort: "reported", direction: "asc"), caller: boss)
            XCTAssertEqual(export.rows, 2)
            XCTAssertTrue(export.cut)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).xlsx")
            try export.data.write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let (status, output) = try Self.python(["-c", """
                import json, sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1]).active
                print(json.dumps([r[0] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))
                """, url.path])
            XCTAssertEqual(status, 0, output)
            let first = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String], output)
            XCTAssertEqual(Array(first.dropFirst().prefix(2)), Array(opened.prefix(2)))
            XCTAssertEqual(first.count, 4, "header, two cases, and the note")
            XCTAssertTrue(first.last?.contains("仅导出前2条") ?? false, first.last ?? "")
            let audit = try await d.platform.database.read {
                try await AuditRepository($0, kind: d.platform.database.kind).latest(action: "export.cases", limit: 1)
            }
            XCTAssertTrue(audit.first?.summary.contains(#""cut":true"#) ?? false, audit.first?.summary ?? "")
            XCTAssertTrue(audit.first?.summary.contains(#""rows":2"#) ?? false)
        }
    }

    func testTheTodoHomeCountsMatchTheListsItLinksTo() async throws {
        try await D.each { d in
            let a = try await F.open(d)
            try await d.run(a, "accept", by: "desk", expect: "accepted")
            try await d.run(a, "dispatch", by: "disp", d.dispatchBody(), expect: "dispatched")
            try await d.run(a, "sign-for", by: "lead", expect: "inProgress")
            try await d.run(a, "supervise", by: "boss", #"{"kind":"listed","note":"挂牌","responseDue":"2026-12-24T02:00:00Z"}"#,
                            expect: "inProgress")
            _ = try await F.open(d, by: "disp")
            _ = try await F.open(d)
            d.clock.advance(minutes: 40 * 24 * 60)
            try await CaseClockScan(platform: d.platform).run()
            for username in ["disp", "lead", "boss", "grid"] {
                let home = try await d.client.execute(uri: "/todo", method: .get, headers: try await F.browser(d, username))
                XCTAssertEqual(home.status, .ok, home.text)
                let pattern = try NSRegularExpression(pattern: #"href="(/cases\?[^"]+)"><span class="num">(\d+)</span>"#)
                let text = home.text
                let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
                XCTAssertGreaterThanOrEqual(matches.count, 7, "\(username): lists, overdue and supervised")
                var linked: [String: Int] = [:]
                for match in matches {
                    guard let href = Range(match.range(at: 1), in: text), let count = Range(match.range(at: 2), in: text) else { continue }
                    let link = String(text[href])
                    linked[link] = Int(text[count])
                    let listed = try await F.all(d, String(link.dropFirst("/cases?".count)), by: username)
                    XCTAssertEqual(listed.count, Int(text[count]), "\(username): \(link)")
                }
                XCTAssertEqual(linked["/cases?list=department"] != nil, username == "lead", "the department list is theirs alone")
                if username == "boss" {
                    XCTAssertEqual(linked["/cases?supervised=1"], 1)
                    XCTAssertEqual(linked["/cases?list=all"], 3)
                    XCTAssertGreaterThan(linked["/cases?overdue=1"] ?? 0, 0)
                }
            }
            let visitor = try await d.client.execute(uri: "/", method: .get, headers: [.accept: "text/html"])
            XCTAssertEqual(visitor.status, .ok)
            XCTAssertFalse(visitor.text.contains("/todo"), "visitors keep the public home")
            let staffHome = try await d.client.execute(uri: "/", method: .get, headers: try await F.browser(d, "disp"))
            XCTAssertTrue(staffHome.text.contains("href=\"/todo\""), "signed-in staff are led to their 待办")
        }
    }

    static func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
