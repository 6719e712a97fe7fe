import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// `/todo` by role over HTTP: the department's queue with one-click 签收, the grids, the leader's supervision
/// desk, the mediator's open mediations and the petition officer's near deadlines — each role sees its own
/// section and not the others', and nothing from outside the jurisdiction (or another department) appears.
final class TodoRoleHomeTests: XCTestCase {
    typealias D = CaseDesk
    static let sections = ["todo-department", "todo-grids", "todo-supervision", "todo-mediation", "todo-petitions"]

    static func home(_ d: D, _ username: String, query: String = "") async throws -> String {
        let response = try await d.client.execute(uri: "/todo" + query, method: .get,
                                                  headers: try await CaseListFixture.browser(d, username))
        XCTAssertEqual(response.status, .ok, response.text)
        return response.text
    }

    /// The sections present on the page.
    static func sectionsShown(_ html: String) -> [String] { sections.filter { html.contains("id=\"\($0)\"") } }

    /// The HTML of a queue part (`queue-sign-for` …) up to the next part.
    static func part(_ html: String, _ id: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<section class=\"queue\"")?.lowerBound ?? rest.range(of: "</section>\n</section>")?.lowerBound
            ?? rest.endIndex
        return String(rest[..<end])
    }

    /// An outside case: opened on the outside township's grid by its own dispatcher.
    static func outsideCase(_ d: D) async throws -> String {
        try await CaseListFixture.addAreas(d)
        return try await CaseListFixture.open(d, by: "outsider", grid: String(CaseListFixture.outsideGrid))
    }

    func testTheDepartmentHandlerSignsForFromTheQueueAndTheCaseLeavesIt() async throws {
        try await D.each { d in
            let outside = try await Self.outsideCase(d)
            let first = try await d.open()
            let second = try await d.open()
            let elsewhere = try await d.open()
            for n in [first, second] {
                try await d.run(n, "accept", by: "desk", expect: "accepted")
                try await d.run(n, "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
            }
            try await d.run(elsewhere, "accept", by: "desk", expect: "accepted")
            try await d.run(elsewhere, "dispatch", by: "disp", #"{"lead":\#(d.other)}"#, expect: "dispatched")

            var html = try await Self.home(d, "lead")
            XCTAssertEqual(Self.sectionsShown(html), ["todo-department"])
            var waiting = Self.part(html, "queue-sign-for")
            XCTAssertTrue(waiting.contains(first) && waiting.contains(second), waiting)
            XCTAssertTrue(waiting.contains(#"action="/cases/\#(first)/sign-for""#), "签收 is a form in the row")
            XCTAssertTrue(waiting.contains(#"name="_csrf""#), "the form carries the CSRF token")
            XCTAssertTrue(waiting.contains("/cases/\(first)?open=return#action-return"), "退回 opens the case page's form")
            XCTAssertFalse(html.contains(elsewhere), "another department's case is not in the queue")
            XCTAssertFalse(html.contains(outside), "a case outside the jurisdiction never appears")
            XCTAssertTrue(html.contains(#"<span class="num">2</span> 待签收"#), "counts per state")

            // 签收 from /todo: the form posts to the case page's command and comes back to the queue.
            let headers = try await d.headers("lead")
            let csrf = try XCTUnwrap(headers[HTTPField.Name("X-CSRF-Token")!])
            var form = headers
            form[.contentType] = "application/x-www-form-urlencoded"
            form[.accept] = "text/html"
            form[HTTPField.Name("X-CSRF-Token")!] = nil
            let signed = try await d.client.execute(uri: "/cases/\(first)/sign-for", method: .post, headers: form,
                                                    body: ByteBuffer(string: "_csrf=\(csrf)&back=todo"))
            XCTAssertEqual(signed.status, .seeOther, signed.text)
            XCTAssertEqual(signed.headers[.location], "/todo?done=sign-for")
            html = try await Self.home(d, "lead", query: "?done=sign-for")
            XCTAssertTrue(html.contains("已签收。"))
            waiting = Self.part(html, "queue-sign-for")
            XCTAssertFalse(waiting.contains(first), "signed for: it leaves the sign-for queue")
            XCTAssertTrue(waiting.contains(second))
            let handling = Self.part(html, "queue-in-handling")
            XCTAssertTrue(handling.contains(first), handling)
            XCTAssertTrue(handling.contains("/cases/\(first)?open=feedback#action-feedback"), "反馈 opens the case page's form")
            XCTAssertFalse(handling.contains(#"action="/cases/\#(first)/sign-for""#))

            // A return waits for the ruling in its own part.
            try await d.run(second, "return", by: "lead", #"{"reason":"不属于本部门职责"}"#, expect: "accepted")
            html = try await Self.home(d, "lead")
            XCTAssertTrue(Self.part(html, "queue-returned").contains(second))
            XCTAssertFalse(Self.part(html, "queue-sign-for").contains(second))

            // The case page opens the form the queue links to; an unknown form name opens nothing.
            let page = try await d.client.execute(uri: "/cases/\(first)?open=feedback", method: .get,
                                                  headers: try await CaseListFixture.browser(d, "lead"))
            XCTAssertTrue(page.text.contains(#"id="action-feedback" open"#), "the feedback form is unfolded")
            let plain = try await d.client.execute(uri: "/cases/\(first)?open=nonsense", method: .get,
                                                   headers: try await CaseListFixture.browser(d, "lead"))
            XCTAssertEqual(plain.status, .ok)
            XCTAssertFalse(plain.text.contains("\" open>"), "nothing unfolded for an unknown name")

            // The back field goes nowhere but /todo.
            let other = try await d.client.execute(uri: "/cases/\(second)/add-progress", method: .post, headers: form,
                                                   body: ByteBuffer(string: "_csrf=\(csrf)&note=进展&back=https://evil.example"))
            XCTAssertTrue([303, 409, 422].contains(Int(other.status.code)), other.text)
            XCTAssertFalse((other.headers[.location] ?? "").contains("evil"))
            // Another department's handler sees neither case, and the sign-for form is refused for them.
            html = try await Self.home(d, "other")
            XCTAssertFalse(html.contains(first) || html.contains(second))
            XCTAssertTrue(Self.part(html, "queue-sign-for").contains(elsewhere))
        }
    }

    func testGridWorkersAndGridLeadersSeeTheirGrids() async throws {
        try await D.each { d in
            let outside = try await Self.outsideCase(d)
            let n = try await d.open()
            _ = try await d.open()
            for (username, grids) in [("grid", [SampleAreas.grid]), ("gl", [SampleAreas.grid])] {
                let html = try await Self.home(d, username)
                XCTAssertEqual(Self.sectionsShown(html), ["todo-grids"], username)
                for grid in grids {
                    XCTAssertTrue(html.contains("href=\"/cases?grid=\(grid)\""), "\(username): the grid's list")
                    XCTAssertTrue(html.contains("href=\"/areas/\(grid)\""), "\(username): the grid page")
                }
                XCTAssertFalse(html.contains(String(CaseListFixture.outsideGrid)), "\(username): no outside grid")
                XCTAssertFalse(html.contains(outside))
                // Two open cases, none overdue, two reported this month.
                XCTAssertTrue(html.contains(#"data-label="在办案件" class="num">2</td>"#), html)
                XCTAssertTrue(html.contains(#"data-label="已超时" class="num">0</td>"#), "no overdue link for none")
                XCTAssertTrue(html.contains(#"data-label="本月上报" class="num">2</td>"#))
            }
            let leaderHome = try await Self.home(d, "gl")
            XCTAssertFalse(leaderHome.contains(CaseListFixture.grid2), "the other village's grid is not theirs")
            try await d.run(n, "reject", by: "desk", #"{"reason":"不属于受理范围","channel":"phone"}"#, expect: "rejected")
            let after = try await Self.home(d, "grid")
            XCTAssertTrue(after.contains(#"data-label="在办案件" class="num">1</td>"#), "a rejected case is no longer open")
            XCTAssertTrue(after.contains(#"data-label="本月上报" class="num">2</td>"#), "but it was reported this month")
        }
    }

    func testTheLeaderSeesRedClocksAndSupervisesFromTheCasePage() async throws {
        try await D.each { d in
            let outside = try await Self.outsideCase(d)
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            try await d.run(n, "dispatch", by: "disp",
                            #"{"lead":\#(d.lead),"deadline":"2026-11-24T08:00:00Z","overrideReason":"领导批示限期办结"}"#,
                            expect: "dispatched")
            try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
            d.clock.advance(minutes: 2 * 24 * 60)
            try await CaseClockScan(platform: d.platform).run()

            var html = try await Self.home(d, "boss")
            XCTAssertEqual(Self.sectionsShown(html), ["todo-supervision"])
            let red = try XCTUnwrap(html.range(of: "id=\"supervision-overdue\"")).upperBound
            let open = try XCTUnwrap(html.range(of: "id=\"supervision-open\"")).lowerBound
            XCTAssertTrue(html[red..<open].contains(n), "the red-clock case is listed")
            XCTAssertTrue(html.contains("/cases/\(n)?open=supervise#action-supervise"), "督办 from the case page")
            XCTAssertTrue(html[red..<open].contains(outside), "the county leader's jurisdiction holds the other township (its intake clock is red too)")

            // The case page offers the leader the kind: 督办 or 挂牌督办.
            let browser = try await CaseListFixture.browser(d, "boss")
            let page = try await d.client.execute(uri: "/cases/\(n)?open=supervise", method: .get, headers: browser)
            XCTAssertTrue(page.text.contains(#"id="action-supervise" open"#))
            XCTAssertTrue(page.text.contains(#"<option value="order""#) && page.text.contains(#"<option value="listed""#))
            XCTAssertTrue(page.text.contains("挂牌督办"))
            let headers = try await d.headers("boss")
            let csrf = try XCTUnwrap(headers[HTTPField.Name("X-CSRF-Token")!])
            var form = browser
            form[.contentType] = "application/x-www-form-urlencoded"
            let posted = try await d.client.execute(
                uri: "/cases/\(n)/supervise", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(csrf)&kind=listed&note=限期办结&responseDue=2026-11-28T10:00"))
            XCTAssertEqual(posted.status, .seeOther, posted.text)
            html = try await Self.home(d, "boss")
            let supervised = String(html[try XCTUnwrap(html.range(of: "id=\"supervision-open\"")).upperBound...])
            XCTAssertTrue(supervised.contains(n))
            XCTAssertTrue(supervised.contains("第1号 挂牌督办,答复期限 2026-11-28 10:00"), supervised)

            // Other roles never get the desk.
            for username in ["disp", "lead", "grid", "desk"] {
                let other = try await Self.home(d, username)
                XCTAssertFalse(other.contains("id=\"todo-supervision\""), username)
            }
        }
    }

    func testMediatorsAndPetitionOfficersGetTheirEntryPoints() async throws {
        try await D.each { d in
            try await CaseListFixture.addAreas(d)
            let db = d.platform.database
            try await TestAccounts.create("med", role: .mediator, area: SampleAreas.township, in: db)
            try await TestAccounts.create("pet", role: .petitionOfficer, area: SampleAreas.township, in: db)
            let setupID = try await TestAccounts.create("setup2", role: .dispatcher, area: SampleAreas.county, in: db)
            let county = try XCTUnwrap(AreaCode(SampleAreas.county))
            func caller(_ role: Role) -> Caller {
                Caller(staff: Staff(accountID: setupID, username: "setup2", displayName: "准备", role: role,
                                    jurisdiction: Jurisdiction(root: county)), ip: "test")
            }
            var mediations: [String] = []
            for (village, grid) in [(SampleAreas.village, SampleAreas.grid), (String(CaseListFixture.outsideVillage), String(CaseListFixture.outsideGrid))] {
                let organization = try await MediationRegistry(platform: d.platform).createOrganization(
                    MediationOrganizationSubmission(areaCode: village, kind: "villageCommittee", name: "调委会\(village)",
                                                    phone: "13900000001"), caller: caller(.dispatcher))
                let opened = try await MediationCases(platform: d.platform).open(MediationOpeningSubmission(
                    specialty: "邻里", facts: "邻里纠纷事实", areaCode: grid, organizationId: organization.id,
                    parties: [.init(side: "applicant", name: "甲"), .init(side: "respondent", name: "乙")]), caller: caller(.dispatcher))
                mediations.append(opened.number)
            }
            var petitions: [Int64] = []
            for grid in [SampleAreas.grid, String(CaseListFixture.outsideGrid)] {
                let petition = try await PetitionReception(platform: d.platform).register(PetitionSubmission(
                    form: "visit", persons: "1", petitioners: [.init(name: "张伟", idNumber: AccessOracle.idNumber)],
                    description: "临近期限的信访事项", category: "dispute.neighbour", gridCode: grid), caller: caller(.petitionOfficer))
                petitions.append(petition.id)
            }

            var html = try await Self.home(d, "med")
            XCTAssertEqual(Self.sectionsShown(html), ["todo-mediation"])
            XCTAssertTrue(html.contains("/mediation/cases/\(mediations[0])"))
            XCTAssertFalse(html.contains(mediations[1]), "an outside mediation never appears")
            XCTAssertTrue(html.contains(#"href="/mediation""#))

            html = try await Self.home(d, "pet")
            XCTAssertEqual(Self.sectionsShown(html), ["todo-petitions"])
            XCTAssertFalse(html.contains("/petitions/\(petitions[0])\""), "a fresh petition's deadline is not near yet")
            XCTAssertTrue(html.contains(#"href="/petitions/new""#))
            d.clock.advance(minutes: 18 * 24 * 60)
            html = try await Self.home(d, "pet")
            XCTAssertTrue(html.contains("href=\"/petitions/\(petitions[0])\""), "near its deadline: listed")
            XCTAssertFalse(html.contains("href=\"/petitions/\(petitions[1])\""), "an outside petition never appears")

            for username in ["med", "pet"] {
                let page = try await Self.home(d, username)
                XCTAssertFalse(page.contains("id=\"todo-department\""))
            }
            let dispatcher = try await Self.home(d, "disp")
            XCTAssertFalse(dispatcher.contains("id=\"todo-mediation\""))
            let gridLeader = try await Self.home(d, "gl")
            XCTAssertFalse(gridLeader.contains("id=\"todo-petitions\""))
        }
    }
}
