import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// 信访调解统计 through the router on the real database: each number is counted from what was registered
/// through the petition and mediation services, and each opens exactly the records it counts.
final class FigureRoutesTests: XCTestCase {
    typealias D = PetitionDesk

    /// Three petitions and two mediations in the sample township; returns the succeeded mediation's number.
    @discardableResult
    private static func register(_ d: PetitionDesk) async throws -> String {
        // A collective visit of six, then a letter by the same man (重复信访), then a visit of two people, one
        // of them registered without an ID number; the last is accepted.
        try await d.register(D.body(form: "visit", persons: 6, petitioners: [("张伟", D.idNumber, nil)]))
        try await d.register(D.body(form: "letter", persons: 1, petitioners: [("张伟", D.idNumber, nil)]))
        let third = try await d.register(D.body(form: "visit", persons: 2, petitioners: [("李四", D.otherIdNumber, nil), ("王五", nil, nil)]))
        try await d.act(third["id"] ?? 0, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)

        let dispatcher = try await caller("disp", role: .dispatcher, area: SampleAreas.township, platform: d.platform)
        let organization = try await MediationRegistry(platform: d.platform).createOrganization(MediationOrganizationSubmission(
            areaCode: SampleAreas.village, kind: "villageCommittee", name: "康乐社区人民调解委员会"), caller: dispatcher)
        let mediations = MediationCases(platform: d.platform)
        func open(_ amountFen: Int64) async throws -> MediationCaseView {
            try await mediations.open(MediationOpeningSubmission(
                specialty: "邻里", facts: "楼上漏水致楼下受损,赔偿未谈拢", amountFen: amountFen, areaCode: SampleAreas.grid,
                organizationId: organization.id,
                parties: [MediationPartySubmission(side: "申请人", name: "李明"), MediationPartySubmission(side: "被申请人", name: "赵刚")]),
                caller: dispatcher)
        }
        let settled = try await open(1_200_050)
        _ = try await open(80_000)
        // The outcome as the mediation's conclusion records it: succeeded, ended now.
        let now = d.platform.clock.now().millisecondsSince1970
        try await d.platform.database.write { db in
            try await db.update("mediation_cases").set("state", to: "succeeded").set("closed_at", to: now)
                .set("open_case_id", to: SQLLiteral.null).where("number", .equal, settled.number).run()
        }
        return settled.number
    }

