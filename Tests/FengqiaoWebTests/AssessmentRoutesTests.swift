import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import SQLKit
import XCTest

/// 考核排名 on the tiny demo: the assessor scores a month, each viewer sees the units of their jurisdiction (a
/// township's staff their township, a department's staff their department; others' pages are "not found"), a unit's
/// score opens to its indicators and each indicator to its cases; bad periods, units and indicators are refused.
final class AssessmentRoutesTests: XCTestCase {
    func testTheAssessorScoresAMonthAndEachViewerSeesTheirPart() async throws {
        try await AssessmentFixture.run { f in
            // Never scored: said so; only the assessor is offered to compute it (the last ended month by default).
            let before = try await f.get("/assessment", as: "kh")
            XCTAssertEqual(before.status, .ok)
            XCTAssertTrue(before.text.contains("2026年10月的乡镇(街道)考核尚未计算"), before.text)
            XCTAssertTrue(before.text.contains(#"action="/assessment/compute""#))
            let leaderBefore = try await f.get("/assessment", as: "ld")
            XCTAssertTrue(leaderBefore.text.contains("尚未计算"))
            XCTAssertFalse(leaderBefore.text.contains("/assessment/compute"))
            for user in ["ld", "tl", "dh", "io"] {
                let refused = try await f.post("/assessment/compute", "period=2026-10&kind=township", as: user)
                XCTAssertEqual(refused.status, .forbidden, "\(user) may not compute")
            }
            let intake = try await f.get("/assessment", as: "io")
            XCTAssertEqual(intake.status, .forbidden)
            let future = try await f.post("/assessment/compute", "period=2027-01&kind=township", as: "kh")
            XCTAssertEqual(future.status, .unprocessableContent)
            XCTAssertTrue(future.text.contains("考核期尚未开始"))
            let noCSRF = try await f.client.execute(
                uri: "/assessment/compute", method: .post, headers: try XCTUnwrap(f.sessions["kh"]).formHeaders(),
                body: .init(string: "period=2026-10&kind=township"))
            XCTAssertEqual(noCSRF.status, .forbidden, "a compute without the CSRF token is refused")

            try await f.compute("2026-10")
            let scored = try await f.get("/assessment?period=2026-10&kind=township", as: "kh")
            XCTAssertEqual(scored.status, .ok)
            for township in f.townships { XCTAssertTrue(scored.text.contains(township.name), township.name) }
            XCTAssertTrue(scored.text.contains("计算于"))
            XCTAssertTrue(scored.text.contains("乡镇(街道)月度考核"), "the template's name")
            XCTAssertTrue(scored.text.contains("重新计算"))
            XCTAssertTrue(scored.text.contains(#"<span class="badge">约谈</span>"#), "the last township is called in")
            XCTAssertTrue(scored.text.contains("新"), "no ranking the month before September's")

            // A township's grid leader sees their township alone; a department's handler their department alone.
            let township = try await f.get("/assessment?period=2026-10&kind=township", as: "tl")
            XCTAssertTrue(township.text.contains(f.townships[0].name))
            XCTAssertFalse(township.text.contains(f.townships[1].name))
            let department = try await f.get("/assessment?period=2026-10&kind=department", as: "dh")
            XCTAssertTrue(department.text.contains(f.department.name))
            XCTAssertFalse(department.text.contains(">\(f.otherDepartment.name)<"))
            let noTownships = try await f.get("/assessment?period=2026-10&kind=township", as: "dh")
            XCTAssertTrue(noTownships.text.contains("您的辖区内没有这类考核对象的得分"))

            // A unit's score and the drill-down, inside; outside is not found.
            let own = "/assessment/units/township:\(f.townships[0].code)"
            let other = "/assessment/units/township:\(f.townships[1].code)"
            let unit = try await f.get(own + "?period=2026-10", as: "tw")
            XCTAssertEqual(unit.status, .ok)
            XCTAssertTrue(unit.text.contains("按时办结率"))
            XCTAssertTrue(unit.text.contains(
                "/assessment/appeals/new?period=2026-10&amp;unit=township%3A\(f.townships[0].code)&amp;indicator=closed_on_time"),
                "the township's own staff may appeal")
            let drill = try await f.get(own + "/indicators/closure_rate?period=2026-10", as: "tw")
            XCTAssertEqual(drill.status, .ok)
            XCTAssertTrue(drill.text.contains("与考核值一致"), drill.text)
            XCTAssertTrue(drill.text.contains("对该指标提出申诉"))
            // The assessor, the county's leader and the township's grid leader (whose own units are grid workers) read
            // the same pages without the appeal links.
            for user in ["kh", "ld", "tl"] {
                let read = try await f.get(own + "?period=2026-10", as: user)
                XCTAssertEqual(read.status, .ok)
                XCTAssertFalse(read.text.contains("/assessment/appeals/new"), user)
                let opened = try await f.get(own + "/indicators/closure_rate?period=2026-10", as: user)
                XCTAssertFalse(opened.text.contains("/assessment/appeals/new"), user)
            }
            for (uri, user) in [(other + "?period=2026-10", "tl"), (other + "/indicators/closure_rate?period=2026-10", "tl"),
                                ("/assessment/units/department:\(f.otherDepartment.id)?period=2026-10", "dh"),
                                (own + "?period=2026-10", "dh")]
            {
                let hidden = try await f.get(uri, as: user)
                XCTAssertEqual(hidden.status, .notFound, "\(uri) as \(user)")
            }
            let ownDepartment = try await f.get("/assessment/units/department:\(f.department.id)?period=2026-10", as: "dh")
            XCTAssertEqual(ownDepartment.status, .ok)
            // The pages the access matrix cannot open (they need a scored period) pass the page audit here.
            let gridWorker = try await f.get("/assessment?period=2026-10&kind=grid_worker", as: "kh")
            let workerLink = try XCTUnwrap(firstMatch(#"href="(/assessment/units/grid_worker:[0-9]+)\?period"#, in: gridWorker.text))
            let fieldWork = try await f.get(workerLink + "/indicators/household_visits?period=2026-10", as: "kh")
            XCTAssertEqual(fieldWork.status, .ok)
            XCTAssertTrue(fieldWork.text.contains("外勤工作日"))
            for (name, page) in [("ranking", scored), ("unit", unit), ("drill-down", drill), ("department", ownDepartment),
                                 ("field work", fieldWork)] {
                XCTAssertEqual(HTMLAudit.problems(page.text), [], name)
            }

            // Bad input answers in Chinese, never a 5xx.
            let refusals: [(String, HTTPResponse.Status, String)] = [
                ("/assessment?period=2026-13", .unprocessableContent, "考核期应写作"),
                ("/assessment?period=2026-10&kind=city", .unprocessableContent, "没有这类考核对象"),
                ("/assessment/units/nowhere?period=2026-10", .notFound, "未找到"),
                ("/assessment/units/township:abc?period=2026-10", .notFound, "未找到"),
                (own + "?period=2026-08", .notFound, "未找到"),
                (own + "?period=Q3", .unprocessableContent, "考核期应写作"),
                (own + "/indicators/nothing?period=2026-10", .notFound, "未找到"),
                (own + "/indicators/patrol_coverage?period=2026-10", .notFound, "未找到"),
            ]
            for (uri, status, text) in refusals {
                let response = try await f.get(uri, as: "kh")
                XCTAssertEqual(response.status, status, uri)
                XCTAssertTrue(response.text.contains(text), "\(uri): \(response.text.prefix(300))")
            }
        }
    }

    /// 月通报 page and PDF (read back with pdftotext: a township's total is in it), audited; 季排名 page and XLSX.
    func testTheMonthlyBulletinAndTheQuarterlyRanking() async throws {
        try await AssessmentFixture.run { f in
            try await f.compute("2026-10")
            let page = try await f.get("/assessment/bulletins/2026-10", as: "ld")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("2026年10月考核通报"))
            XCTAssertTrue(page.text.contains("约谈名单"))
            XCTAssertEqual(HTMLAudit.problems(page.text), [])
            XCTAssertFalse(page.text.contains("亮点加分与通报批评"), "no award or deduction was decided")
            XCTAssertTrue(page.text.contains("群众安全感满意度") && page.text.contains("安全感 "), "the demo's survey round")
            let ranked = try await f.get("/assessment?period=2026-10&kind=township", as: "ld")
            XCTAssertTrue(ranked.text.contains(#"<th class="num">安全感</th>"#), "the survey beside the township ranking")
            let departments = try await f.get("/assessment?period=2026-10&kind=department", as: "ld")
            XCTAssertFalse(departments.text.contains(#"<th class="num">安全感</th>"#))
            let atlas = try await f.platform.areaAtlas()
            let root = try XCTUnwrap(atlas.rootCode.flatMap(AreaCode.init))
            let leader = Caller(staff: Staff(accountID: 0, username: "x", displayName: "x", role: .leader,
                                             jurisdiction: Jurisdiction(root: root)), ip: "t")
            let ranking = try await Assessments(platform: f.platform).ranking(periodKey: "2026-10", kind: "township", caller: leader)
            let first = try XCTUnwrap(ranking.standings.first)
            let pdf = try await f.get("/assessment/bulletins/2026-10.pdf", as: "ld")
            XCTAssertEqual(pdf.status, .ok)
            XCTAssertEqual(pdf.headers[.contentType], "application/pdf")
            let text = try PrintedDocument(Data(buffer: pdf.body)).text()
            XCTAssertTrue(text.contains("考核通报"), text)
            XCTAssertTrue(text.contains(first.score.name), text)
            XCTAssertTrue(text.contains("群众安全感满意度"), text)
            XCTAssertTrue(text.contains(AssessmentTemplate.points(first.score.total)), "\(first.score.total) in\n\(text)")
            let audited = try await f.platform.database.read { sql in
                try await sql.select().column("summary").from("audit_log").where("action", .equal, "assessment.download").all()
            }
            XCTAssertEqual(audited.count, 1)
            for (uri, status) in [("/assessment/bulletins/2026-Q3", HTTPResponse.Status.unprocessableContent),
                                  ("/assessment/bulletins/2026-10.pdf", .forbidden)] {
                let refused = try await f.get(uri, as: uri.hasSuffix(".pdf") ? "io" : "ld")
                XCTAssertEqual(refused.status, status, uri)
            }

            try await f.compute("2026-Q3")
            let quarter = try await f.get("/assessment/rankings/2026-Q3", as: "tl")
            XCTAssertEqual(quarter.status, .ok)
            XCTAssertTrue(quarter.text.contains("2026年第3季度考核排名"))
            XCTAssertTrue(quarter.text.contains(f.townships[0].name))
            XCTAssertFalse(quarter.text.contains(f.townships[1].name), "a township's staff see their township alone")
            XCTAssertEqual(HTMLAudit.problems(quarter.text), [])
            let workbook = try await f.get("/assessment/rankings/2026-Q3.xlsx", as: "kh")
            XCTAssertEqual(workbook.status, .ok)
            XCTAssertEqual(workbook.headers[.contentType], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            XCTAssertEqual(Array(Data(buffer: workbook.body).prefix(2)), [0x50, 0x4B], "a zip package")
            let downloads = try await f.platform.database.read { sql in
                try await sql.select().column("summary").from("audit_log").where("action", .equal, "assessment.download").all()
                    .map { try $0.decode(column: "summary", as: String.self) }
            }
            XCTAssertEqual(downloads.count, 2, "the PDF and the workbook")
            XCTAssertTrue(downloads.contains { $0.contains(#""format":"xlsx""#) }, "\(downloads)")
            let monthAsQuarter = try await f.get("/assessment/rankings/2026-10", as: "kh")
            XCTAssertEqual(monthAsQuarter.status, .unprocessableContent)
            XCTAssertTrue(monthAsQuarter.text.contains("季排名按季度查看"))
        }
    }
}
