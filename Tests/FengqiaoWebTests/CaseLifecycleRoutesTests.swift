import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Full loops of the case workflow through `/api/v1/cases`, and every refusal's status and code.
final class CaseLifecycleRoutesTests: XCTestCase {
    typealias D = CaseDesk

    func testOnSiteResolutionThroughRevisitArchives() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", #"{"category":"邻里纠纷"}"#, expect: "accepted")
            try await d.run(n, "resolve-on-site", by: "grid", #"{"result":"双方和解","evidence":["photo-1"]}"#, expect: "handled")
            try await d.run(n, "verify", by: "disp", #"{"pass":true}"#, expect: "verified")
            try await d.run(n, "close", by: "desk", #"{"reply":"已调解","channel":"phone"}"#, expect: "closed")
            let done = try await d.run(n, "revisit", by: "desk", #"{"satisfaction":"satisfied","channel":"phone"}"#, expect: "archived")
            XCTAssertEqual(done["satisfactionName"] as? String, "满意")
            XCTAssertEqual(done["reply"] as? String, "已调解")
            XCTAssertEqual(Array(D.types(done).prefix(6)),
                           ["reported", "accepted", "resolved_on_site", "verified", "closed", "revisited"])
            let parties = try XCTUnwrap(done["parties"] as? [[String: Any]])
            XCTAssertEqual(parties.first?["phone"] as? String, "138****8000")
            XCTAssertFalse(String(describing: done).contains("13800138000"), "contacts are masked")
        }
    }

    func testDispatchSignFeedbackVerifyCloseRevisit() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            let sent = try await d.run(n, "dispatch", by: "disp", d.dispatchBody(), expect: "dispatched")
            XCTAssertNotNil(sent["deadline"] as? String, "the deadline comes from the SLA preset and calendar")
            XCTAssertEqual((sent["lead"] as? [String: Any])?["name"] as? String, "派出所")
            XCTAssertEqual((sent["lead"] as? [String: Any])?["status"] as? String, "dispatched")
            try await d.refused(n, "sign-for", by: "other", status: 404, code: "not_found")
            try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
            try await d.run(n, "sign-for", by: "assist", expect: "inProgress")
            try await d.run(n, "add-progress", by: "lead", #"{"note":"已约谈双方","isPublic":true}"#, expect: "inProgress")
            try await d.run(n, "feedback", by: "assist", #"{"result":"已出具意见"}"#, expect: "inProgress")
            try await d.run(n, "feedback", by: "lead", #"{"result":"已处理","evidence":["photo-2"]}"#, expect: "handled")
            try await d.run(n, "verify", by: "grid", #"{"pass":true}"#, expect: "verified")
            try await d.run(n, "close", by: "desk", #"{"reply":"已处理完毕","channel":"sms"}"#, expect: "closed")
            let done = try await d.run(n, "revisit", by: "desk", #"{"satisfaction":"satisfied","channel":"phone"}"#, expect: "archived")
            let timeline = try XCTUnwrap(done["timeline"] as? [[String: Any]])
            XCTAssertTrue(timeline.contains { $0["note"] as? String == "已约谈双方" })
            XCTAssertTrue(timeline.contains { $0["label"] as? String == "主办部门签收" })
            let assignments = try await d.platform.database.read { db -> [CaseAssignmentRecord] in
                guard let id = try await CaseRepository(db).find(number: n)?.id else { return [] }
                return try await CaseEngineRepository(db).assignments(caseId: id)
            }
            XCTAssertEqual(assignments.count, 2)
            XCTAssertEqual(Set(assignments.map(\.state)), ["done"])
        }
    }

    func testReturnAndReassign() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            try await d.run(n, "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
            try await d.refused(n, "return", by: "lead", status: 422, code: "validation_failed")
            let returned = try await d.run(n, "return", by: "lead", #"{"reason":"不属于本部门职责"}"#, expect: "accepted")
            XCTAssertEqual(returned["returned"] as? Bool, true)
            try await d.refused(n, "dispatch", by: "disp", d.dispatchBody(), status: 409, code: "return_pending")
            let again = try await d.run(n, "rule-on-return", by: "disp", #"{"ruling":"reassign","lead":\#(d.other)}"#,
                                        expect: "dispatched")
            XCTAssertEqual((again["lead"] as? [String: Any])?["department"] as? Int, Int(d.other))
            try await d.refused(n, "sign-for", by: "lead", status: 404, code: "not_found")
            try await d.run(n, "sign-for", by: "other", expect: "inProgress")
        }
    }

    func testEscalationThroughEveryTier() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            var tiers: [String] = []
            for who in ["gl", "disp", "cdisp", "citydisp"] {
                let view = try await d.run(n, "escalate", by: who, #"{"reason":"调解未果"}"#, expect: "accepted")
                tiers.append(view["tier"] as? String ?? "")
            }
            XCTAssertEqual(tiers, ["village", "township", "county", "city"])
            try await d.refused(n, "escalate", by: "citydisp", #"{"reason":"再升"}"#, status: 409, code: "top_tier")
            try await d.refused(n, "dispatch", by: "disp", d.dispatchBody(), status: 409, code: "tier_above_actor")
        }
    }

    func testWhistleAndLateCheckIn() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            let due = D.iso(d.clock.now().addingTimeInterval(10 * 60))
            try await d.run(n, "whistle", by: "disp", #"{"departments":[\#(d.lead),\#(d.assisting)],"checkInDue":"\#(due)"}"#,
                            expect: "accepted")
            try await d.run(n, "check-in", by: "lead", #"{"department":\#(d.lead)}"#, expect: "accepted")
            d.clock.advance(minutes: 20)
            let late = try await d.run(n, "check-in", by: "assist", #"{"department":\#(d.assisting)}"#, expect: "accepted")
            let labels = (late["timeline"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            XCTAssertEqual(labels.suffix(3), ["吹哨", "报到", "报到(超时)"])
        }
    }

    func testExtensionRequestAndApproval() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            try await d.run(n, "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
            try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
            let until = d.clock.now().addingTimeInterval(40 * 86400)
            let asked = try await d.run(n, "request-extension", by: "lead",
                                        #"{"until":"\#(D.iso(until))","reason":"需鉴定"}"#, expect: "inProgress")
            XCTAssertNotNil(asked["pendingExtension"] as? String)
            try await d.refused(n, "approve-extension", by: "lead", status: 403, code: "forbidden")
            let approved = try await d.run(n, "approve-extension", by: "disp", expect: "inProgress")
            XCTAssertEqual(approved["deadline"] as? String, D.iso(until))
            XCTAssertNil(approved["pendingExtension"] as? String)
        }
    }

    func testFailedVerificationAndUnsatisfiedRevisitReopen() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            try await d.run(n, "dispatch", by: "disp", d.dispatchBody(assisting: false), expect: "dispatched")
            try await d.run(n, "sign-for", by: "lead", expect: "inProgress")
            try await d.run(n, "feedback", by: "lead", #"{"result":"已处理","evidence":["p"]}"#, expect: "handled")
            try await d.refused(n, "verify", by: "grid", #"{"pass":false}"#, status: 422, code: "validation_failed")
            try await d.run(n, "verify", by: "grid", #"{"pass":false,"reason":"现场仍有噪音"}"#, expect: "inProgress")
            try await d.run(n, "feedback", by: "lead", #"{"result":"再次处理","evidence":["p2"]}"#, expect: "handled")
            try await d.run(n, "verify", by: "grid", #"{"pass":true}"#, expect: "verified")
            try await d.run(n, "close", by: "desk", #"{"reply":"已处理","channel":"phone"}"#, expect: "closed")
            let reopened = try await d.run(n, "revisit", by: "desk", #"{"satisfaction":"unsatisfied","channel":"phone"}"#,
                                           expect: "inProgress")
            XCTAssertEqual(reopened["satisfaction"] as? String, "unsatisfied")
            XCTAssertTrue(D.types(reopened).contains("verification_failed"))
        }
    }

    func testMergeThenSplit() async throws {
        try await D.run { d in
            let a = try await d.open()
            let b = try await d.open(description: "同一处装修噪音")
            try await d.refused(b, "merge", by: "desk", #"{"into":"\#(b)"}"#, status: 422, code: "validation_failed")
            try await d.run(b, "merge", by: "desk", #"{"into":"\#(a)"}"#, expect: "merged")
            try await d.refused(b, "accept", by: "desk", status: 409, code: "invalid_transition")
            try await d.run(b, "split", by: "desk", expect: "reported")
            try await d.run(b, "accept", by: "desk", expect: "accepted")
        }
    }

    func testIdempotentRetryReturnsTheFirstAnswerAndWritesNothing() async throws {
        try await D.run { d in
            let n = try await d.open()
            let first = try await d.post("/api/v1/cases/\(n)/accept", by: "desk", key: "k-1")
            XCTAssertEqual(first.status, .ok, first.text)
            let events = { try await d.platform.database.read { try await $0.countRows(in: "case_events") } }
            let audits = { try await d.platform.database.read { try await $0.countRows(in: "audit_log", where: ("action", "case.accept")) } }
            let (eventsBefore, auditsBefore) = (try await events(), try await audits())
            let retry = try await d.post("/api/v1/cases/\(n)/accept", by: "desk", key: "k-1")
            XCTAssertEqual(retry.status, .ok)
            XCTAssertEqual(retry.text, first.text)
            let (eventsAfter, auditsAfter) = (try await events(), try await audits())
            XCTAssertEqual(eventsAfter, eventsBefore)
            XCTAssertEqual(auditsAfter, auditsBefore, "no audit entry for a replay")
            XCTAssertEqual(auditsBefore, 1)
            let reused = try await d.post("/api/v1/cases/\(n)/withdraw", by: "desk", body: #"{"reason":"x"}"#, key: "k-1")
            XCTAssertEqual(reused.status.code, 422)
            XCTAssertEqual(try reused.json()["code"] as? String, "validation_failed")
            XCTAssertTrue(reused.text.contains("key_reused"))
            // Staff intake with a key: one case.
            let body = #"{"channel":"phone","kind":"dispute","description":"来电反映楼道堆物","gridCode":"\#(SampleAreas.grid)"}"#
            let o1 = try await d.post("/api/v1/cases", by: "desk", body: body, key: "open-1")
            let o2 = try await d.post("/api/v1/cases", by: "desk", body: body, key: "open-1")
            XCTAssertEqual(o1.text, o2.text)
        }
    }

    func testConflictingTransitionsGetOneVersionConflict() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.run(n, "accept", by: "desk", expect: "accepted")
            let first = try await d.post("/api/v1/cases/\(n)/dispatch", by: "disp", body: d.dispatchBody(), ifMatch: 2)
            XCTAssertEqual(first.status, .ok, first.text)
            let second = try await d.post("/api/v1/cases/\(n)/escalate", by: "disp", body: #"{"reason":"x"}"#, ifMatch: 2)
            XCTAssertEqual(second.status.code, 409)
            XCTAssertEqual(try second.json()["code"] as? String, "version_conflict")
            XCTAssertTrue(second.text.contains("已派遣"), second.text)
            // Two at once on the same version: exactly one wins.
            let m = try await d.open()
            try await d.run(m, "accept", by: "desk", expect: "accepted")
            async let x = d.post("/api/v1/cases/\(m)/dispatch", by: "disp", body: d.dispatchBody(), ifMatch: 2)
            async let y = d.post("/api/v1/cases/\(m)/withdraw", by: "desk", body: #"{"reason":"撤回"}"#, ifMatch: 2)
            let codes = try await [x.status.code, y.status.code].sorted()
            XCTAssertEqual(codes, [200, 409])
            let bad = try await d.post("/api/v1/cases/\(m)/withdraw", by: "desk", body: #"{"reason":"x"}"#)
            XCTAssertNotEqual(bad.status.code, 500)
        }
    }

    func testRefusals() async throws {
        try await D.run { d in
            let n = try await d.open()
            try await d.refused(n, "dispatch", by: "disp", d.dispatchBody(), status: 409, code: "invalid_transition")
            try await d.refused(n, "dispatch", by: "grid", d.dispatchBody(), status: 403, code: "forbidden")
            try await d.refused(n, "accept", by: "lead", status: 403, code: "forbidden")
            try await d.refused(n, "accept", by: "outsider", status: 404, code: "not_found")
            let hidden = try await d.get(n, by: "outsider")
            XCTAssertEqual(hidden.status, .notFound)
            try await d.refused(n, "reject", by: "desk", status: 422, code: "validation_failed")
            try await d.refused(n, "reject", by: "desk", #"{"reason":"不受理","channel":"pigeon"}"#, status: 422,
                                code: "validation_failed")
            let malformed = try await d.post("/api/v1/cases/\(n)/reject", by: "desk", body: #"{"reason":"#)
            XCTAssertEqual(malformed.status.code, 400)
            XCTAssertTrue(containsChinese(malformed.text, atLeast: 2), malformed.text)
            let wrongType = try await d.post("/api/v1/cases/\(n)/check-in", by: "desk", body: #"{"department":"一"}"#)
            XCTAssertEqual(wrongType.status.code, 400)
            let unknown = try await d.post("/api/v1/cases/\(n)/teleport", by: "desk")
            XCTAssertEqual(unknown.status.code, 404)
            let badIfMatch = try await d.post("/api/v1/cases/\(n)/accept", by: "desk", body: "{}", ifMatch: nil)
            XCTAssertEqual(badIfMatch.status, .ok)
            let missing = try await d.get("150207-2026-999999", by: "desk")
            XCTAssertEqual(missing.status, .notFound)
            let outsideOpen = try await d.post("/api/v1/cases", by: "outsider", body:
                #"{"channel":"phone","kind":"dispute","description":"来电反映楼道堆物","gridCode":"\#(SampleAreas.grid)"}"#)
            XCTAssertEqual(outsideOpen.status.code, 422)
            XCTAssertTrue(outsideOpen.text.contains(#""field":"gridCode""#), outsideOpen.text)
        }
    }

    func testLegacyHistoryIsShownButNotWorked() async throws {
        try await D.run { d in
            let number = try await d.platform.database.write { db in
                let record = CaseRecord(
                    number: "150207-2026-900001", trackingCode: "LEGACY000001", kind: "dispute", category: "邻里纠纷",
                    channel: "walkIn", state: "accepted", urgency: "normal", areaCode: SampleAreas.village,
                    gridCode: SampleAreas.grid, description: "导入", reportedDay: "2026-01-05", reportedAt: 0, updatedAt: 0)
                _ = try await CaseRepository(db).insert(record, events: [
                    CaseEventRecord(caseId: 0, type: "report", fromState: nil, toState: "reported", actor: "system", at: 0),
                    CaseEventRecord(caseId: 0, type: "accepted", fromState: "reported", toState: "accepted", actor: "system", at: 1),
                ])
                return record.number
            }
            try await d.refused(number, "dispatch", by: "disp", d.dispatchBody(), status: 409, code: "legacy_history")
            let shown = try await d.get(number, by: "disp")
            XCTAssertEqual(shown.status, .ok, shown.text)
            XCTAssertEqual(try shown.json()["workable"] as? Bool, false)
        }
    }
}
