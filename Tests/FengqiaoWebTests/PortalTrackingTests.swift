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

/// The portal's promise about tracking codes: a code shows its own case's progress and public replies and
/// nothing of any party (not even the reporter's own name, phone or address, in full or masked) and nothing of
/// any other case; and guessing codes is rate-limited per client — on SQLite and PostgreSQL.
final class PortalTrackingTests: XCTestCase {
    func testATrackingCodeNeverRevealsAnyPartysDataOrAnotherCase() async throws {
        try await CaseDesk.each { d in
            // Case A: a resident's report with name, phone and address; worked with a public and an internal note.
            let filed = try await d.client.execute(
                uri: "/api/v1/reports", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: #"{"category":"邻里纠纷","description":"楼上邻居装修噪音扰民甲","address":"康乐小区3号楼2单元","gridCode":"\#(SampleAreas.grid)","contactName":"王芳","contactPhone":"13800138000"}"#))
            XCTAssertEqual(filed.status, .created, filed.text)
            let a = try filed.json()
            let numberA = try XCTUnwrap(a["number"] as? String)
            let codeA = try XCTUnwrap(a["trackingCode"] as? String)
            try await d.run(numberA, "accept", by: "desk", expect: "accepted")
            try await d.run(numberA, "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
            try await d.run(numberA, "sign-for", by: "lead", expect: "inProgress")
            try await d.run(numberA, "add-progress", by: "lead", #"{"note":"已上门了解情况","isPublic":true}"#, expect: "inProgress")
            try await d.run(numberA, "add-progress", by: "lead", #"{"note":"内部备注:被反映人孙刚电话13922223333","isPublic":false}"#,
                            expect: "inProgress")
            // Case B: registered at the desk with two parties.
            let openedB = try await d.post("/api/v1/cases", by: "desk", body: """
                {"channel":"walkIn","kind":"dispute","description":"案件乙的来访情况说明","gridCode":"\(SampleAreas.grid)",
                 "address":"幸福里5号","contactName":"赵敏","contactPhone":"13911112222",
                 "parties":[{"side":"applicant","name":"赵敏","phone":"13911112222"},{"side":"respondent","name":"钱多多","phone":"13733334444"}]}
                """)
            XCTAssertEqual(openedB.status, .created, openedB.text)
            let numberB = try XCTUnwrap(try openedB.json()["number"] as? String)
            try await d.run(numberB, "accept", by: "desk", expect: "accepted")

            let page = try await d.client.execute(uri: "/track?code=\(codeA)", method: .get, headers: htmlHeaders)
            XCTAssertEqual(page.status, .ok)
            let json = try await d.client.execute(uri: "/api/v1/reports/\(codeA)", method: .get)
            XCTAssertEqual(json.status, .ok)
            for answer in [page.text, json.text] {
                XCTAssertTrue(answer.contains(numberA))
                XCTAssertTrue(answer.contains("已上门了解情况"), "the public progress note")
                for secret in [
                    // The reporter's own identifiers, in full and masked, and the place and story.
                    "王芳", "13800138000", "138****8000", "康乐小区3号楼", "楼上邻居装修噪音扰民甲",
                    // The internal note and whom it names; the staff and the department.
                    "内部备注", "孙刚", "13922223333", "测试用户", "派出所",
                    // Everything of case B.
                    numberB, "赵敏", "13911112222", "139****2222", "钱多多", "13733334444", "幸福里5号", "案件乙",
                ] {
                    XCTAssertFalse(answer.contains(secret), "the tracking answer shows no \(secret)")
                }
            }
            // The JSON answer has only the public fields.
            let keys = Set(try json.json().keys)
            XCTAssertTrue(keys.isSubset(of: ["number", "trackingCode", "kindName", "category", "state", "stateName",
                                             "reportedAt", "updatedAt", "steps", "replies", "satisfaction", "canRate"]),
                          "\(keys)")
        }
    }

    func testGuessingCodesIsRateLimitedPerClientAndAValidCodeWaitsTooUntilTheWindowPasses() async throws {
        let clock = ManualClock()
        let limits = ReportLimits(perAddress: nil, perPhone: nil, failedLookups: RateLimit(count: 3, window: 600))
        try await ReportClient.run(limits: limits, clock: clock, each: true) { r in
            let filed = try await r.apiJSON(#"{"kind":"dispute","description":"楼道堆物影响通行","gridCode":"\#(SampleAreas.grid)"}"#)
            XCTAssertEqual(filed.status, .created, filed.text)
            let code = try XCTUnwrap(try filed.json()["trackingCode"] as? String)
            // Found codes do not count, however often.
            for _ in 0..<5 {
                let found = try await r.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
                XCTAssertEqual(found.status, .ok)
            }
            // Three wrong codes (unknown or malformed) are answered as such …
            let unknown = try await r.client.execute(uri: "/track?code=ZZZZ-ZZZZ-ZZZZ", method: .get, headers: htmlHeaders)
            XCTAssertEqual(unknown.status, .notFound)
            let malformed = try await r.client.execute(uri: "/api/v1/reports/not-a-code", method: .get)
            XCTAssertEqual(malformed.status, .unprocessableContent)
            let rating = try await r.client.execute(
                uri: "/track/rating", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .accept: "text/html", .cookie: "fq_track_csrf=t"],
                body: ByteBuffer(string: "_csrf=t&code=YYYY-YYYY-YYYY&satisfaction=satisfied"))
            XCTAssertEqual(rating.status, .notFound)
            // … the fourth is refused, and so is the valid code, on the page, the API and the rating form.
            let limited = try await r.client.execute(uri: "/track?code=XXXX-XXXX-XXXX", method: .get, headers: htmlHeaders)
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertTrue(limited.text.contains("查询过于频繁"), limited.text)
            XCTAssertTrue(limited.text.contains(#"data-code="rate_limited""#), limited.text)
            XCTAssertNotNil(limited.headers[.retryAfter])
            let valid = try await r.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
            XCTAssertEqual(valid.status, .tooManyRequests)
            XCTAssertFalse(valid.text.contains("楼道堆物"))
            let api = try await r.client.execute(uri: "/api/v1/reports/\(code)", method: .get)
            XCTAssertEqual(api.status, .tooManyRequests)
            XCTAssertEqual(try api.json()["code"] as? String, "rate_limited")
            XCTAssertTrue((try api.json()["detail"] as? String ?? "").contains("分钟后再试"), api.text)
            let rate = try await r.client.execute(
                uri: "/track/rating", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .accept: "text/html", .cookie: "fq_track_csrf=t"],
                body: ByteBuffer(string: "_csrf=t&code=\(code)&satisfaction=satisfied"))
            XCTAssertEqual(rate.status, .tooManyRequests)
            // Once the window has passed the valid code is answered again.
            clock.advance(minutes: 11)
            let later = try await r.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
            XCTAssertEqual(later.status, .ok)
            let laterAPI = try await r.client.execute(uri: "/api/v1/reports/\(code)", method: .get)
            XCTAssertEqual(laterAPI.status, .ok)
        }
    }
}
