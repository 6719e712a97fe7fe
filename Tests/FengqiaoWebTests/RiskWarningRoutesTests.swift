import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The warning pages through the router: the list with its level counts, a warning's page with the explanation and
/// the lifecycle forms (field errors beside the fields, nothing changed), the dashboard's open-warning counts and
/// the case list's risk filter.
final class RiskWarningRoutesTests: XCTestCase {
    func testPagesFormsAndTheDashboard() async throws {
        try await withTestClient { client, platform in
            let db = platform.database
            try await TestAccounts.create("leader", role: .leader, area: SampleAreas.county, displayName: "李书记", in: db)
            let ownerId = try await TestAccounts.create("owner", role: .dispatcher, area: SampleAreas.township,
                                                        displayName: "王调度", in: db)
            try await TestAccounts.create("worker", role: .gridWorker, area: SampleAreas.grid, in: db)
            let desk = Caller(staff: Staff(accountID: ownerId, username: "owner", displayName: "王调度", role: .dispatcher,
                                           jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.township)))),
                              ip: "test")
            var cases: [String] = []
            for text in ["建筑公司拖欠工资三个月", "建筑公司拖欠工资两个月", "建筑公司拖欠工资,工人扬言拉横幅"] {
                cases.append(try await CaseEngine(platform: platform).open(
                    CaseOpening(channel: "phone", kind: "dispute", category: "拖欠农民工工资", description: text,
                                gridCode: SampleAreas.grid,
                                parties: [.init(side: "respondent", kind: "organization", name: "鑫源建筑公司")]),
                    caller: desk).number)
            }
            try await RiskMonitor(platform: platform).run()
            let leader = try await signIn(client, username: "leader")

            let list = try await client.execute(uri: "/warnings", method: .get, headers: leader.headers)
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("群发"), list.text)
            let number = try XCTUnwrap(firstMatch(#"href="/warnings/(YJ\d+)">YJ\d+</a></td>\s*<td data-label="等级"><span class="level level-blue">蓝色</span></td>\s*<td data-label="规则">群发"#, in: list.text))
            let api = try await client.execute(uri: "/api/v1/warnings?state=open&level=blue", method: .get, headers: [.cookie: leader.cookie])
            let items = try XCTUnwrap(try api.json()["items"] as? [[String: Any]])
            let open = try XCTUnwrap(try api.json()["openByLevel"] as? [String: Int])
            XCTAssertEqual(items.count, open["blue"], "the level count equals its list")

            let page = try await client.execute(uri: "/warnings/\(number)", method: .get, headers: leader.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("近30天针对同一对象的「拖欠农民工工资」案件 3 件(阈值 3 件)"), page.text)
            for n in cases { XCTAssertTrue(page.text.contains("/cases/\(n)"), n) }
            XCTAssertTrue(page.text.contains("王调度(指挥调度员)"))

            // Refused: no owner chosen, an owner who may not, no measures; nothing changes.
            func post(_ path: String, _ body: String) async throws -> TestResponse {
                try await client.execute(uri: "/warnings/\(number)/\(path)", method: .post, headers: leader.formHeaders(),
                                         body: ByteBuffer(string: "_csrf=\(leader.csrf)&" + body))
            }
            let noOwner = try await post("assign", "ownerId=")
            XCTAssertEqual(noOwner.status, .unprocessableContent)
            XCTAssertTrue(noOwner.text.contains("请选择责任人"), noOwner.text)
            let noMeasures = try await post("close", "measures=%20")
            XCTAssertEqual(noMeasures.status, .unprocessableContent)
            XCTAssertTrue(noMeasures.text.contains(#"id="measures-error">请填写处置措施"#), noMeasures.text)
            let stillNew = try await RiskWarnings(platform: platform).view(number, caller: desk)
            XCTAssertEqual(stillNew.state, .new)

            let assigned = try await post("assign", "ownerId=\(ownerId)")
            XCTAssertEqual(assigned.status, .seeOther)
            let after = try await client.execute(uri: "/warnings/\(number)", method: .get, headers: leader.headers)
            XCTAssertTrue(after.text.contains("责任人:王调度"), after.text)

            // The dashboard counts the open warnings and links each level to its list.
            let board = try await client.execute(uri: "/dashboard", method: .get, headers: leader.headers)
            XCTAssertTrue(board.text.contains(#"<a class="level level-blue" href="/warnings?state=open&amp;level=blue">蓝色 \#(open["blue"] ?? -1)</a>"#)
                          || board.text.contains(#"<a class="level level-blue" href="/warnings?state=open&level=blue">蓝色 \#(open["blue"] ?? -1)</a>"#), board.text)
            // The map page of the village where the cases are counts them too.
            let area = try await client.execute(uri: "/areas/\(SampleAreas.village)", method: .get, headers: leader.headers)
            XCTAssertTrue(area.text.contains("风险预警(未办结)"), area.text)
            XCTAssertTrue(area.text.contains("level=blue&amp;area=\(SampleAreas.village)\">蓝色 \(open["blue"] ?? -1)</a>")
                          || area.text.contains("level=blue&area=\(SampleAreas.village)\">蓝色 \(open["blue"] ?? -1)</a>"), area.text)
            // The case list's risk filter.
            let risky = try await client.execute(uri: "/api/v1/cases?list=all&risk=warning", method: .get, headers: [.cookie: leader.cookie])
            let listed = try XCTUnwrap(try risky.json()["cases"] as? [[String: Any]]).compactMap { $0["number"] as? String }
            XCTAssertEqual(Set(listed), Set(cases))
            let bad = try await client.execute(uri: "/api/v1/cases?risk=purple", method: .get, headers: [.cookie: leader.cookie])
            XCTAssertEqual(bad.status, .unprocessableContent)

            // A grid worker does not see warnings, nor the dashboard's panel.
            let worker = try await signIn(client, username: "worker")
            let refused = try await client.execute(uri: "/warnings", method: .get, headers: worker.headers)
            XCTAssertEqual(refused.status, .forbidden)
            let workerBoard = try await client.execute(uri: "/dashboard", method: .get, headers: worker.headers)
            XCTAssertFalse(workerBoard.text.contains("风险预警"))
        }
    }
}
