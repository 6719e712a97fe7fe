import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// Mediation cases through the router on SQLite and PostgreSQL: the JSON API and the pages, with roles,
/// jurisdiction (404 outside), field errors in Chinese and nothing half-written.
final class MediationCaseRoutesTests: XCTestCase {
    struct World {
        var platform: Platform
        var village: MediationOrganizationView
        var bater: MediatorView
        var wang: MediatorView
    }

    /// The sample areas and township B, a village committee (巴特尔, Mongolian) and a township committee
    /// (王调解), and accounts: keeper (dispatcher), med (mediator), boss (leader, county), away (mediator, B).
    func withWorld(_ body: @escaping @Sendable (any TestClientProtocol, World) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await CameraFixture.insertTownshipB(into: db)
            let platform = try TestPlatform.make(database: db)
            let registry = MediationRegistry(platform: platform)
            let county = CameraFixture.person(.dispatcher, SampleAreas.county)
            let village = try await registry.createOrganization(MediationOrganizationSubmission(
                areaCode: SampleAreas.village, kind: "villageCommittee", name: "康乐社区人民调解委员会"), caller: county)
            let township = try await registry.createOrganization(MediationOrganizationSubmission(
                areaCode: SampleAreas.township, kind: "townshipCommittee", name: "沙河街道人民调解委员会"), caller: county)
            let bater = try await registry.createMediator(MediatorSubmission(
                organizationId: village.id, name: "巴特尔", specialties: ["邻里"], languages: ["蒙古语", "汉语"]), caller: county)
            let wang = try await registry.createMediator(MediatorSubmission(
                organizationId: township.id, name: "王调解", specialties: ["劳动争议"]), caller: county)
            try await TestAccounts.create("keeper", role: .dispatcher, area: SampleAreas.township, in: db)
            try await TestAccounts.create("med", role: .mediator, area: SampleAreas.township, in: db)
            try await TestAccounts.create("boss", role: .leader, area: SampleAreas.county, in: db)
            try await TestAccounts.create("away", role: .mediator, area: CameraFixture.townshipB, in: db)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in
                try await body(client, World(platform: platform, village: village, bater: bater, wang: wang))
            }
        }
    }

    static func json(_ browser: SignedInBrowser) -> HTTPFields {
        [.cookie: browser.cookie, .csrfHeader: browser.csrf, .contentType: "application/json", .accept: "application/json"]
    }

    static func count(_ table: String, _ platform: Platform) async throws -> Int {
        try await platform.database.read { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
                .decode(column: "n", as: Int.self) ?? -1
        }
    }

    static func counts(_ platform: Platform) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["mediation_cases", "mediation_parties", "mediation_sessions", "mediation_referrals", "cases", "case_events"] {
            counts.append(try await count(table, platform))
        }
        return counts
    }

    func testTheAPI() async throws {
        try await withWorld { client, w in
            let keeper = try await signIn(client, username: "keeper")
            let med = try await signIn(client, username: "med")
            let boss = try await signIn(client, username: "boss")
            let away = try await signIn(client, username: "away")
            func post(_ uri: String, _ body: String, as browser: SignedInBrowser) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: Self.json(browser), body: ByteBuffer(string: body))
            }
            func get(_ uri: String, as browser: SignedInBrowser) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .get, headers: Self.json(browser))
            }
            let opening = #"{"specialty":"邻里","facts":"楼上漏水导致楼下受损,协商未果","amountFen":50000,"areaCode":"\#(SampleAreas.grid)","organizationId":\#(w.village.id),"mediatorId":\#(w.bater.id),"parties":[{"side":"applicant","name":"李明","phone":"13812345678"},{"side":"respondent","name":"赵刚"}]}"#
            let created = try await post("/api/v1/mediation/cases", opening, as: keeper)
            XCTAssertEqual(created.status, .created, created.text)
            XCTAssertTrue(created.text.contains("138****5678") && !created.text.contains("13812345678"), created.text)
            let body = try created.json()
            let number = try XCTUnwrap(body["number"] as? String)
            let caseNumber = try XCTUnwrap((body["linkedCase"] as? [String: Any])?["number"] as? String)

            let second = try await post("/api/v1/cases/\(caseNumber)/mediation", #"{"specialty":"邻里","organizationId":\#(w.village.id)}"#, as: keeper)
            XCTAssertEqual(second.status, .conflict)
            XCTAssertTrue(second.text.contains("mediation_already_open") && second.text.contains("不能重复转调解"), second.text)
            let ofCase = try await get("/api/v1/cases/\(caseNumber)/mediations", as: boss)
            XCTAssertTrue(ofCase.text.contains(number), ofCase.text)

            let session = #"{"at":"2026-11-23T09:00","place":"调解室","attendees":"双方","notes":"未达成一致","outcome":"failed"}"#
            for attempt in 1...3 {
                let held = try await post("/api/v1/mediation/cases/\(number)/sessions", session, as: med)
                XCTAssertEqual(held.status, .created, held.text)
                if attempt == 3 { XCTAssertTrue(held.text.contains(#""tier":"township""#), "escalated: \(held.text)") }
            }
            let planned = try await post("/api/v1/mediation/cases/\(number)/sessions",
                                         #"{"at":"2026-11-30T09:00","place":"调解室","attendees":"双方"}"#, as: med)
            XCTAssertEqual(planned.status, .created, planned.text)
            let early = try await post("/api/v1/mediation/cases/\(number)/sessions/4/outcome", #"{"outcome":"resolved","notes":"好"}"#, as: med)
            XCTAssertEqual(early.status, .conflict)
            let forbidden = try await post("/api/v1/mediation/cases/\(number)/sessions", session, as: boss)
            XCTAssertEqual(forbidden.status, .forbidden)
            let hidden = try await get("/api/v1/mediation/cases/\(number)", as: away)
            XCTAssertEqual(hidden.status, .notFound)
            let hiddenSession = try await post("/api/v1/mediation/cases/\(number)/sessions", session, as: away)
            XCTAssertEqual(hiddenSession.status, .notFound)

            let referred = try await post("/api/v1/mediation/cases/\(number)/referrals", #"{"kind":"诉调","counterpart":"九原区人民法院"}"#, as: med)
            XCTAssertEqual(referred.status, .created, referred.text)
            let referrals = try XCTUnwrap(try referred.json()["referrals"] as? [[String: Any]])
            let referralID = try XCTUnwrap(referrals.first?["id"] as? Int)
            let replied = try await post("/api/v1/mediation/cases/\(number)/referrals/\(referralID)",
                                         #"{"action":"reply","text":"已受理并调解成功"}"#, as: med)
            XCTAssertEqual(replied.status, .ok, replied.text)
            XCTAssertTrue(replied.text.contains(#""state":"replied""#))

            let suggestions = try await get("/api/v1/mediation/cases/\(number)/suggestions", as: boss)
            XCTAssertTrue(suggestions.text.contains(#""load":1"#) && suggestions.text.contains("巴特尔"), suggestions.text)
            let assigned = try await post("/api/v1/mediation/cases/\(number)/mediator", #"{"mediatorId":\#(w.wang.id)}"#, as: keeper)
            XCTAssertEqual(assigned.status, .ok, assigned.text)
            XCTAssertTrue(assigned.text.contains("王调解"))
            let list = try await get("/api/v1/mediation/cases?state=inMediation", as: boss)
            XCTAssertTrue(list.text.contains(number) && list.text.contains("王调解"), list.text)
            let badState = try await get("/api/v1/mediation/cases?state=done", as: boss)
            XCTAssertEqual(badState.status, .unprocessableContent)

            // Bad input: field errors in Chinese, nothing written.
            let before = try await Self.counts(w.platform)
            let invalid = try await post("/api/v1/mediation/cases",
                                         #"{"specialty":"算命","amountFen":-5,"areaCode":"1","organizationId":999}"#, as: keeper)
            XCTAssertEqual(invalid.status, .unprocessableContent)
            for field in ["specialty", "facts", "amountFen", "areaCode", "parties", "organizationId"] {
                XCTAssertTrue(invalid.text.contains(#""field":"\#(field)""#), "\(field): \(invalid.text)")
            }
            XCTAssertTrue(containsChinese(invalid.text))
            let wrongType = try await post("/api/v1/mediation/cases", #"{"amountFen":"很多"}"#, as: keeper)
            XCTAssertEqual(wrongType.status, .badRequest, wrongType.text)
            XCTAssertTrue(wrongType.text.contains("amountFen"), wrongType.text)
            let badSession = try await post("/api/v1/mediation/cases/\(number)/sessions", #"{"outcome":"failed"}"#, as: med)
            XCTAssertEqual(badSession.status, .unprocessableContent)
            XCTAssertTrue(badSession.text.contains(#""field":"at""#) && badSession.text.contains(#""field":"notes""#), badSession.text)
            let badReferral = try await post("/api/v1/mediation/cases/\(number)/referrals/\(referralID)", #"{"action":"accept"}"#, as: med)
            XCTAssertEqual(badReferral.status, .conflict)
            let after = try await Self.counts(w.platform)
            XCTAssertEqual(after, before)

            let withdrawn = try await post("/api/v1/mediation/cases/\(number)/withdraw", #"{"reason":"双方自行和解"}"#, as: med)
            XCTAssertEqual(withdrawn.status, .ok, withdrawn.text)
            let closed = try await post("/api/v1/mediation/cases/\(number)/sessions", session, as: med)
            XCTAssertEqual(closed.status, .conflict)
            XCTAssertTrue(closed.text.contains("mediation_closed"), closed.text)
        }
    }

    func testThePages() async throws {
        try await withWorld { client, w in
            let keeper = try await signIn(client, username: "keeper")
            let med = try await signIn(client, username: "med")
            let boss = try await signIn(client, username: "boss")
            let away = try await signIn(client, username: "away")
            func form(_ uri: String, _ body: String, as browser: SignedInBrowser) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: browser.formHeaders(),
                                         body: ByteBuffer(string: "_csrf=\(browser.csrf)&" + body))
            }
            let empty = try await client.execute(uri: "/mediation", method: .get, headers: boss.headers)
            XCTAssertEqual(empty.status, .ok)
            XCTAssertTrue(empty.text.contains("辖区内暂无调解案件") && !empty.text.contains("/mediation/new"))
            let newForm = try await client.execute(uri: "/mediation/new", method: .get, headers: keeper.headers)
            XCTAssertEqual(newForm.status, .ok)
            XCTAssertTrue(newForm.text.contains(#"name="_csrf" value="\#(keeper.csrf)""#) && newForm.text.contains("康乐社区人民调解委员会"))
            XCTAssertFalse(newForm.text.contains("<script") || newForm.text.contains("onclick=") || newForm.text.contains("style="))
            let bossNew = try await client.execute(uri: "/mediation/new", method: .get, headers: boss.headers)
            XCTAssertEqual(bossNew.status, .forbidden)

            let before = try await Self.counts(w.platform)
            let invalid = try await form("/mediation/new", "specialty=neighbour&facts=&areaCode=\(SampleAreas.grid)&organizationId=\(w.village.id)&party0Side=applicant&party0Name=%E6%9D%8E&party0Phone=123", as: keeper)
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("请填写纠纷事实") && invalid.text.contains("当事人电话格式不正确"), invalid.text)
            let oneSided = try await form("/mediation/new", "specialty=neighbour&facts=%E9%82%BB%E9%87%8C%E7%BA%A0%E7%BA%B7%E4%BA%8B%E5%AE%9E&areaCode=\(SampleAreas.grid)&organizationId=\(w.village.id)&party0Side=applicant&party0Name=%E6%9D%8E", as: keeper)
            XCTAssertEqual(oneSided.status, .unprocessableContent)
            XCTAssertTrue(oneSided.text.contains("请至少填写一名被申请人") && oneSided.text.contains("邻里纠纷事实"), "the form keeps what was typed")
            let badAmount = try await form("/mediation/new", "specialty=neighbour&amountYuan=abc", as: keeper)
            XCTAssertEqual(badAmount.status, .unprocessableContent)
            XCTAssertTrue(badAmount.text.contains("涉及金额格式不正确"))
            let after = try await Self.counts(w.platform)
            XCTAssertEqual(after, before)

            let facts = "两户因共用通道堆放杂物发生纠纷".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let opened = try await form("/mediation/new", "specialty=neighbour&facts=\(facts)&amountYuan=1200.5&areaCode=\(SampleAreas.grid)&organizationId=\(w.village.id)&mediatorId=\(w.bater.id)&party0Side=applicant&party0Name=%E6%9D%8E%E6%98%8E&party0Phone=13812345678&party1Side=respondent&party1Kind=organization&party1Name=%E7%89%A9%E4%B8%9A%E5%85%AC%E5%8F%B8&party2Side=applicant&party3Side=respondent", as: keeper)
            XCTAssertEqual(opened.status, .seeOther, opened.text)
            let location = try XCTUnwrap(opened.headers[.location])
            let number = try XCTUnwrap(firstMatch(#"/mediation/cases/(M[0-9-]+)"#, in: location))
            let page = try await client.execute(uri: "/mediation/cases/\(number)", method: .get, headers: med.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("138****5678") && !page.text.contains("13812345678"))
            XCTAssertTrue(page.text.contains("1200.50") && page.text.contains("单位") && page.text.contains("巴特尔"))
            XCTAssertTrue(page.text.contains("记录或预约调解会") && page.text.contains("转出"), "a mediator's forms")
            XCTAssertFalse(page.text.contains("<script") || page.text.contains("onclick="))
            let readOnly = try await client.execute(uri: "/mediation/cases/\(number)", method: .get, headers: boss.headers)
            XCTAssertFalse(readOnly.text.contains("记录或预约调解会") || readOnly.text.contains("撤回理由"), "a leader reads only")
            let hidden = try await client.execute(uri: "/mediation/cases/\(number)", method: .get, headers: away.headers)
            XCTAssertEqual(hidden.status, .notFound)

            let place = "调解室".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let held = try await form("/mediation/cases/\(number)/sessions", "at=2026-11-23T08:30&place=\(place)&attendees=\(place)&outcome=failed&notes=\(place)", as: med)
            XCTAssertEqual(held.status, .seeOther, held.text)
            let badSession = try await form("/mediation/cases/\(number)/sessions", "at=&place=&attendees=&outcome=", as: med)
            XCTAssertEqual(badSession.status, .unprocessableContent)
            XCTAssertTrue(badSession.text.contains("请填写调解会时间") && badSession.text.contains("请填写调解地点"), badSession.text)
            let noToken = try await client.execute(uri: "/mediation/cases/\(number)/sessions", method: .post,
                                                   headers: med.formHeaders(), body: ByteBuffer(string: "place=x"))
            XCTAssertEqual(noToken.status, .forbidden, "the CSRF token is required")
            let referred = try await form("/mediation/cases/\(number)/referrals", "kind=police&counterpart=\(place)", as: med)
            XCTAssertEqual(referred.status, .seeOther)
            let assigned = try await form("/mediation/cases/\(number)/mediator", "mediatorId=\(w.wang.id)", as: keeper)
            XCTAssertEqual(assigned.status, .seeOther)
            let plannedForm = try await form("/mediation/cases/\(number)/sessions", "at=2026-11-30T09:00&place=\(place)&attendees=\(place)&outcome=", as: med)
            XCTAssertEqual(plannedForm.status, .seeOther, plannedForm.text)
            let shown = try await client.execute(uri: "/mediation/cases/\(number)", method: .get, headers: med.headers)
            XCTAssertTrue(shown.text.contains(#"action="/mediation/cases/\#(number)/sessions/2/outcome""#), "the planned session's outcome form")
            XCTAssertNotNil(firstMatch(#"action="/mediation/cases/\#(number)/referrals/(\d+)""#, in: shown.text), "the referral's form")
            XCTAssertTrue(shown.text.contains("2026-11-30 09:00"), "the next session")
            XCTAssertTrue(shown.text.contains("第1次") && shown.text.contains("调解未果") && shown.text.contains("警调")
                          && shown.text.contains("王调解"), shown.text)
            let list = try await client.execute(uri: "/mediation", method: .get, headers: boss.headers)
            XCTAssertTrue(list.text.contains(number) && list.text.contains("调解中") && list.text.contains("王调解"))
            let withdrawn = try await form("/mediation/cases/\(number)/withdraw", "reason=\(place)", as: med)
            XCTAssertEqual(withdrawn.status, .seeOther)
            let closed = try await form("/mediation/cases/\(number)/referrals", "kind=police&counterpart=\(place)", as: med)
            XCTAssertEqual(closed.status, .conflict)
        }
    }

    /// A mediation opened from a case without parties: its agreement is refused until parties are added,
    /// through the page's form (CSRF, errors beside the form keeping what was typed) or the API.
    func testPartiesAreAddedAfterwardsOnThePageAndThroughTheAPI() async throws {
        try await withWorld { client, w in
            let med = try await signIn(client, username: "med")
            let boss = try await signIn(client, username: "boss")
            let away = try await signIn(client, username: "away")
            let desk = CameraFixture.person(.dispatcher, SampleAreas.township)
            let engine = CaseEngine(platform: w.platform)
            let reported = try await engine.open(CaseOpening(
                channel: "phone", kind: "dispute", description: "来电反映邻居占用楼道堆放杂物", gridCode: SampleAreas.grid),
                caller: desk)
            _ = try await engine.perform(CaseCommandRequest(name: .accept, body: CaseCommandBody()), caseNumber: reported.number,
                                         caller: desk)
            let number = try await MediationCases(platform: w.platform).open(MediationOpeningSubmission(
                caseNumber: reported.number, specialty: "邻里", organizationId: w.village.id), caller: desk).number
            func form(_ body: String, as browser: SignedInBrowser) async throws -> TestResponse {
                try await client.execute(uri: "/mediation/cases/\(number)/parties", method: .post, headers: browser.formHeaders(),
                                         body: ByteBuffer(string: "_csrf=\(browser.csrf)&" + body))
            }
            func json(_ uri: String, _ body: String) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: Self.json(med), body: ByteBuffer(string: body))
            }

            // No parties: the agreement is refused with the field `parties`.
            let agreement = #"{"outcome":"succeeded","agreement":{"facts":"双方就楼道杂物清理达成一致","terms":[{"obligor":"被申请人","content":"三日内清理楼道杂物"}],"performanceMethod":"即时履行"}}"#
            let refused = try await json("/api/v1/mediation/cases/\(number)/conclusion", agreement)
            XCTAssertEqual(refused.status, .unprocessableContent, refused.text)
            XCTAssertTrue(refused.text.contains("missing_parties") && refused.text.contains("请先登记当事人"), refused.text)

            let page = try await client.execute(uri: "/mediation/cases/\(number)", method: .get, headers: med.headers)
            XCTAssertTrue(page.text.contains(#"action="/mediation/cases/\#(number)/parties""#) && page.text.contains("未登记当事人"))
            XCTAssertFalse(page.text.contains("<script") || page.text.contains("onclick=") || page.text.contains("style="))
            let readOnly = try await client.execute(uri: "/mediation/cases/\(number)", method: .get, headers: boss.headers)
            XCTAssertFalse(readOnly.text.contains("/parties\""), "a leader reads only")

            let before = try await Self.counts(w.platform)
            let noToken = try await client.execute(uri: "/mediation/cases/\(number)/parties", method: .post,
                                                   headers: med.formHeaders(), body: ByteBuffer(string: "side=applicant&name=x"))
            XCTAssertEqual(noToken.status, .forbidden, "the CSRF token is required")
            let invalid = try await form("side=respondent&kind=organization&name=&phone=123", as: med)
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("请填写当事人姓名或名称") && invalid.text.contains("当事人电话格式不正确"), invalid.text)
            XCTAssertTrue(invalid.text.contains(#"<option value="respondent" selected>"#)
                          && invalid.text.contains(#"<option value="organization" selected>"#)
                          && invalid.text.contains(#"name="phone" value="123""#), "the form keeps what was typed")
            let forbidden = try await form("side=applicant&name=x", as: boss)
            XCTAssertEqual(forbidden.status, .forbidden)
            let hidden = try await form("side=applicant&name=x", as: away)
            XCTAssertEqual(hidden.status, .notFound)
            let after = try await Self.counts(w.platform)
            XCTAssertEqual(after, before)

            let added = try await form("side=applicant&kind=person&name=%E5%AD%99%E4%B8%BD&phone=13700001111", as: med)
            XCTAssertEqual(added.status, .seeOther, added.text)
            XCTAssertEqual(added.headers[.location], "/mediation/cases/\(number)?saved=1#parties")
            let shown = try await client.execute(uri: "/mediation/cases/\(number)", method: .get, headers: med.headers)
            XCTAssertTrue(shown.text.contains("孙丽") && shown.text.contains("137****1111") && !shown.text.contains("13700001111"))

            let badJSON = try await json("/api/v1/mediation/cases/\(number)/parties", #"{"side":"第三人","name":"周强"}"#)
            XCTAssertEqual(badJSON.status, .unprocessableContent)
            XCTAssertTrue(badJSON.text.contains(#""field":"side""#), badJSON.text)
            let respondent = try await json("/api/v1/mediation/cases/\(number)/parties", #"{"side":"respondent","kind":"单位","name":"康乐物业公司"}"#)
            XCTAssertEqual(respondent.status, .created, respondent.text)
            XCTAssertTrue(respondent.text.contains("康乐物业公司") && respondent.text.contains("137****1111"), respondent.text)
            let concluded = try await json("/api/v1/mediation/cases/\(number)/conclusion", agreement)
            XCTAssertEqual(concluded.status, .created, concluded.text)
            let closed = try await form("side=applicant&name=x", as: med)
            XCTAssertEqual(closed.status, .conflict)
        }
    }

    func testTheMediatorPoolPageKeepsLanguagesItDoesNotChange() async throws {
        try await withWorld { client, w in
            let keeper = try await signIn(client, username: "keeper")
            let boss = try await signIn(client, username: "boss")
            _ = try await MediationCases(platform: w.platform).open(MediationOpeningSubmission(
                specialty: "邻里", facts: "邻里之间因噪音产生纠纷", areaCode: SampleAreas.grid, organizationId: w.village.id,
                mediatorId: w.bater.id, parties: [.init(side: "applicant", name: "甲"), .init(side: "respondent", name: "乙")]),
                caller: CameraFixture.person(.dispatcher, SampleAreas.township))
            let pool = try await client.execute(uri: "/mediation/mediators", method: .get, headers: keeper.headers)
            XCTAssertEqual(pool.status, .ok)
            XCTAssertTrue(pool.text.contains("巴特尔") && pool.text.contains("蒙古语") && pool.text.contains("登记调解员"))
            XCTAssertTrue(pool.text.contains(#"<td class="num">1</td>"#), "巴特尔 carries one open mediation")
            XCTAssertTrue(pool.text.contains(#"name="language_mongolian" checked"#), "the change form shows the languages held")
            let readOnly = try await client.execute(uri: "/mediation/mediators", method: .get, headers: boss.headers)
            XCTAssertFalse(readOnly.text.contains("登记调解员"))

            // Through the API, a change that leaves languages out keeps them.
            let api = try await client.execute(
                uri: "/api/v1/mediation/mediators/\(w.bater.id)", method: .post, headers: Self.json(keeper),
                body: ByteBuffer(string: #"{"name":"巴特尔","specialties":["邻里","土地草场"]}"#))
            XCTAssertEqual(api.status, .ok, api.text)
            XCTAssertTrue(api.text.contains(#""languages":["mongolian","mandarin"]"#), api.text)
            // Through the page, the ticked boxes are what the mediator speaks.
            let edited = try await client.execute(
                uri: "/mediation/mediators/\(w.bater.id)", method: .post, headers: keeper.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(keeper.csrf)&name=%E5%B7%B4%E7%89%B9%E5%B0%94&organizationId=\(w.village.id)&specialty_neighbour=on&language_mongolian=on&availability=busy&active=on"))
            XCTAssertEqual(edited.status, .seeOther, edited.text)
            let after = try await MediationRegistry(platform: w.platform).mediators(caller: CameraFixture.person(.leader, SampleAreas.county))
            let bater = try XCTUnwrap(after.first { $0.id == w.bater.id })
            XCTAssertEqual(bater.languages, ["mongolian"])
            XCTAssertEqual(bater.availability, "busy")
            XCTAssertEqual(bater.load, 1)

            let registered = try await client.execute(
                uri: "/mediation/mediators", method: .post, headers: keeper.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(keeper.csrf)&name=%E6%96%B0%E4%BA%BA&organizationId=\(w.village.id)&specialty_labour=on&language_mongolian=on&language_mandarin=on&availability=available"))
            XCTAssertEqual(registered.status, .seeOther, registered.text)
            let invalid = try await client.execute(
                uri: "/mediation/mediators", method: .post, headers: keeper.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(keeper.csrf)&name=&organizationId=\(w.village.id)"))
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("请填写调解员姓名") && invalid.text.contains("请至少选择一项调解专长"), invalid.text)
            let forbidden = try await client.execute(
                uri: "/mediation/mediators", method: .post, headers: boss.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(boss.csrf)&name=x&organizationId=\(w.village.id)&specialty_labour=on"))
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }
}
