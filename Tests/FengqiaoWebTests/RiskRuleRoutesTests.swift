import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The risk-rules page: a village follows its county until it gets its own book; a bad form keeps what was typed and
/// names each field, and stores nothing; the monitor uses the village's own thresholds; a reset follows the county again.
final class RiskRuleRoutesTests: XCTestCase {
    func testAnAreaSetsItsOwnRules() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("admin", role: .systemAdmin, area: SampleAreas.county, in: platform.database)
            let admin = try await signIn(client, username: "admin")
            let page = try await client.execute(uri: "/admin/risk-rules?area=\(SampleAreas.village)", method: .get,
                                                headers: admin.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("当前沿用系统默认规则"), page.text)
            XCTAssertTrue(page.text.contains(#"name="cluster.windowDays" type="number" min="1" max="365" value="30""#))

            var fields = RiskRuleBookSubmission.fields(of: .standard)
            func post(_ fields: [String: String]) async throws -> TestResponse {
                var parts = ["_csrf=\(admin.csrf)", "area=\(SampleAreas.village)"]
                for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                    parts.append(name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                }
                return try await client.execute(uri: "/admin/risk-rules", method: .post, headers: admin.formHeaders(),
                                                body: ByteBuffer(string: parts.joined(separator: "&")))
            }
            fields["cluster.blue"] = "两件"
            let bad = try await post(fields)
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("阈值须为数字"), bad.text)
            XCTAssertTrue(bad.text.contains(#"value="两件""#), "what was typed stays")
            let nothing = try await platform.database.read { try await RiskRepository($0).ruleBooks() }
            XCTAssertEqual(nothing, [:])

            fields["cluster.blue"] = "2"
            let saved = try await post(fields)
            XCTAssertEqual(saved.status, .seeOther)
            let own = try await client.execute(uri: "/admin/risk-rules?area=\(SampleAreas.village)&saved=1", method: .get,
                                               headers: admin.headers)
            XCTAssertTrue(own.text.contains("本区域单独设置"), own.text)
            let stored = try await RiskRuleBooks(platform: platform).view(
                area: SampleAreas.village, caller: Caller(staff: Staff(accountID: 1, username: "a", displayName: "a",
                    role: .systemAdmin, jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))), ip: "t"))
            XCTAssertEqual(stored.fields["cluster.blue"], "2")
            // The county still follows the standard rules; its village page says whose rules it follows after a reset.
            let county = try await client.execute(uri: "/admin/risk-rules", method: .get, headers: admin.headers)
            XCTAssertTrue(county.text.contains(#"name="cluster.blue" inputmode="decimal" value="3""#), county.text)
            let reset = try await client.execute(uri: "/admin/risk-rules/reset", method: .post, headers: admin.formHeaders(),
                                                 body: ByteBuffer(string: "_csrf=\(admin.csrf)&area=\(SampleAreas.village)"))
            XCTAssertEqual(reset.status, .seeOther)
            let gone = try await platform.database.read { try await RiskRepository($0).ruleBooks() }
            XCTAssertEqual(gone, [:])
            let audited = try await platform.database.read { db in
                try await db.select().column("action").from("audit_log").where("object_type", .equal, "area").orderBy("id")
                    .all(decodingColumn: "action", as: String.self)
            }
            XCTAssertEqual(audited, ["risk_rules.save", "risk_rules.reset"])
        }
    }
}
