import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The clocks through `/api/v1/cases`: automatic escalation when the tier deadline passes, a missed
/// check-in in the case and the counts, a dispatcher's deadline on the lead's handling clock, and the
/// administrator's `/admin/case-policy` page.
final class CaseClockRoutesTests: XCTestCase {
    typealias D = CaseDesk

    static func view(_ d: CaseDesk, _ n: String, by username: String = "disp") async throws -> [String: Any] {
        let response = try await d.get(n, by: username)
        XCTAssertEqual(response.status, .ok, response.text)
        return try response.json()
    }

    static func clocks(_ json: [String: Any], kind: String) -> [[String: Any]] {
        (json["clocks"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == kind }
    }

    func testTheTierDeadlineEscalatesTheCaseAutomaticallyOnce() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            var json = try await Self.view(d, n)
            XCTAssertEqual(Self.clocks(json, kind: "tier").map { $0["kindName"] as? String }, ["调处"])
            XCTAssertEqual(Self.clocks(json, kind: "tier").first?["limit"] as? String, "3个工作日")
            // Monday 10:00 + 3 working days = Thursday 17:30; on Friday the scan escalates once.
            d.clock.advance(minutes: 4 * 24 * 60)
            let scan = CaseClockScan(platform: d.platform)
            try await scan.run()
            try await scan.run()
            json = try await Self.view(d, n)
            XCTAssertEqual(json["tier"] as? String, "village")
            XCTAssertEqual(json["state"] as? String, "accepted")
            let labels = (json["timeline"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            XCTAssertEqual(labels.filter { $0.contains("升级") }, ["自动升级至村社首调"])
            let actors = (json["timeline"] as? [[String: Any]] ?? []).compactMap { $0["actor"] as? String }
            XCTAssertEqual(actors.last, "system:case-clocks.scan")
            let tiers = Self.clocks(json, kind: "tier")
            XCTAssertEqual(tiers.map { $0["status"] as? String }, ["missed", "running"])
            XCTAssertEqual(tiers.map { $0["limit"] as? String }, ["3个工作日", "10个工作日"])
            XCTAssertEqual(tiers.first?["statusName"] as? String, "超时办结")
            XCTAssertEqual(json["version"] as? Int, 3)
            // The grid worker no longer acts at this tier; the village does.
            try await d.refused(n, "record-attempt", by: "grid", #"{"outcome":"failed","note":"再调"}"#, status: 409,
                                code: "tier_above_actor")
        }
    }

    func testAMissedCheckInShowsInTheCaseTheCountsAndTheOutbox() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            let whistled = try await d.run(n, "whistle", by: "disp", #"{"departments":[\#(d.lead),\#(d.assisting)]}"#,
                                           expect: "accepted")
            let whistle = try XCTUnwrap((whistled["whistles"] as? [[String: Any]])?.first)
            // 一般: one working day, Monday 10:00 → Tuesday 17:30.
            XCTAssertEqual(whistle["checkInDue"] as? String, "2026-11-24T09:30:00Z")
            XCTAssertEqual((whistle["departments"] as? [[String: Any]])?.map { $0["state"] as? String }, ["pending", "pending"])
            try await d.run(n, "check-in", by: "lead", #"{"department":\#(d.lead)}"#, expect: "accepted")
            d.clock.advance(minutes: 2 * 24 * 60)
            try await CaseClockScan(platform: d.platform).run()
            let json = try await Self.view(d, n)
            let summons = (json["whistles"] as? [[String: Any]])?.first?["departments"] as? [[String: Any]] ?? []
            XCTAssertEqual(summons.map { $0["state"] as? String }, ["checkedIn", "missed"])
            XCTAssertEqual(summons.map { $0["stateName"] as? String }, ["已报到", "未按时报到"])
            XCTAssertEqual(summons.last?["name"] as? String, "人民法庭")
            let checkIns = Self.clocks(json, kind: "checkIn")
            XCTAssertEqual(checkIns.map { $0["status"] as? String }, ["met", "overdue"])
            XCTAssertEqual(checkIns.last?["departmentName"] as? String, "人民法庭")
            let counts = try await d.client.execute(uri: "/api/v1/cases/counts", method: .get, headers: try await d.headers("disp"))
            XCTAssertEqual(try counts.json()["missedCheckIns"] as? Int, 1, counts.text)
            let outsider = try await d.client.execute(uri: "/api/v1/cases/counts", method: .get,
                                                      headers: try await d.headers("outsider"))
            XCTAssertEqual(try outsider.json()["missedCheckIns"] as? Int, 0)
            let messages = try await d.platform.database.read { db -> [NotificationRecord] in
                guard let id = try await CaseRepository(db).find(number: n)?.id else { return [] }
                return try await NotificationOutboxRepository(db).messages(caseId: id)
            }
            let missed = messages.filter { $0.payload.contains(#""clock":"checkIn""#) }
            XCTAssertEqual(missed.map(\.recipient), ["department:\(d.assisting)"])
        }
    }

    func testADispatchersDeadlineEndsTheLeadsHandlingClock() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            let deadline = "2026-11-27T08:15:00Z"
            try await d.refused(n, "dispatch", by: "disp", #"{"lead":\#(d.lead),"deadline":"\#(deadline)"}"#, status: 422,
                                code: "validation_failed")
            try await d.run(n, "dispatch", by: "disp",
                            #"{"lead":\#(d.lead),"deadline":"\#(deadline)","overrideReason":"领导批示限期办结"}"#,
                            expect: "dispatched")
            d.clock.advance(minutes: 30)
            let signed = try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
            XCTAssertEqual(signed["deadline"] as? String, deadline)
            let handling = Self.clocks(signed, kind: "handling")
            XCTAssertEqual(handling.count, 1)
            XCTAssertEqual(handling.first?["deadline"] as? String, deadline, "not the preset's 15 working days")
            XCTAssertEqual(handling.first?["department"] as? Int, Int(d.lead))
            XCTAssertEqual(handling.first?["status"] as? String, "running")
        }
    }