    private static func caller(_ username: String, role: Role, area: String, platform: Platform) async throws -> Caller {
        let id = try await platform.database.read { db in
            try await db.select().column("id").from("accounts").where("username", .equal, username).first()?
                .decode(column: "id", as: Int64.self)
        }
        return Caller(staff: Staff(accountID: try XCTUnwrap(id), username: username, displayName: username, role: role,
                                   jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(area)))), ip: "test")
    }

    private static func figures(_ json: [String: Any]) -> [String: Int64] {
        ((json["total"] as? [String: Any]) ?? [:]).compactMapValues { ($0 as? NSNumber)?.int64Value }
    }

    func testTheTownshipTableCountsEachFigureAndEachNumberOpensWhatItCounts() async throws {
        try await D.each { d in
            let settled = try await Self.register(d)
            let response = try await d.get("/api/v1/figures?area=\(SampleAreas.township)", by: "boss")
            XCTAssertEqual(response.status, .ok, response.text)
            let table = try response.json()
            XCTAssertEqual(Self.figures(table), [
                "petitionBatches": 3, "petitionPersons": 9, "petitioners": 3, "visitBatches": 2, "visitPersons": 8,
                "collectiveVisits": 1, "repeatPetitions": 1, "acceptedPetitions": 1,
                "mediationsReceived": 2, "mediationsSucceeded": 1, "mediationsPartial": 0, "mediationsFailed": 0,
                "mediationAmountFen": 1_280_050,
            ])
            // One row per village of the township; everything here lies in the sample village.
            let rows = try XCTUnwrap(table["rows"] as? [[String: Any]])
            XCTAssertEqual(rows.map { $0["areaCode"] as? String }, [SampleAreas.village])
            XCTAssertEqual(((rows.first?["figures"] as? [String: Any])?["petitionPersons"] as? NSNumber)?.intValue, 9)

            // Each figure's list holds exactly as many records as the figure counts (人次 and amounts list their petitions).
            let expectations: [(String, Int, [String])] = [
                ("petitionBatches", 3, []), ("visitBatches", 2, []), ("collectiveVisits", 1, []), ("repeatPetitions", 1, []),
                ("acceptedPetitions", 1, []), ("mediationsReceived", 2, []), ("mediationsSucceeded", 1, [settled]),
                ("mediationsFailed", 0, []),
            ]
            for (figure, count, numbers) in expectations {
                let list = try await d.get("/api/v1/figures/items?figure=\(figure)&area=\(SampleAreas.township)", by: "boss")
                XCTAssertEqual(list.status, .ok, list.text)
                let items = try XCTUnwrap(try list.json()["items"] as? [[String: Any]])
                XCTAssertEqual(items.count, count, figure)
                if !numbers.isEmpty { XCTAssertEqual(items.compactMap { $0["number"] as? String }, numbers, figure) }
            }
            let visits = try await d.get("/api/v1/figures/items?figure=visitPersons&area=\(SampleAreas.township)", by: "boss")
            let persons = try XCTUnwrap(try visits.json()["items"] as? [[String: Any]]).compactMap { ($0["persons"] as? NSNumber)?.intValue }
            XCTAssertEqual(persons.reduce(0, +), 8, "the visits listed add up to the 来访人次")
        }
    }

    func testThePeriodBoundsWhatIsCounted() async throws {
        try await D.each { d in
            try await Self.register(d)
            let today = CivilDate(containing: d.platform.clock.now())
            let before = today.adding(days: -40), lastWeek = today.adding(days: -7), yesterday = today.adding(days: -1)
            let earlier = try await d.get("/api/v1/figures?area=\(SampleAreas.township)&from=\(before)&to=\(yesterday)", by: "boss")
            XCTAssertEqual(Self.figures(try earlier.json())["petitionBatches"], 0)
            XCTAssertEqual(Self.figures(try earlier.json())["mediationsReceived"], 0)
            let week = try await d.get("/api/v1/figures?area=\(SampleAreas.township)&from=\(lastWeek)&to=\(today)", by: "boss")
            XCTAssertEqual(Self.figures(try week.json())["petitionBatches"], 3)
        }
    }

    func testDepartmentStaffCountPetitionsButNoMediations() async throws {
        try await D.each { d in
            try await Self.register(d)
            let table = try await d.get("/api/v1/figures?area=\(SampleAreas.township)", by: "lead").json()
            XCTAssertEqual(table["includesMediations"] as? Bool, false)
            XCTAssertEqual(Self.figures(table)["petitionBatches"], 3)
            XCTAssertEqual(Self.figures(table)["mediationsReceived"], 0)
            let list = try await d.get("/api/v1/figures/items?figure=mediationsReceived&area=\(SampleAreas.township)", by: "lead")
            XCTAssertEqual((try list.json()["items"] as? [Any])?.count, 0)
        }
    }

    func testRefusals() async throws {
        try await D.each { d in
            try await Self.register(d)
            let cases: [(String, String, Int, String?)] = [
                ("/api/v1/figures?area=\(D.outsideTownship)", "boss", 404, "not_found"),
                ("/api/v1/figures?area=\(SampleAreas.county)", "boss", 404, "not_found"),  // above the jurisdiction
                ("/api/v1/figures?area=abc", "boss", 404, "not_found"),
                ("/api/v1/figures", "auditor", 403, "forbidden"),
                ("/api/v1/figures?from=2026-13-01&to=2026-01-31", "boss", 422, "validation_failed"),
                ("/api/v1/figures?from=2026-03-01&to=2026-02-01", "boss", 422, "validation_failed"),
                ("/api/v1/figures?from=2025-01-01&to=2026-06-01", "boss", 422, "validation_failed"),
                ("/api/v1/figures?from=2026-03-01", "boss", 422, "validation_failed"),
                ("/api/v1/figures/items?figure=everything", "boss", 422, "validation_failed"),
                ("/api/v1/figures/items?figure=petitionBatches&area=\(D.outsideTownship)", "boss", 404, "not_found"),
            ]
            for (uri, user, status, code) in cases {
                let response = try await d.get(uri, by: user)
                XCTAssertEqual(response.status.code, status, "\(uri): \(response.text)")
                XCTAssertEqual((try? response.json())?["code"] as? String, code, uri)
            }
            let fields = try await d.get("/api/v1/figures?from=2026-03-01&to=2026-02-01", by: "boss").json()["errors"] as? [[String: Any]]
            XCTAssertEqual(fields?.first?["field"] as? String, "to")
            XCTAssertEqual(fields?.first?["message"] as? String, "结束日期不能早于开始日期")
        }
    }

    func testThePageLinksEveryNumberToItsListAndEachVillageToItsTable() async throws {
        try await D.each { d in
            try await Self.register(d)
            let page = try await d.get("/figures?area=\(SampleAreas.township)", by: "boss", html: true)
            XCTAssertEqual(page.status, .ok)
            let html = page.text
            XCTAssertTrue(html.contains("信访调解统计"))
            XCTAssertTrue(html.contains("/figures/items?figure=visitPersons&amp;area=\(SampleAreas.township)"), html)
            XCTAssertTrue(html.contains(">8</a>"), "来访人次 links to its list")
            XCTAssertTrue(html.contains("50.0%") == false && html.contains("100.0%"), "1 of 1 ended mediations succeeded")
            XCTAssertTrue(html.contains("12,800.50"), "the amount in yuan")
            XCTAssertTrue(html.contains("/figures?area=\(SampleAreas.village)"), "the village opens its own table")
            XCTAssertFalse(html.contains("<script"))
            let list = try await d.get("/figures/items?figure=collectiveVisits&area=\(SampleAreas.township)", by: "boss", html: true)
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("/petitions/"), list.text)
            let nav = try await d.get("/figures", by: "officer", html: true).text
            XCTAssertTrue(nav.contains("href=\"/figures\""), "petition officers find the figures in the navigation")
            let desk = try await d.get("/", by: "desk", html: true).text
            XCTAssertFalse(desk.contains("href=\"/figures\""), "an intake operator does not")
        }
    }
}
