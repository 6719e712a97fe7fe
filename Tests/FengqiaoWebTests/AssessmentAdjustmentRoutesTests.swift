import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The award, deduction and appeal pages through the router, on SQLite and PostgreSQL: forms post without
/// JavaScript, bad input re-renders the form with Chinese field errors (422), a second decision is 409, a unit or
/// request outside the jurisdiction 404, a role without the permission 403.
final class AssessmentAdjustmentRoutesTests: XCTestCase {
    struct Desk {
        let client: any TestClientProtocol
        let platform: Platform

        func headers(_ username: String) async throws -> HTTPFields {
            let signedIn = try await Authentication(platform: platform).signIn(
                username: username, password: TestAccounts.password, ip: "10.2.0.1")
            return [.cookie: "fq_session=\(signedIn.token)", .init("X-CSRF-Token")!: signedIn.session.csrfToken,
                    .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
        }

        func post(_ uri: String, by username: String, _ body: String) async throws -> TestResponse {
            try await client.execute(uri: uri, method: .post, headers: try await headers(username), body: ByteBuffer(string: body))
        }

        func get(_ uri: String, by username: String) async throws -> TestResponse {
            try await client.execute(uri: uri, method: .get, headers: try await headers(username))
        }

        /// The id at the end of a redirect's location.
        func id(_ response: TestResponse) throws -> String {
            XCTAssertEqual(response.status, .seeOther, response.text)
            return try XCTUnwrap(response.headers[.location]?.split(separator: "/").last.map(String.init))
        }
    }

    static let outsideTownship = "150207002000"

