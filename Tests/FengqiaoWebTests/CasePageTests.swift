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

/// The staff case page: a case driven through the page's forms only, the forms each role is offered,
/// field errors re-rendered with nothing written, CSRF, jurisdiction and the audited reveal.
final class CasePageTests: XCTestCase {
    /// A signed-in browser on the case page.
    struct Browser {
        let desk: CaseDesk
        let cookie: String
        let csrf: String

        static func of(_ username: String, _ desk: CaseDesk) async throws -> Browser {
            let signedIn = try await Authentication(platform: desk.platform).signIn(
                username: username, password: TestAccounts.password, ip: "10.1.0.9")
            return Browser(desk: desk, cookie: "fq_session=\(signedIn.token)", csrf: signedIn.session.csrfToken)
        }

        func page(_ number: String) async throws -> TestResponse {
            try await desk.client.execute(uri: "/cases/\(number)", method: .get,
                                          headers: [.cookie: cookie, .accept: "text/html"])
        }

        /// Posts a page form (`fields` URL-encoded, the CSRF token in `_csrf` unless `csrf` is false).
        func post(_ number: String, _ command: String, _ fields: [(String, String)] = [], csrf: Bool = true)
            async throws -> TestResponse
        {
            let all = (csrf ? [("_csrf", self.csrf)] : []) + fields
            let body = all.map { "\($0)=\(Self.encoded($1))" }.joined(separator: "&")
            return try await desk.client.execute(
                uri: "/cases/\(number)/\(command)", method: .post,
                headers: [.cookie: cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: body))
        }

        /// Posts a form that must succeed: 303 back to the page with its status line; returns the page.
        @discardableResult
        func act(_ number: String, _ command: String, _ fields: [(String, String)] = [], file: StaticString = #filePath,
                 line: UInt = #line) async throws -> String {
            let response = try await post(number, command, fields)
            XCTAssertEqual(response.status, .seeOther, "\(command): \(CasePageTests.errors(response.text))", file: file, line: line)
            XCTAssertEqual(response.headers[.location], "/cases/\(number)?done=\(command)", file: file, line: line)
            let page = try await desk.client.execute(uri: "/cases/\(number)?done=\(command)", method: .get,
                                                     headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(page.status, .ok, file: file, line: line)
            return page.text
        }

        static func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }
    }

