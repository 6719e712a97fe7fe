import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import SQLKit
import XCTest

/// 考核模版 for assessors: the six templates, one edited through its form — saved and read back (audited), or refused
/// field by field in Chinese keeping what was typed; nobody else opens them.
final class AssessmentTemplateRoutesTests: XCTestCase {
    /// The form of the standard township month template, with `changes` made.
    static func form(_ changes: [String: String?] = [:]) -> String {
        var fields: [String: String] = ["name": "乡镇(街道)月度考核", "awardCap": "5"]
        for rule in AssessmentTemplate.standard(.township, .month).rules {
            let code = rule.indicator.key, rate = rule.indicator.isRate
            fields["include_\(code)"] = "1"
            fields["weight_\(code)"] = AssessmentTemplate.points(rule.weight)
            fields["target_\(code)"] = AssessmentTemplate.points(rate ? rule.target * 100 : rule.target)
            fields["floor_\(code)"] = AssessmentTemplate.points(rate ? rule.floor * 100 : rule.floor)
        }
        for (key, value) in changes { fields[key] = value }
        return fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
    }

    func testTheTemplateFormSavesAndRefusesFieldByField() async throws {
        try await AssessmentFixture.run { f in
            let path = "/admin/assessment-templates/township/month"
            for user in ["ld", "tl", "dh", "io"] {
                let list = try await f.get("/admin/assessment-templates", as: user)
                XCTAssertEqual(list.status, .forbidden, user)
                let form = try await f.get(path, as: user)
                XCTAssertEqual(form.status, .forbidden, user)
                let post = try await f.post(path, Self.form(), as: user)
                XCTAssertEqual(post.status, .forbidden, user)
            }
            let list = try await f.get("/admin/assessment-templates", as: "kh")
            XCTAssertEqual(list.status, .ok)
            for kind in AssessedUnitKind.allCases {
                for period in AssessmentPeriodKind.allCases {
                    XCTAssertTrue(list.text.contains(AssessmentTemplate.standard(kind, period).name))
                }
            }
            let form = try await f.get(path, as: "kh")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains(#"name="weight_closed_on_time" value="20""#), form.text)
            XCTAssertTrue(form.text.contains(#"name="target_closed_on_time" value="95""#))
            XCTAssertFalse(form.text.contains("weight_patrol_coverage"), "only the indicators of townships")

            // Refused field by field, keeping what was typed.
            let refusals: [([String: String?], String, String)] = [
                (["weight_closed_on_time": "10"], "各项指标分值合计应为 100 分,现为 90 分", #"name="weight_closed_on_time" value="10""#),
                (["weight_satisfaction": "abc"], "满意率的分值应填写数字", #"name="weight_satisfaction" value="abc""#),
                (["target_closure_rate": "50", "floor_closure_rate": "80"], "办结率的零分线应低于目标值", #"name="floor_closure_rate" value="80""#),
                (["target_overdue": "5", "floor_overdue": "0"], "超期件数的零分线应高于目标值", #"name="target_overdue" value="5""#),
                (["target_satisfaction": "120"], "满意率的目标值和零分线应在 0% 到 100% 之间", #"value="120""#),
                (["name": ""], "模版名称", #"id="t-name-error""#),
                (["awardCap": "30"], "亮点加分上限应在 0 到 20 分之间", #"name="awardCap" value="30""#),
            ]
            for (changes, message, kept) in refusals {
                let response = try await f.post(path, Self.form(changes), as: "kh")
                XCTAssertEqual(response.status, .unprocessableContent, "\(changes)")
                XCTAssertTrue(response.text.contains(message), "\(changes): \(message)")
                XCTAssertTrue(response.text.contains(kept), "\(changes): \(kept)")
            }
            let empty = try await f.post(path, Self.form().replacingOccurrences(of: "include_", with: "x_"), as: "kh")
            XCTAssertEqual(empty.status, .unprocessableContent)
            XCTAssertTrue(empty.text.contains("请至少选择一项考核指标"))
            let unknown = try await f.get("/admin/assessment-templates/city/month", as: "kh")
            XCTAssertEqual(unknown.status, .unprocessableContent)
            let before = try await f.platform.database.read { sql in
                try await sql.select().column("template").from("assessment_templates").all()
            }
            XCTAssertEqual(before.count, 0, "nothing refused was saved")

            // Saved: 按时办结率 aims at 90%, 督办 leaves the template and its 5 points go to 满意率.
            let saved = try await f.post(path, Self.form([
                "target_closed_on_time": "90", "weight_satisfaction": "25", "include_supervised": nil, "name": "乡镇月考核(试行)",
            ]), as: "kh")
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let again = try await f.get(path + "?saved=1", as: "kh")
            XCTAssertTrue(again.text.contains("已保存"))
            XCTAssertTrue(again.text.contains(#"name="target_closed_on_time" value="90""#))
            XCTAssertTrue(again.text.contains(#"name="weight_satisfaction" value="25""#))
            XCTAssertTrue(again.text.contains("乡镇月考核(试行)"))
            XCTAssertFalse(again.text.contains(#"name="include_supervised" value="1" checked"#))
            let template = try await f.platform.database.read { try await AssessmentRepository($0).template(unitKind: "township", periodKind: "month") }
            let stored = try JSONDecoder().decode(AssessmentTemplate.self, from: Data(try XCTUnwrap(template).utf8))
            XCTAssertEqual(stored.rules.first { $0.indicator == .closedOnTime }?.target, 0.9)
            XCTAssertNil(stored.rules.first { $0.indicator == .supervised })
            let audited = try await f.platform.database.read { sql in
                try await sql.select().column("action").from("audit_log").where("action", .equal, "assessment.template").all()
            }
            XCTAssertEqual(audited.count, 1)
        }
    }
}
