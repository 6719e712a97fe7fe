import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// 满意度调查 through the router on SQLite and PostgreSQL: an assessor draws a round through the form, an operator
/// reveals a number (audited) and records the answers, the round's page shows the figures; field errors re-render
/// the forms in Chinese (422) and every refusal is 403 or 404, never 5xx.
final class SurveyRoutesTests: XCTestCase {
    typealias D = CaseDesk

    static func prepare(_ d: D) async throws {
        try await TestAccounts.create("assessor", role: .assessor, area: SampleAreas.county, in: d.platform.database)
        let registrar = Caller(staff: Staff(accountID: 99, username: "reg", displayName: "登记", role: .gridWorker,
                                            jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                               ip: "test")
        for n in 1...3 {
            _ = try await ResidentRegistry(platform: d.platform).register(ResidentSubmission(
                name: "居民\(n)", idNumber: ResidentIdentityNumber(division: "150207", birthDate: "19850101", sequence: n)?.rawValue,
                phone: "1370000000\(n)", gridCode: SampleAreas.grid, address: "阳光花园\(n)栋"), caller: registrar)
        }
    }

    static func html(_ d: D, _ uri: String, by user: String, method: HTTPRequest.Method = .get, form: String? = nil)
        async throws -> TestResponse
    {
        var headers = try await d.headers(user)
        headers[.accept] = "text/html"
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: "_csrf=\(headers[HTTPField.Name("X-CSRF-Token")!] ?? "")&" + form)
        }
        return try await d.client.execute(uri: uri, method: method, headers: headers, body: body)
    }

    func testAnAssessorDrawsARoundAndAnOperatorCallsThroughThePages() async throws {
        try await D.each { d in
            try await Self.prepare(d)
            let list = try await Self.html(d, "/surveys", by: "assessor")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("抽样并生成拨打名单"))
            XCTAssertEqual(HTMLAudit.problems(list.text), [])
            let bad = try await Self.html(d, "/surveys", by: "assessor", method: .post,
                                          form: "areaCode=\(SampleAreas.county)&year=2026&period=7&source=residents&perTownship=2")
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("期次应为1至6"), bad.text)
            XCTAssertEqual(HTMLAudit.problems(bad.text), [])
            let made = try await Self.html(d, "/surveys", by: "assessor", method: .post,
                                           form: "areaCode=\(SampleAreas.county)&year=2026&period=5&source=residents&perTownship=2")
            XCTAssertEqual(made.status, .seeOther, made.text)
            let location = try XCTUnwrap(made.headers[.location])
            XCTAssertTrue(location.hasPrefix("/surveys/"), location)

            let calls = try await Self.html(d, location + "/calls", by: "desk")
            XCTAssertEqual(calls.status, .ok)
            XCTAssertTrue(calls.text.contains("137****000"))
            XCTAssertEqual(HTMLAudit.problems(calls.text), [])
            let reveal = try XCTUnwrap(firstMatch(#"action="(/surveys/\d+/calls/\d+/reveal)""#, in: calls.text))
            let revealed = try await Self.html(d, reveal, by: "desk", method: .post, form: "")
            XCTAssertEqual(revealed.status, .ok)
            XCTAssertNotNil(firstMatch(#"<strong>(1370000000\d)</strong>"#, in: revealed.text), revealed.text)
            XCTAssertEqual(HTMLAudit.problems(revealed.text), [])
            let audited = try await d.platform.database.read {
                try await $0.select().column("object_id").from("audit_log").where("action", .equal, "survey.reveal").all()
            }
            XCTAssertEqual(audited.count, 1)

            let item = String(reveal.dropLast("/reveal".count))
            let invalid = try await Self.html(d, item, by: "desk", method: .post,
                                              form: "outcome=answered&safety=very_safe&satisfaction=satisfied")
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("安全感回答不在可选项内"))
            XCTAssertEqual(HTMLAudit.problems(invalid.text), [])
            let answered = try await Self.html(d, item, by: "desk", method: .post,
                                               form: "outcome=answered&safety=fairly_safe&satisfaction=satisfied&comment=夜间路灯不亮")
            XCTAssertEqual(answered.status, .seeOther)
            let twice = try await Self.html(d, item, by: "desk", method: .post,
                                            form: "outcome=answered&safety=safe&satisfaction=satisfied")
            XCTAssertEqual(twice.status, .conflict)

            let page = try await Self.html(d, location, by: "boss")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("2026年第5期群众安全感满意度电话调查"))
            XCTAssertTrue(page.text.contains("夜间路灯不亮"))
            XCTAssertTrue(page.text.contains("100.0%"), "安全感 and 满意度 of the one answer")
            XCTAssertTrue(page.text.contains("50.0%"), "应答率 1 of 2")
            XCTAssertEqual(HTMLAudit.problems(page.text), [])
        }
    }

    func testRefusalsAreForbiddenOrNotFound() async throws {
        try await D.each { d in
            try await Self.prepare(d)
            let made = try await Self.html(d, "/surveys", by: "assessor", method: .post,
                                           form: "areaCode=\(SampleAreas.township)&year=2026&period=5&source=residents&perTownship=1")
            let location = try XCTUnwrap(made.headers[.location])
            let gridWorker = try await Self.html(d, "/surveys", by: "grid")
            XCTAssertEqual(gridWorker.status, .forbidden)
            let assessorCalls = try await Self.html(d, location + "/calls", by: "assessor")
            XCTAssertEqual(assessorCalls.status, .forbidden)
            let outsider = try await Self.html(d, location, by: "outsider")
            XCTAssertEqual(outsider.status, .notFound)
            let outsiderCalls = try await Self.html(d, location + "/calls", by: "outsider")
            XCTAssertEqual(outsiderCalls.status, .notFound)
            let garbage = try await Self.html(d, "/surveys/abc", by: "boss")
            XCTAssertEqual(garbage.status, .notFound)
            let missing = try await Self.html(d, "/surveys/999999/calls/1", by: "desk", method: .post, form: "outcome=refused")
            XCTAssertEqual(missing.status, .notFound)
            let dispatcher = try await Self.html(d, "/surveys", by: "disp", method: .post,
                                                 form: "areaCode=\(SampleAreas.township)&year=2026&period=4&source=residents&perTownship=1")
            XCTAssertEqual(dispatcher.status, .forbidden)
            let elsewhere = try await Self.html(d, "/surveys", by: "assessor", method: .post,
                                                form: "areaCode=150203001000&year=2026&period=4&source=residents&perTownship=1")
            XCTAssertEqual(elsewhere.status, .notFound)
            let again = try await Self.html(d, "/surveys", by: "assessor", method: .post,
                                            form: "areaCode=\(SampleAreas.township)&year=2026&period=5&source=residents&perTownship=1")
            XCTAssertEqual(again.status, .conflict)
            let badOutcome = try await Self.html(d, location + "/calls/1", by: "desk", method: .post, form: "outcome=maybe")
            XCTAssertEqual(badOutcome.status, .unprocessableContent)
        }
    }
}