    /// The messages the page shows as errors.
    static func errors(_ html: String) -> [String] {
        html.components(separatedBy: "class=\"field-error\"").dropFirst().compactMap {
            $0.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
    }

    /// The commands whose forms the page shows, in page order.
    static func forms(_ html: String) -> [String] {
        html.components(separatedBy: "data-command=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    static func offered(_ username: String, _ number: String, _ desk: CaseDesk) async throws -> [String] {
        let page = try await Browser.of(username, desk).page(number)
        XCTAssertEqual(page.status, .ok, "\(username): \(page.text.prefix(300))")
        return Self.forms(page.text)
    }

    static func count(_ table: String, _ platform: Platform) async throws -> Int {
        try await platform.database.read { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
                .decode(column: "n", as: Int.self) ?? -1
        }
    }

    func testACaseDrivenThroughThePageFormsFromAcceptanceToRevisit() async throws {
        try await CaseDesk.each { desk in
            let number = try await desk.open()
            let operatorDesk = try await Browser.of("desk", desk)
            var html = try await operatorDesk.page(number).text
            XCTAssertTrue(html.contains("已上报"))
            XCTAssertTrue(html.contains("邻居装修噪音扰民"))
            XCTAssertTrue(html.contains("138****8000"), "phones are masked")
            XCTAssertFalse(html.contains("13800138000"))
            XCTAssertTrue(html.contains("受理登记") || html.contains("上报"))
            XCTAssertTrue(html.contains("<svg"), "the grid's map")
            XCTAssertFalse(html.contains("style="), "no style attributes under the CSP")
            XCTAssertFalse(html.contains("<script"))
            XCTAssertEqual(Self.forms(html), ["accept", "reject", "merge", "withdraw"])
            let handlerForms = try await Browser.of("lead", desk).page(number)
            XCTAssertEqual(handlerForms.status, .notFound, "a department not involved does not see the case")
            let gridWorkerForms = try await Self.offered("grid", number, desk)
            XCTAssertEqual(gridWorkerForms, [], "a desk's report waits for the centre; the grid worker only reads it")

            html = try await operatorDesk.act(number, "accept", [("kind", "dispute"), ("urgency", "normal"), ("tier", "grid")])
            XCTAssertTrue(html.contains("已立案。"), "the status line")
            XCTAssertTrue(html.contains("<strong>立案</strong>"))
            XCTAssertEqual(Self.forms(html), ["merge", "withdraw"], "the desk operator neither dispatches nor escalates")
            let dispatcherForms = try await Self.offered("disp", number, desk)
            XCTAssertEqual(dispatcherForms, ["merge", "dispatch", "escalate", "whistle", "supervise", "withdraw"],
                           "a township dispatcher also supervises a grid-tier case")

            let dispatcher = try await Browser.of("disp", desk)
            html = try await dispatcher.act(number, "dispatch", [("lead", String(desk.lead)), ("assisting", String(desk.assisting))])
            XCTAssertTrue(html.contains("已派遣"))
            XCTAssertTrue(html.contains("派出所(待签收)"), html)
            XCTAssertTrue(html.contains("sla-bar"), "an SLA bar per clock")
            let leadForms = try await Self.offered("lead", number, desk)
            XCTAssertEqual(leadForms, ["sign-for", "return"])
            let assistingForms = try await Self.offered("assist", number, desk)
            XCTAssertEqual(assistingForms, ["sign-for"], "an assisting department signs for its part, never returns")

            let handler = try await Browser.of("lead", desk)
            html = try await handler.act(number, "sign-for")
            XCTAssertTrue(html.contains("办理中"))
            XCTAssertTrue(html.contains("主办部门签收"))
            XCTAssertEqual(Self.forms(html), ["record-attempt", "request-extension", "add-progress", "feedback"])
            html = try await handler.act(number, "add-progress", [("note", "已约双方到所调解"), ("isPublic", "true")])
            XCTAssertTrue(html.contains("已约双方到所调解"))
            html = try await handler.act(number, "feedback", [("result", "双方达成协议,装修改在白天"), ("waivedAssisting", String(desk.assisting))])
            XCTAssertTrue(html.contains("已反馈"))
            XCTAssertTrue(html.contains("双方达成协议,装修改在白天"), "the result on the timeline")
            XCTAssertEqual(Self.forms(html), [], "the lead waits for verification")

            html = try await dispatcher.act(number, "verify", [("pass", "true")])
            XCTAssertTrue(html.contains("已核查"))
            let closing = try await operatorDesk.page(number).text
            XCTAssertEqual(Self.forms(closing), ["close", "withdraw"])
            html = try await operatorDesk.act(number, "close", [("reply", "已协调解决,装修限白天进行"), ("channel", "phone")])
            XCTAssertTrue(html.contains("已结案"))
            XCTAssertTrue(html.contains("已协调解决,装修限白天进行"))
            XCTAssertEqual(Self.forms(html), ["revisit"])
            html = try await operatorDesk.act(number, "revisit", [("satisfaction", "satisfied"), ("channel", "phone")])
            XCTAssertTrue(html.contains("已归档"))
            XCTAssertTrue(html.contains("回访:满意"))
            XCTAssertEqual(Self.forms(html), [])
            for label in ["上报", "立案", "派遣", "主办部门签收", "办理进展", "反馈办理结果", "核查通过", "结案答复", "回访:满意"] {
                XCTAssertTrue(html.contains("<strong>\(label)</strong>"), label)
            }
            XCTAssertFalse(html.contains("account:"), "actors by name and role, not by account key")
            XCTAssertTrue(html.contains("(指挥调度员)"), "the dispatcher's step names the role")
            let api = try await desk.get(number, by: "desk").json()
            XCTAssertEqual(api["state"] as? String, "archived")
        }
    }

    func testReturnAndReassignAndEscalationThroughThePage() async throws {
        try await CaseDesk.each { desk in
            let number = try await desk.open()
            let operatorDesk = try await Browser.of("desk", desk)
            let dispatcher = try await Browser.of("disp", desk)
            try await operatorDesk.act(number, "accept", [("kind", "dispute"), ("urgency", "normal"), ("tier", "grid")])
            var html = try await dispatcher.act(number, "escalate", [("reason", "网格多次调解未果")])
            XCTAssertTrue(html.contains("升级至村社首调"))
            XCTAssertTrue(html.contains("村社首调 · 本级已调解 0/"), "the ladder's new rung")
            try await dispatcher.act(number, "dispatch", [("lead", String(desk.lead))])
            let handler = try await Browser.of("lead", desk)
            html = try await handler.act(number, "return", [("reason", "不属于本部门职责")])
            XCTAssertTrue(html.contains("不属于本部门职责"))
            let other = try await Browser.of("other", desk).page(number)
            XCTAssertEqual(other.status, .notFound)
            html = try await dispatcher.page(number).text
            XCTAssertTrue(html.contains("已被退回,待裁定"))
            XCTAssertTrue(Self.forms(html).contains("rule-on-return"))
            XCTAssertFalse(Self.forms(html).contains("dispatch"), "a returned case is ruled on, not dispatched again")
            html = try await dispatcher.act(number, "rule-on-return", [("ruling", "reassign"), ("lead", String(desk.other))])
            XCTAssertTrue(html.contains("<strong>改派</strong>"))
            XCTAssertTrue(html.contains("司法所(待签收)"), html)
            let reassigned = try await Self.offered("other", number, desk)
            XCTAssertEqual(reassigned, ["sign-for", "return"])
        }
    }

    /// `2026-03-01T09:30`, Beijing time, as a `datetime-local` field sends it.
    static func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    func testExtensionWhistleAndCheckInThroughThePage() async throws {
        try await CaseDesk.each { desk in
            let number = try await desk.open()
            let operatorDesk = try await Browser.of("desk", desk)
            let dispatcher = try await Browser.of("disp", desk)
            let handler = try await Browser.of("lead", desk)
            try await operatorDesk.act(number, "accept", [("kind", "dispute"), ("urgency", "normal"), ("tier", "grid")])
            try await dispatcher.act(number, "dispatch", [("lead", String(desk.lead))])
            try await handler.act(number, "sign-for")
            let until = Self.local(desk.clock.now().addingTimeInterval(120 * 86_400))
            var html = try await handler.act(number, "request-extension", [("until", until), ("reason", "需等待鉴定结果")])
            XCTAssertTrue(html.contains("(待审批)"), "the pending extension in the details")
            let deciding = try await Self.offered("disp", number, desk)
            XCTAssertTrue(deciding.contains("approve-extension") && deciding.contains("deny-extension"), "\(deciding)")
            html = try await dispatcher.act(number, "approve-extension")
            XCTAssertTrue(html.contains("<strong>批准延期</strong>"))
            XCTAssertTrue(html.contains(until.replacingOccurrences(of: "T", with: " ")), "the deadline moved to the day asked for")

            html = try await dispatcher.act(number, "whistle", [("departments", String(desk.other)), ("departments", String(desk.assisting))])
            XCTAssertTrue(html.contains("<strong>吹哨</strong>"))
            XCTAssertTrue(html.contains("司法所(待报到)"), html)
            let summoned = try await Browser.of("other", desk)
            let summonedForms = Self.forms(try await summoned.page(number).text)
            XCTAssertTrue(summonedForms.contains("check-in"), "\(summonedForms)")
            XCTAssertFalse(summonedForms.contains("feedback") || summonedForms.contains("sign-for"),
                           "a summoned department has no part to sign for or answer")
            html = try await summoned.act(number, "check-in", [("department", String(desk.other))])
            XCTAssertTrue(html.contains("司法所(已报到)"), html)
            XCTAssertTrue(html.contains("人民法庭(待报到)"))
        }
    }

    func testBadInputIsRerenderedBesideTheFieldsAndNothingIsWritten() async throws {
        try await CaseDesk.each { desk in
            let number = try await desk.open()
            let operatorDesk = try await Browser.of("desk", desk)
            let dispatcher = try await Browser.of("disp", desk)
            try await operatorDesk.act(number, "accept", [("kind", "dispute"), ("urgency", "normal"), ("tier", "grid")])
            let before = [try await Self.count("case_events", desk.platform), try await Self.count("audit_log", desk.platform)]
            // No lead, a malformed deadline: both beside their fields, what was typed kept.
            var response = try await dispatcher.post(number, "dispatch", [("lead", ""), ("deadline", "明天"),
                                                                         ("overrideReason", "群众要求尽快")])
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertTrue(response.text.contains("id=\"f-dispatch-deadline-error\""), response.text)
            XCTAssertTrue(response.text.contains("办理时限格式应为"))
            XCTAssertTrue(response.text.contains("value=\"群众要求尽快\""), "what was typed is kept")
            XCTAssertTrue(response.text.contains("<details class=\"action\" id=\"action-dispatch\" open>"))
            response = try await dispatcher.post(number, "dispatch", [("overrideReason", "群众要求尽快")])
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertTrue(response.text.contains("id=\"f-dispatch-lead-error\""), response.text)
            // The domain's own validation: an escalation needs a reason.
            response = try await dispatcher.post(number, "escalate", [("reason", " ")])
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertTrue(response.text.contains("id=\"f-escalate-reason-error\""))
            // The engine refuses what the page does not offer: its Chinese message beside the form.
            response = try await dispatcher.post(number, "close", [("reply", "答复"), ("channel", "phone")])
            XCTAssertEqual(response.status, .conflict)
            XCTAssertTrue(response.text.contains("结案:"), "the engine's refusal on top of the actions")
            // A stale version.
            response = try await dispatcher.post(number, "escalate", [("reason", "理由"), ("version", "1")])
            XCTAssertEqual(response.status, .conflict)
            XCTAssertTrue(response.text.contains("已被他人更新"))
            let after = [try await Self.count("case_events", desk.platform), try await Self.count("audit_log", desk.platform)]
            XCTAssertEqual(after, before, "nothing written")
        }
    }

    func testAttachmentsShowThumbnailsForImagesAndLinksForPDFs() async throws {
        try await CaseDesk.each { desk in
            let number = try await desk.open()
            let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
            for (data, name) in [(CaseAttachmentRoutesTests.png, "现场.png"), (pdf, "协议.pdf")] {
                let response = try await CaseAttachmentRoutesTests.upload(desk, number, by: "desk", data, filename: name)
                XCTAssertEqual(response.status, .created, response.text)
            }
            let html = try await Browser.of("desk", desk).page(number).text
            let images = html.components(separatedBy: "<img src=\"/api/v1/cases/\(number)/attachments/").count - 1
            XCTAssertEqual(images, 1, "a thumbnail for the image only")
            XCTAssertTrue(html.contains(">协议.pdf</a>"))
            XCTAssertTrue(html.contains("· PDF"))
        }
    }

    func testCSRFJurisdictionAndPermissions() async throws {
        try await CaseDesk.each { desk in
            let number = try await desk.open()
            let operatorDesk = try await Browser.of("desk", desk)
            let events = try await Self.count("case_events", desk.platform)
            let forged = try await operatorDesk.post(number, "accept", [("kind", "dispute")], csrf: false)
            XCTAssertEqual(forged.status, .forbidden)
            let eventsNow = try await Self.count("case_events", desk.platform)
            XCTAssertEqual(eventsNow, events)
            let outsider = try await Browser.of("outsider", desk)
            let outside = try await outsider.page(number)
            XCTAssertEqual(outside.status, .notFound)
            let outsidePost = try await outsider.post(number, "accept", [("kind", "dispute")])
            XCTAssertEqual(outsidePost.status, .notFound)
            let unknown = try await operatorDesk.page("NOPE-1")
            XCTAssertEqual(unknown.status, .notFound)
            // A grid worker may not dispatch: 403, nothing written.
            let grid = try await Browser.of("grid", desk)
            let refused = try await grid.post(number, "dispatch", [("lead", String(desk.lead))])
            XCTAssertEqual(refused.status, .forbidden)
            let eventsAfter = try await Self.count("case_events", desk.platform)
            XCTAssertEqual(eventsAfter, events)
        }
    }

    func testRevealIsAuditedAndRefusedWithoutThePermission() async throws {
        try await CaseDesk.each { desk in
            let number = try await desk.open()
            let operatorDesk = try await Browser.of("desk", desk)
            let page = try await operatorDesk.page(number).text
            XCTAssertFalse(page.contains("/cases/\(number)/reveal"), "no reveal button without revealIdentifiers")
            let refused = try await operatorDesk.post(number, "reveal")
            XCTAssertEqual(refused.status, .forbidden)
            let leader = try await Browser.of("boss", desk)
            let audits = try await Self.count("audit_log", desk.platform)
            let masked = try await leader.page(number).text
            XCTAssertTrue(masked.contains("/cases/\(number)/reveal"), "the leader has the reveal button")
            XCTAssertTrue(masked.contains("138****8000"))
            let revealed = try await leader.post(number, "reveal")
            XCTAssertEqual(revealed.status, .ok)
            XCTAssertTrue(revealed.text.contains("13800138000"))
            XCTAssertTrue(revealed.text.contains("已记入审计日志"))
            let auditsAfter = try await Self.count("audit_log", desk.platform)
            XCTAssertEqual(auditsAfter, audits + 1)
            let action = try await desk.platform.database.read { sql in
                try await sql.select().column("action").column("object_id").from("audit_log").orderBy("id", .descending)
                    .limit(1).first()
            }
            XCTAssertEqual(try action?.decode(column: "action", as: String.self), "case.reveal")
            XCTAssertEqual(try action?.decode(column: "object_id", as: String.self), number)
            let again = try await leader.page(number).text
            XCTAssertFalse(again.contains("13800138000"), "shown once; the page masks again")
        }
    }
}
