import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The petition documents printed by the real headless Chromium and read back with `pdftotext`:
/// 不予受理告知书, 不再受理告知书 and 答复意见书, downloaded by whoever sees the petition and audited.
final class PetitionDocumentTests: XCTestCase {
    typealias D = PetitionDesk

    private static func pdf(_ d: PetitionDesk, _ id: Any, _ kind: String, by username: String = "officer") async throws -> String {
        let response = try await d.get("/petitions/\(id)/documents/\(kind)", by: username, html: true)
        XCTAssertEqual(response.status, .ok, response.text)
        XCTAssertEqual(response.headers[.contentType], "application/pdf")
        XCTAssertTrue(response.headers[.contentDisposition]?.contains("attachment") ?? false)
        let document = PrintedDocument(Data(buffer: response.body))
        // Lines break inside words; compare the text without its layout.
        return try document.text().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
    }

    func testNoticesAndTheReplyAsPDF() async throws {
        try await D.each(start: D.beijing("2026-09-22 09:00")) { d in
            let declined = try await d.register(D.body(petitioners: [("李娜", D.otherIdNumber, nil)]))
            try await d.act(declined["id"] ?? 0, "decision",
                            #"{"decision":"decline","reason":"属于劳动仲裁受理范围","noticeChannel":"letter"}"#)
            let notice = try await Self.pdf(d, declined["id"] ?? 0, "notice")
            for text in ["不予受理告知书", "李娜", "属于劳动仲裁受理范围", "沙河街道信访工作机构", "来访", "某建筑公司"] {
                XCTAssertTrue(notice.contains(text), "\(text) in:\n\(notice)")
            }
            XCTAssertFalse(notice.contains(D.otherIdNumber), "no identifier on paper")

            let accepted = try await d.register()
            let repeat_ = try await d.register(D.body(form: "letter", persons: nil, petitioners: [("张伟", D.idNumber, nil)]))
            try await d.act(repeat_["id"] ?? 0, "decision", #"{"decision":"不再受理","reason":"同一事项正在办理"}"#)
            let again = try await Self.pdf(d, repeat_["id"] ?? 0, "notice", by: "grid")
            XCTAssertTrue(again.contains("不再受理告知书") && again.contains("同一事项正在办理"), again)

            let id = try XCTUnwrap(accepted["id"] as? Int)
            try await d.act(id, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            let missing = try await d.get("/petitions/\(id)/documents/reply", by: "officer", html: true)
            XCTAssertEqual(missing.status, .notFound, "no reply yet")
            try await d.handle(accepted)
            let replied = try await d.act(id, "reply", #"{"reply":"用工单位已结清所欠工资","channel":"letter"}"#)
            let reply = try await Self.pdf(d, id, "reply")
            // Replied Tuesday 2026-09-22: 30 working days, with 中秋 and 国庆 off and Saturday 10-10 worked → 11-10.
            XCTAssertEqual(replied["reviewWindowEnds"] as? String, D.iso("2026-11-10 17:30"))
            for text in ["答复意见书", "张伟", "用工单位已结清所欠工资", "请求复查", "30个工作日内(至2026年11月10日)", "2026年9月22日"] {
                XCTAssertTrue(reply.contains(text), "\(text) in:\n\(reply)")
            }
            let api = try await d.get("/api/v1/petitions/\(id)/documents/reply", by: "officer")
            XCTAssertEqual(api.headers[.contentType], "application/pdf")
            let outside = try await d.get("/petitions/\(id)/documents/reply", by: "outsider", html: true).status
            XCTAssertEqual(outside, .notFound)
            let auditor = try await d.get("/petitions/\(id)/documents/reply", by: "auditor", html: true).status
            XCTAssertEqual(auditor, .forbidden)
            let downloads = try await d.count("audit_log", where: ("action", "petition.document"))
            XCTAssertEqual(downloads, 4)
            try PrintedDocument(Data(buffer: api.body)).firstPagePNG(named: "petition-reply")
        }
    }
}