    func testASupervisionOrderIsTrackedToItsAnswer() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            try await d.run(n, "dispatch", by: "disp", #"{"lead":\#(d.lead)}"#, expect: "dispatched")
            try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
            // Monday 10:00; the leader wants an answer by Tuesday 10:00. A reminder needs no answer and gets no clock.
            try await d.run(n, "supervise", by: "boss", #"{"kind":"reminder","note":"请加快办理"}"#, expect: "inProgress")
            var json = try await d.run(n, "supervise", by: "boss",
                                       #"{"kind":"order","note":"限期答复","responseDue":"2026-11-24T02:00:00Z"}"#,
                                       expect: "inProgress")
            var orders = json["supervisions"] as? [[String: Any]] ?? []
            XCTAssertEqual(orders.map { $0["state"] as? String }, ["noted", "open"])
            var answers = Self.clocks(json, kind: "supervision")
            XCTAssertEqual(answers.map { $0["status"] as? String }, ["running"])
            XCTAssertEqual(answers.first?["department"] as? Int, Int(d.lead))
            XCTAssertEqual(answers.first?["deadline"] as? String, "2026-11-24T02:00:00Z")
            d.clock.advance(minutes: 25 * 60)
            try await CaseClockScan(platform: d.platform).run()
            json = try await Self.view(d, n)
            orders = json["supervisions"] as? [[String: Any]] ?? []
            XCTAssertEqual(orders.last?["stateName"] as? String, "未按时答复")
            XCTAssertEqual(Self.clocks(json, kind: "supervision").first?["status"] as? String, "overdue")
            let messages = try await d.platform.database.read { db -> [NotificationRecord] in
                guard let id = try await CaseRepository(db).find(number: n)?.id else { return [] }
                return try await NotificationOutboxRepository(db).messages(caseId: id)
            }
            XCTAssertEqual(messages.filter { $0.payload.contains(#""clock":"supervision""#) }.map(\.recipient),
                           ["department:\(d.lead)"])
            json = try await d.run(n, "respond-to-supervision", by: "lead", #"{"number":2,"response":"已约谈当事人,周五前办结"}"#,
                                   expect: "inProgress")
            orders = json["supervisions"] as? [[String: Any]] ?? []
            XCTAssertEqual(orders.last?["state"] as? String, "late")
            XCTAssertEqual(orders.last?["response"] as? String, "已约谈当事人,周五前办结")
            answers = Self.clocks(json, kind: "supervision")
            XCTAssertEqual(answers.map { $0["statusName"] as? String }, ["超时答复"])
        }
    }

    func testTheAdminPageEditsThePolicy() async throws {
        try await D.run { d in
            try await TestAccounts.create("sys", role: .systemAdmin, area: SampleAreas.county, in: d.platform.database)
            let dispatcher = try await signIn(d.client, username: "disp")
            let refused = try await d.client.execute(uri: "/admin/case-policy", method: .get, headers: dispatcher.headers)
            XCTAssertEqual(refused.status, .forbidden)
            let admin = try await signIn(d.client, username: "sys")
            let page = try await d.client.execute(uri: "/admin/case-policy", method: .get, headers: admin.headers)
            XCTAssertEqual(page.status, .ok)
            for text in ["办理规则", "网格排查", "市区联调(市级)", #"name="tierLimits.grid.amount" type="number" min="1" value="3""#,
                         #"<option value="minutes" selected>分钟</option>"#, #"name="_csrf""#, "href=\"/admin/case-policy\""] {
                XCTAssertTrue(page.text.contains(text), text)
            }
            XCTAssertFalse(page.text.contains("<script"))
            var form = [
                "reopenLimit=1", "escalatesWhenAttemptsExhausted=on", "urgentCheckIn.amount=20", "urgentCheckIn.unit=minutes",
                "normalCheckIn.amount=4", "normalCheckIn.unit=workingHours", "returnWindow.amount=3",
                "returnWindow.unit=workingHours",
            ]
            for tier in MediationTier.allCases {
                form += ["attemptLimits.\(tier.rawValue)=2", "tierLimits.\(tier.rawValue).amount=5",
                         "tierLimits.\(tier.rawValue).unit=workingDays"]
            }
            let body = form.joined(separator: "&")
            let noToken = try await d.client.execute(uri: "/admin/case-policy", method: .post, headers: admin.formHeaders(),
                                                     body: ByteBuffer(string: body))
            XCTAssertEqual(noToken.status, .forbidden)
            let notAllowed = try await d.client.execute(uri: "/admin/case-policy", method: .post,
                                                        headers: dispatcher.formHeaders(),
                                                        body: ByteBuffer(string: "_csrf=\(dispatcher.csrf)&" + body))
            XCTAssertEqual(notAllowed.status, .forbidden)
            let invalid = try await d.client.execute(
                uri: "/admin/case-policy", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&" + body.replacingOccurrences(
                    of: "tierLimits.village.amount=5", with: "tierLimits.village.amount=999")))
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("“村社首调”的调处时限须为1至250个工作日"), invalid.text)
            XCTAssertTrue(invalid.text.contains(#"value="999""#), "the submitted value is kept")
            XCTAssertTrue(invalid.text.contains(#"aria-invalid="true""#))
            let unchanged = try await d.platform.casePolicy()
            XCTAssertEqual(unchanged, CasePolicy())
            let saved = try await d.client.execute(uri: "/admin/case-policy", method: .post, headers: admin.formHeaders(),
                                                   body: ByteBuffer(string: "_csrf=\(admin.csrf)&" + body))
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            XCTAssertEqual(saved.headers[.location], "/admin/case-policy?saved=1")
            let policy = try await d.platform.casePolicy()
            XCTAssertEqual(policy.tierLimit(at: .city), .workingDays(5))
            XCTAssertEqual(policy.attemptLimit(at: .grid), 2)
            XCTAssertFalse(policy.escalatesWhenTierOverdue, "an unticked box switches it off")
            XCTAssertTrue(policy.escalatesWhenAttemptsExhausted)
            XCTAssertEqual(policy.urgentCheckIn, .minutes(20))
            XCTAssertEqual(policy.normalCheckIn, .workingHours(4))
            XCTAssertEqual(policy.returnWindow, .workingHours(3))
            XCTAssertEqual(policy.reopenLimit, 1)
            let after = try await d.client.execute(uri: "/admin/case-policy?saved=1", method: .get, headers: admin.headers)
            XCTAssertTrue(after.text.contains("新的办理规则已生效"))
            let audit = try await d.platform.database.read {
                try await AuditRepository($0, kind: d.platform.database.kind).latest(action: "case_policy.update", limit: 5)
            }
            XCTAssertEqual(audit.map(\.actor), ["sys"])

            // The engine follows the stored policy: 4 working hours to check in on a 一般 case.
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            let whistled = try await d.run(n, "whistle", by: "disp", #"{"departments":[\#(d.lead)]}"#, expect: "accepted")
            XCTAssertEqual((whistled["whistles"] as? [[String: Any]])?.first?["checkInDue"] as? String, "2026-11-23T08:30:00Z",
                           "Monday 10:00 + 4 working hours = 16:30 Beijing time")
        }
    }
}
