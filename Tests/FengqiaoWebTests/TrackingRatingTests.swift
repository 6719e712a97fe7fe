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

/// The tracking page for residents (一案一码): progress and public replies only, and the rating once the
/// case is closed, through the engine's `revisit` on channel portal — on SQLite and PostgreSQL.
final class TrackingRatingTests: XCTestCase {
    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"]

    /// Files a report on the sample grid through the API; returns its number and tracking code.
    static func report(_ d: CaseDesk) async throws -> (number: String, code: String) {
        let response = try await d.client.execute(
            uri: "/api/v1/reports", method: .post, headers: jsonHeaders,
            body: ByteBuffer(string: #"{"category":"邻里纠纷","description":"楼上邻居装修噪音扰民","gridCode":"\#(SampleAreas.grid)","contactName":"王芳","contactPhone":"13800138000"}"#))
        XCTAssertEqual(response.status, .created, response.text)
        let json = try response.json()
        return (try XCTUnwrap(json["number"] as? String), try XCTUnwrap(json["trackingCode"] as? String))
    }

    static func close(_ n: String, _ d: CaseDesk) async throws {
        try await d.run(n, "accept", by: "desk", expect: "accepted")
        try await d.run(n, "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
        try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
        try await d.run(n, "add-progress", by: "lead", #"{"note":"已上门了解情况","isPublic":true}"#, expect: "inProgress")
        try await d.run(n, "add-progress", by: "lead", #"{"note":"内部备注:当事人李强有前科","isPublic":false}"#, expect: "inProgress")
        try await d.run(n, "feedback", by: "lead", #"{"result":"双方和解","evidence":["photo-1"]}"#, expect: "handled")
        try await d.run(n, "verify", by: "disp", #"{"pass":true}"#, expect: "verified")
        try await d.run(n, "close", by: "desk", #"{"reply":"经调解,邻居已调整施工时间","channel":"portal"}"#, expect: "closed")
    }

    /// Posts the rating form with a token of its own (a double-submit cookie is any value the cookie repeats).
    static func rate(_ code: String, _ satisfaction: String, _ d: CaseDesk, token: String? = "t0ken") async throws -> TestResponse {
        var headers = Self.formHeaders
        if let token { headers[.cookie] = "fq_track_csrf=\(token)" }
        return try await d.client.execute(uri: "/track/rating", method: .post, headers: headers,
                                          body: ByteBuffer(string: "_csrf=t0ken&code=\(code)&satisfaction=\(satisfaction)"))
    }

    func testAResidentRatesAClosedCaseOnceFromTheTrackingPage() async throws {
        try await CaseDesk.each { d in
            let (n, code) = try await Self.report(d)
            // Rating an open case is refused in words for residents.
            let early = try await Self.rate(code, "satisfied", d)
            XCTAssertEqual(early.status, .conflict)
            XCTAssertTrue(early.text.contains("案件当前为“已上报”,办结后才能评价"), early.text)
            let open = try await d.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
            XCTAssertFalse(open.text.contains("/track/rating"), "no rating form before closure")

            try await Self.close(n, d)
            let page = try await d.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
            XCTAssertTrue(page.text.contains("案件已办结,请您评价"))
            for rating in ["满意", "基本满意", "不满意"] { XCTAssertTrue(page.text.contains(rating)) }
            XCTAssertNotNil(cookieValue("fq_track_csrf", in: page))
            XCTAssertTrue(page.text.contains("经调解,邻居已调整施工时间"), "the closing reply")
            XCTAssertTrue(page.text.contains("已上门了解情况"), "a public progress note")
            for secret in ["内部备注", "李强", "王芳", "13800138000", "138****8000", "desk", "派出所", "双方和解"] {
                XCTAssertFalse(page.text.contains(secret), "the tracking page shows no \(secret)")
            }

            let forged = try await Self.rate(code, "satisfied", d, token: nil)
            XCTAssertEqual(forged.status, .forbidden)
            let unknown = try await Self.rate(code, "great", d)
            XCTAssertEqual(unknown.status, .unprocessableContent)
            XCTAssertTrue(unknown.text.contains("评价不在可选范围内"))
            let missing = try await Self.rate(code, "", d)
            XCTAssertTrue(missing.text.contains("请选择满意、基本满意或不满意"))
            let wrongCode = try await Self.rate("ZZZZ-ZZZZ-ZZZZ", "satisfied", d)
            XCTAssertEqual(wrongCode.status, .notFound)

            let rated = try await Self.rate(code, "basicallySatisfied", d)
            XCTAssertEqual(rated.status, .seeOther, rated.text)
            XCTAssertEqual(rated.headers[.location], "/track?code=\(code.replacingOccurrences(of: "-", with: "%2D"))")
            let after = try await d.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
            XCTAssertTrue(after.text.contains("您的评价:<strong>基本满意</strong>"), after.text)
            XCTAssertFalse(after.text.contains("/track/rating"))
            let twice = try await Self.rate(code, "unsatisfied", d)
            XCTAssertEqual(twice.status, .conflict)
            XCTAssertTrue(twice.text.contains("该案件已评价或已归档"), twice.text)

            let view = try await d.get(n, by: "desk").json()
            XCTAssertEqual(view["state"] as? String, "archived")
            XCTAssertEqual(view["satisfaction"] as? String, "basicallySatisfied")
            let timeline = view["timeline"] as? [[String: Any]] ?? []
            XCTAssertEqual(timeline.last?["type"] as? String, "revisited")
            let audit = try await d.platform.database.read { db in
                try await db.select().column("actor").column("ip").from("audit_log").where("action", .equal, "case.revisit")
                    .all().map { try $0.decode(column: "actor", as: String.self) }
            }
            XCTAssertEqual(audit, ["requester"])
            let json = try await d.client.execute(uri: "/api/v1/reports/\(code)", method: .get).json()
            XCTAssertEqual(json["satisfaction"] as? String, "basicallySatisfied")
            XCTAssertEqual(json["canRate"] as? Bool, false)
            XCTAssertEqual((json["replies"] as? [[String: Any]])?.map { $0["label"] as? String }, ["办理进展", "结案答复"])
        }
    }

    func testAnUnsatisfiedRatingReopensTheCaseAndCannotBeRepeatedWhileItIsWorked() async throws {
        try await CaseDesk.each { d in
            let (n, code) = try await Self.report(d)
            try await Self.close(n, d)
            let rated = try await Self.rate(code, "unsatisfied", d)
            XCTAssertEqual(rated.status, .seeOther, rated.text)
            let view = try await d.get(n, by: "desk").json()
            XCTAssertEqual(view["state"] as? String, "inProgress", "不满意 reopens the case")
            let again = try await Self.rate(code, "satisfied", d)
            XCTAssertEqual(again.status, .conflict)
            XCTAssertTrue(again.text.contains("您已评价,案件正在重新办理"), again.text)
        }
    }
}
