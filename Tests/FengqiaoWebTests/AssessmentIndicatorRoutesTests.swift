import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import SQLKit
import XCTest

/// 考核指标 and 人工填报 through the pages: the assessor defines an indicator (refused field by field in Chinese,
/// keeping what was typed), puts it in a template, fills in its sheet (a sheet with an error stores nothing), scores
/// the month and opens the score down to the entries; retiring waits until no template uses it. Nobody else opens
/// these pages, and a sheet of an area outside the jurisdiction is not found.
final class AssessmentIndicatorRoutesTests: XCTestCase {
    static func form(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
    }

    static let reported = [
        "name": "信息报送采用率", "unitKind": "township", "source": "reported", "shape": "rate", "direction": "higher",
        "explanation": "被市级以上采用的信息条数除以报送条数",
    ]

    func testTheAssessorDefinesFillsInAndScoresAReportedIndicator() async throws {
        try await AssessmentFixture.run { f in
            let page = "/admin/assessment-indicators"
            for user in ["ld", "tl", "dh", "io"] {
                let list = try await f.get(page, as: user)
                XCTAssertEqual(list.status, .forbidden, user)
                let post = try await f.post(page, Self.form(Self.reported), as: user)
                XCTAssertEqual(post.status, .forbidden, user)
            }
            let list = try await f.get(page, as: "kh")
            XCTAssertEqual(list.status, .ok)
            for indicator in AssessmentIndicator.builtIn { XCTAssertTrue(list.text.contains(indicator.chineseName), indicator.key) }
            XCTAssertTrue(list.text.contains("矛盾纠纷 › 邻里纠纷"), "the categories to count over")

            // Refused field by field, keeping what was typed; nothing stored.
            let refusals: [([String: String], String)] = [
                (["name": ""], "请填写指标名称"),
                (["name": "办结率"], "已有名为“办结率”的考核指标"),
                (["shape": ""], "请选择指标是比率还是数量"),
                (["explanation": ""], "人工填报的指标请写明口径说明"),
                (["source": "category", "base": "village_resolved", "unitKind": "department", "category": "dispute"],
                 "村级化解率不适用于职能部门"),
                (["source": "category", "base": "closure_rate", "category": "nothing"], "没有该事项类别"),
            ]
            for (changes, message) in refusals {
                let response = try await f.post(page, Self.form(Self.reported.merging(changes) { _, new in new }), as: "kh")
                XCTAssertEqual(response.status, .unprocessableContent, "\(changes)")
                XCTAssertTrue(response.text.contains(message), "\(changes): \(message)")
                XCTAssertTrue(response.text.contains("被市级以上采用的信息条数") || changes["explanation"] != nil, "kept")
            }
            let none = try await f.platform.database.read { try await AssessmentIndicatorRepository($0).indicators() }
            XCTAssertEqual(none.count, 0)

            let defined = try await f.post(page, Self.form(Self.reported), as: "kh")
            XCTAssertEqual(defined.status, .seeOther, defined.text)
            XCTAssertEqual(defined.headers[.location], "/admin/assessment-indicators?saved=custom_1")
            let after = try await f.get("/admin/assessment-indicators?saved=custom_1", as: "kh")
            XCTAssertTrue(after.text.contains("已新增指标“信息报送采用率”"))
            XCTAssertTrue(after.text.contains(#"href="/assessment/reported/custom_1""#))

            // In the township month template, beside the built-in ones.
            let templatePath = "/admin/assessment-templates/township/month"
            let editor = try await f.get(templatePath, as: "kh")
            XCTAssertTrue(editor.text.contains(#"name="include_custom_1""#))
            XCTAssertTrue(editor.text.contains("人工填报"))
            let saved = try await f.post(templatePath, AssessmentTemplateRoutesTests.form([
                "weight_satisfaction": "10", "include_custom_1": "1", "weight_custom_1": "10", "target_custom_1": "80",
                "floor_custom_1": "30",
            ]), as: "kh")
            XCTAssertEqual(saved.status, .seeOther, saved.text)

            // Retiring waits for the template.
            let inUse = try await f.post("/admin/assessment-indicators/custom_1/retire", "", as: "kh")
            XCTAssertEqual(inUse.status, .conflict)
            XCTAssertTrue(inUse.text.contains("请先从模版中移除再停用"), inUse.text)

            // The sheet: the assessor's townships; others refused; outside not found.
            let sheetPath = "/assessment/reported/custom_1?period=2026-10"
            let sheet = try await f.get(sheetPath, as: "kh")
            XCTAssertEqual(sheet.status, .ok)
            for township in f.townships { XCTAssertTrue(sheet.text.contains(township.name), township.name) }
            for user in ["ld", "tl", "dh", "io"] {
                let refused = try await f.get(sheetPath, as: user)
                XCTAssertEqual(refused.status, .forbidden, user)
            }
            let outside = try await f.get(sheetPath + "&area=110101000000", as: "kh")
            XCTAssertEqual(outside.status, .notFound)
            let unknown = try await f.get("/assessment/reported/custom_9?period=2026-10", as: "kh")
            XCTAssertEqual(unknown.status, .notFound)

            let (first, second) = (f.townships[0], f.townships[1])
            let bad = try await f.post("/assessment/reported/custom_1", Self.form([
                "period": "2026-10", "n_\(first.code)": "8", "d_\(first.code)": "10",
                "n_\(second.code)": "12", "d_\(second.code)": "10",
            ]), as: "kh")
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("\(second.name)的达标数不能大于总数"), bad.text)
            XCTAssertTrue(bad.text.contains(#"name="n_\#(second.code)" value="12""#), "what was typed is kept")
            let nothing = try await f.platform.database.read { sql in
                try await sql.select().column("unit_code").from("assessment_reported_values").all()
            }
            XCTAssertEqual(nothing.count, 0, "a sheet with an error stores nothing")

            let good = try await f.post("/assessment/reported/custom_1", Self.form([
                "period": "2026-10", "n_\(first.code)": "8", "d_\(first.code)": "10", "note_\(first.code)": "报送10条采用8条",
                "n_\(second.code)": "3", "d_\(second.code)": "10",
            ]), as: "kh")
            XCTAssertEqual(good.status, .seeOther, good.text)
            XCTAssertTrue(good.headers[.location]?.hasSuffix("saved=2") ?? false)
            let audited = try await f.platform.database.read { sql in
                try await sql.select().column("object_id").from("audit_log").where("action", .equal, "assessment.reported_value").all()
            }
            XCTAssertEqual(audited.count, 2)

            // Scored: 8/10 between 30% and 80% → full 10 points; 3/10 → none; the third township was not reported.
            try await f.compute("2026-10")
            let unit = try await f.get("/assessment/units/township:\(first.code)?period=2026-10", as: "kh")
            XCTAssertTrue(unit.text.contains("信息报送采用率"), unit.text)
            let drill = try await f.get("/assessment/units/township:\(first.code)/indicators/custom_1?period=2026-10", as: "kh")
            XCTAssertEqual(drill.status, .ok)
            XCTAssertTrue(drill.text.contains("填报记录"))
            XCTAssertTrue(drill.text.contains("报送10条采用8条"))
            XCTAssertTrue(drill.text.contains("与考核值一致"))
            XCTAssertTrue(drill.text.contains("10 / 10 分"), drill.text)
            let low = try await f.get("/assessment/units/township:\(second.code)/indicators/custom_1?period=2026-10", as: "kh")
            XCTAssertTrue(low.text.contains("0 / 10 分"), low.text)
            if f.townships.count > 2 {
                let third = try await f.get("/assessment/units/township:\(f.townships[2].code)?period=2026-10", as: "kh")
                XCTAssertTrue(third.text.contains(#"<span class="badge">未填报</span>"#), third.text)
            }

            // Out of the template, it can be retired; then it is no longer offered.
            let removed = try await f.post(templatePath, AssessmentTemplateRoutesTests.form(), as: "kh")
            XCTAssertEqual(removed.status, .seeOther)
            let retired = try await f.post("/admin/assessment-indicators/custom_1/retire", "", as: "kh")
            XCTAssertEqual(retired.status, .seeOther)
            let again = try await f.post("/admin/assessment-indicators/custom_1/retire", "", as: "kh")
            XCTAssertEqual(again.status, .conflict)
            let offered = try await f.get(templatePath, as: "kh")
            XCTAssertFalse(offered.text.contains("include_custom_1"))
            let listed = try await f.get(page, as: "kh")
            XCTAssertTrue(listed.text.contains("已停用"))
            // October was scored with it and still reads so.
            let october = try await f.get("/assessment/units/township:\(first.code)/indicators/custom_1?period=2026-10", as: "kh")
            XCTAssertEqual(october.status, .ok)
        }
    }
}