    static func each(_ body: @escaping @Sendable (Desk) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await db.write { sql in
                try await AreaRepository(sql).insert([
                    AreaRecord(code: outsideTownship, parentCode: SampleAreas.county, level: "township", name: "麻池镇", createdAt: 0),
                ])
            }
            let platform = try TestPlatform.make(database: db)
            let setupID = try await TestAccounts.create("setup", role: .leader, area: SampleAreas.county, in: db)
            let setup = Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备", role: .leader,
                                            jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))), ip: "t")
            let department = try await CenterAdministration(platform: platform).addDepartment(
                areaCode: SampleAreas.township, code: "police", name: "派出所", stationing: .resident, caller: setup)
            for (name, role, area, dept) in [
                ("disp", Role.dispatcher, SampleAreas.township, nil), ("assessor", .assessor, SampleAreas.township, nil),
                ("outassessor", .assessor, outsideTownship, nil), ("handler", .departmentHandler, SampleAreas.township, department),
                ("grid", .gridWorker, SampleAreas.grid, nil), ("gl", .gridLeader, SampleAreas.village, nil),
            ] as [(String, Role, String, Int64?)] {
                try await TestAccounts.create(name, role: role, area: area, departmentID: dept, displayName: "测试\(name)", in: db)
            }
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in try await body(Desk(client: client, platform: platform)) }
        }
    }

    static func award(points: String, title: String) -> String {
        "period=2026-11&points=\(points)&title=\(encoded(title))&description=\(encoded("建成标准化调解室,化解纠纷三十余件"))"
            + "&evidence=\(encoded("区委政法委简报第8期"))"
    }

    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    func testAwardsAreRequestedDecidedOnceAndCapped() async throws {
        try await Self.each { d in
            let form = try await d.get("/assessment/awards", by: "disp")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("申报亮点工作加分"), "the request form for the township's staff")
            XCTAssertTrue(form.text.contains("沙河街道(乡镇(街道))"))
            let first = try d.id(try await d.post("/assessment/awards", by: "disp", Self.award(points: "3", title: "调解室建设")))
            let second = try d.id(try await d.post("/assessment/awards", by: "disp", Self.award(points: "3", title: "网格创新")))

            let bad = try await d.post("/assessment/awards", by: "disp",
                                       "period=2026-12&points=9&title=&description=%E5%A4%AA%E7%9F%AD&evidence=x")
            XCTAssertEqual(bad.status, .unprocessableContent)
            for message in ["2026年12月尚未开始", "分值应大于 0 且不超过 5 分", "请填写亮点工作名称", "工作内容至少写10个字"] {
                XCTAssertTrue(bad.text.contains(message), message)
            }
            XCTAssertTrue(bad.text.contains(#"aria-invalid="true""#))

            let list = try await d.get("/assessment/awards?state=pending", by: "assessor")
            XCTAssertTrue(list.text.contains("调解室建设") && list.text.contains("网格创新"), list.text)
            let detail = try await d.get("/assessment/awards/\(first)", by: "assessor")
            XCTAssertTrue(detail.text.contains("批准加分") && detail.text.contains("不予批准"), "the assessor's forms")
            let requesterView = try await d.get("/assessment/awards/\(first)", by: "disp")
            XCTAssertFalse(requesterView.text.contains("批准加分"), "no decision form for the requester")
            XCTAssertTrue(requesterView.text.contains("撤回申请"))

            let notAssessor = try await d.post("/assessment/awards/\(first)/approve", by: "disp", "points=")
            XCTAssertEqual(notAssessor.status, .forbidden)
            let outside = try await d.post("/assessment/awards/\(first)/approve", by: "outassessor", "points=")
            XCTAssertEqual(outside.status, .notFound)
            let outsideView = try await d.get("/assessment/awards/\(first)", by: "outassessor")
            XCTAssertEqual(outsideView.status, .notFound)
            let departmentView = try await d.get("/assessment/awards/\(first)", by: "handler")
            XCTAssertEqual(departmentView.status, .notFound, "department staff see their department only")

            let approved = try await d.post("/assessment/awards/\(first)/approve", by: "assessor", "points=&note=")
            XCTAssertEqual(approved.status, .seeOther, approved.text)
            let overCap = try await d.post("/assessment/awards/\(second)/approve", by: "assessor", "points=3")
            XCTAssertEqual(overCap.status, .unprocessableContent)
            XCTAssertTrue(overCap.text.contains("最多还可批准 2 分"), overCap.text)
            let twice = try await d.post("/assessment/awards/\(first)/refuse", by: "assessor", "reason=x")
            XCTAssertEqual(twice.status, .conflict)
            XCTAssertTrue(twice.text.contains("不能再次处理"))
            let noReason = try await d.post("/assessment/awards/\(second)/refuse", by: "assessor", "reason=")
            XCTAssertEqual(noReason.status, .unprocessableContent)
            XCTAssertTrue(noReason.text.contains("请填写不予批准的理由"))
            let notRequester = try await d.post("/assessment/awards/\(second)/withdraw", by: "assessor", "")
            XCTAssertEqual(notRequester.status, .conflict)
            let withdrawn = try await d.post("/assessment/awards/\(second)/withdraw", by: "disp", "")
            XCTAssertEqual(withdrawn.status, .seeOther)
            let shown = try await d.get("/assessment/awards/\(first)", by: "disp")
            XCTAssertTrue(shown.text.contains("已批准") && shown.text.contains("3 分"), shown.text)
            let gridWorker = try await d.get("/assessment/awards", by: "grid")
            XCTAssertEqual(gridWorker.status, .forbidden)
        }
    }

    /// An approval or a deduction scores its month again (and the month's quarter, when scored): the stored score
    /// carries the points at once. A period never scored stays unscored.
    func testADecisionScoresItsScoredPeriodAgain() async throws {
        try await Self.each { d in
            let computed = try await d.post("/assessment/compute", by: "assessor", "period=2026-11&kind=township")
            XCTAssertEqual(computed.status, .seeOther, computed.text)
            let assessor = Caller(staff: Staff(accountID: 0, username: "assessor", displayName: "测试assessor", role: .assessor,
                                               jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.township)))), ip: "t")
            let unit = "township:\(SampleAreas.township)"
            let before = try await Assessments(platform: d.platform).standing(periodKey: "2026-11", unit: unit, caller: assessor)
            XCTAssertEqual(before.score.awarded, 0)

            let id = try d.id(try await d.post("/assessment/awards", by: "disp", Self.award(points: "3", title: "调解室建设")))
            let approved = try await d.post("/assessment/awards/\(id)/approve", by: "assessor", "points=&note=")
            XCTAssertEqual(approved.status, .seeOther, approved.text)
            let deducted = try await d.post("/assessment/deductions", by: "assessor",
                                            "unit=\(unit)&period=2026-11&points=1.5&reason=\(Self.encoded("通报批评"))&documentNumber=\(Self.encoded("九政法通〔2026〕3号"))")
            XCTAssertEqual(deducted.status, .seeOther, deducted.text)
            let after = try await Assessments(platform: d.platform).standing(periodKey: "2026-11", unit: unit, caller: assessor)
            XCTAssertEqual(after.score.awarded, 3)
            XCTAssertEqual(after.score.deducted, 1.5)
            XCTAssertEqual(after.score.total, before.score.total + 1.5)
            let quarter = try await Assessments(platform: d.platform).ranking(periodKey: "2026-Q4", kind: "township", caller: assessor)
            XCTAssertNil(quarter.computedAt, "the quarter was never scored, so nothing scored it")
        }
    }

    func testTheRequestFormTakesEvidenceFilesThatDownloadFromTheDetailPage() async throws {
        try await Self.each { d in
            let boundary = "AwardBoundary"
            var body = Data()
            let texts = [("period", "2026-11"), ("points", "2"), ("title", "调解室建设"), ("description", "建成标准化调解室,化解纠纷三十余件"),
                         ("evidence", "见附件照片")]
            for (name, value) in texts {
                body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
            }
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"调解室.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8))
            body.append(Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 1]))
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            var headers = try await d.headers("disp")
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let made = try await d.client.execute(uri: "/assessment/awards", method: .post, headers: headers, body: ByteBuffer(data: body))
            let id = try d.id(made)
            let page = try await d.get("/assessment/awards/\(id)", by: "assessor")
            let link = try XCTUnwrap(firstMatch(#"href="(/assessment/awards/\d+/files/\d+)">调解室.jpg</a>"#, in: page.text), page.text)
            let file = try await d.get(link, by: "assessor")
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(file.headers[.contentType], "image/jpeg")
            XCTAssertEqual(Array(file.body.readableBytesView), [0xFF, 0xD8, 0xFF, 0xE0, 0, 1])
            let outside = try await d.get(link, by: "outassessor")
            XCTAssertEqual(outside.status, .notFound)
            let form = try await d.get("/assessment/awards", by: "disp")
            XCTAssertTrue(form.text.contains(#"enctype="multipart/form-data""#))
            try? FileManager.default.removeItem(at: d.platform.uploads.directory)
        }
    }

    func testDeductionsAreRecordedAndRevokedWithAReason() async throws {
        try await Self.each { d in
            let page = try await d.get("/assessment/deductions", by: "assessor")
            XCTAssertTrue(page.text.contains("记录通报批评扣分") && page.text.contains("沙河街道·派出所"), page.text)
            let body = "unit=township:\(SampleAreas.township)&period=2026-11&points=2&reason=\(Self.encoded("推诿扯皮"))"
                + "&documentNumber=\(Self.encoded("九综治通〔2026〕7号"))"
            let recorded = try await d.post("/assessment/deductions", by: "assessor", body)
            XCTAssertEqual(recorded.status, .seeOther, recorded.text)
            let outside = try await d.post("/assessment/deductions", by: "outassessor", body)
            XCTAssertEqual(outside.status, .notFound)
            let notAssessor = try await d.post("/assessment/deductions", by: "disp", body)
            XCTAssertEqual(notAssessor.status, .forbidden)
            let bad = try await d.post("/assessment/deductions", by: "assessor", "unit=township:\(SampleAreas.township)&period=2026-11&points=30")
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("请填写通报文号") && bad.text.contains("不超过 20 分"), bad.text)

            let id = try await d.platform.database.read { db in
                try await AssessmentAdjustmentRepository(db).deductions(.init(prefix: "15")).first?.id
            }
            let deduction = try XCTUnwrap(id)
            let seen = try await d.get("/assessment/deductions", by: "disp")
            XCTAssertTrue(seen.text.contains("九综治通〔2026〕7号"))
            XCTAssertFalse(seen.text.contains("撤销扣分"), "only assessors revoke")
            let noReason = try await d.post("/assessment/deductions/\(deduction)/revoke", by: "assessor", "reason=")
            XCTAssertEqual(noReason.status, .unprocessableContent)
            XCTAssertTrue(noReason.text.contains("请填写撤销理由"))
            let revoked = try await d.post("/assessment/deductions/\(deduction)/revoke", by: "assessor", "reason=\(Self.encoded("文号有误"))")
            XCTAssertEqual(revoked.status, .seeOther)
            let again = try await d.post("/assessment/deductions/\(deduction)/revoke", by: "assessor", "reason=x")
            XCTAssertEqual(again.status, .conflict)
            let outsideRevoke = try await d.post("/assessment/deductions/\(deduction)/revoke", by: "outassessor", "reason=x")
            XCTAssertEqual(outsideRevoke.status, .notFound)
            let list = try await d.get("/assessment/deductions?revoked=yes", by: "disp")
            XCTAssertTrue(list.text.contains("已撤销") && list.text.contains("文号有误"), list.text)
        }
    }

    func testAppealsArePrefilledFiledAndDecidedOnce() async throws {
        try await Self.each { d in
            let prefilled = try await d.get(
                "/assessment/appeals?period=2026-Q4&unit=township:\(SampleAreas.township)&indicator=satisfaction&case=AJ123", by: "disp")
            XCTAssertEqual(prefilled.status, .ok)
            XCTAssertTrue(prefilled.text.contains(#"<option value="2026-Q4" selected>"#), "the period from the link")
            XCTAssertTrue(prefilled.text.contains(#"<option value="satisfaction" selected>"#), "the indicator from the link")
            XCTAssertTrue(prefilled.text.contains(#"value="AJ123""#), "the case from the link")

            let short = try await d.post("/assessment/appeals", by: "disp", "period=2026-11&indicator=overdue&reasons=\(Self.encoded("不服"))")
            XCTAssertEqual(short.status, .unprocessableContent)
            XCTAssertTrue(short.text.contains("申诉理由至少写10个字"))
            let wrongIndicator = try await d.post("/assessment/appeals", by: "disp",
                                                  "period=2026-11&indicator=patrol_coverage&reasons=\(Self.encoded("理由写满十个字以上的申诉"))")
            XCTAssertTrue(wrongIndicator.text.contains("巡查覆盖率不适用于乡镇(街道)"), wrongIndicator.text)
            let noCase = try await d.post("/assessment/appeals", by: "disp",
                                          "period=2026-11&indicator=overdue&case=AJ404&reasons=\(Self.encoded("理由写满十个字以上的申诉"))")
            XCTAssertEqual(noCase.status, .notFound)
            let id = try d.id(try await d.post("/assessment/appeals", by: "disp",
                                                "period=2026-11&indicator=overdue&reasons=\(Self.encoded("该件为上级交办的跨区域事项"))"))
            let pending = try await d.post("/assessment/appeals", by: "disp",
                                           "period=2026-11&indicator=overdue&reasons=\(Self.encoded("该件为上级交办的跨区域事项"))")
            XCTAssertEqual(pending.status, .conflict)

            let form = try await d.get("/assessment/appeals/\(id)", by: "assessor")
            XCTAssertTrue(form.text.contains("处理申诉"))
            let noNote = try await d.post("/assessment/appeals/\(id)/decide", by: "assessor", "decision=upheld&note=")
            XCTAssertEqual(noNote.status, .unprocessableContent)
            XCTAssertTrue(noNote.text.contains("请填写处理意见"))
            let notAssessor = try await d.post("/assessment/appeals/\(id)/decide", by: "disp", "decision=upheld&note=x")
            XCTAssertEqual(notAssessor.status, .forbidden)
            let outside = try await d.post("/assessment/appeals/\(id)/decide", by: "outassessor", "decision=upheld&note=x")
            XCTAssertEqual(outside.status, .notFound)
            let upheld = try await d.post("/assessment/appeals/\(id)/decide", by: "assessor", "decision=upheld&note=\(Self.encoded("属实"))")
            XCTAssertEqual(upheld.status, .seeOther)
            let twice = try await d.post("/assessment/appeals/\(id)/decide", by: "assessor", "decision=rejected&note=x")
            XCTAssertEqual(twice.status, .conflict)
            let shown = try await d.get("/assessment/appeals/\(id)", by: "disp")
            XCTAssertTrue(shown.text.contains("申诉成立") && shown.text.contains("属实"))
            let exclusions = try await AssessmentAdjustments(database: d.platform.database)
                .exclusions(periodKeys: ["2026-11"], unitKind: .township)
            XCTAssertEqual(exclusions, [AssessmentExclusion(unit: AssessedUnit(.township, SampleAreas.township), indicator: AssessmentIndicator.overdue.key)])
            let gridWorker = try await d.get("/assessment/appeals", by: "grid")
            XCTAssertEqual(gridWorker.status, .forbidden)
        }
    }
}
