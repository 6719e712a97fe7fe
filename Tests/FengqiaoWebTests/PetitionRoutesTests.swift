import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Petition reception through the JSON API and the real database (SQLite, and PostgreSQL when configured):
/// registration through the engine, collective and repeat flags, each decision, the extension rules, the reply
/// through the case workflow, reviews, roles and jurisdiction, and refusals that write nothing.
final class PetitionRoutesTests: XCTestCase {
    typealias D = PetitionDesk

    func testRegistrationOpensAnEngineCaseMasksIdentifiersAndLinksRepeats() async throws {
        try await D.each { d in
            let first = try await d.register(D.body(persons: 6, petitioners: [
                ("张伟", D.idNumber, "13800001111"), ("李娜", D.otherIdNumber, nil),
            ]))
            XCTAssertEqual(first["state"] as? String, "received")
            XCTAssertEqual(first["collective"] as? Bool, true, "6 visitors are a collective visit")
            XCTAssertEqual(first["repeated"] as? Bool, false)
            XCTAssertEqual(first["persons"] as? Int, 6)
            XCTAssertEqual(first["firstResponder"] as? String, "赵信访", "the registering officer by default")
            let text = String(decoding: try JSONSerialization.data(withJSONObject: first), as: UTF8.self)
            XCTAssertFalse(text.contains(D.idNumber) || text.contains("13800001111"), "identifiers never leave unmasked")
            let petitioners = try XCTUnwrap(first["petitioners"] as? [[String: Any]])
            XCTAssertEqual(petitioners.first?["idNumber"] as? String, "150207********" + String(D.idNumber.suffix(4)))
            XCTAssertEqual(petitioners.first?["phone"] as? String, "138****1111")
            XCTAssertNotNil(petitioners.first?["personId"] as? Int, "linked to the registered resident by the blind index")
            XCTAssertNil(petitioners.last?["personId"] as? Int)
            let clock = try XCTUnwrap(D.clock(first, "acceptance"))
            XCTAssertEqual(clock["limit"] as? String, "15个工作日")

            // The engine case: reported through the walk-in channel, its acceptance clock the statutory one.
            let number = try XCTUnwrap(first["caseNumber"] as? String)
            let engineCase = try await d.caseJSON(number)
            XCTAssertEqual(engineCase["state"] as? String, "reported")
            let observed1 = try await d.caseRecord(number)?.channel
            XCTAssertEqual(observed1, "walkIn")
            let engineClock = try XCTUnwrap((engineCase["clocks"] as? [[String: Any]])?.first { $0["kind"] as? String == "acceptance" })
            XCTAssertEqual(engineClock["limit"] as? String, "15个工作日", "the case follows 信访 from its receipt")
            XCTAssertEqual(engineClock["deadline"] as? String, clock["deadline"] as? String, "one deadline, not two")

            // The same 公民身份号码 again (another form, as the second petitioner): a repeat petition, linked.
            let second = try await d.register(D.body(form: "letter", persons: nil, petitioners: [
                ("王强", D.thirdIdNumber, nil), ("李娜", D.otherIdNumber, "0472-5123456"),
            ], organ: nil))
            XCTAssertEqual(second["repeated"] as? Bool, true)
            XCTAssertEqual(second["collective"] as? Bool, false)
            XCTAssertEqual(second["persons"] as? Int, 2, "a letter counts its petitioners")
            XCTAssertEqual((second["earlier"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }, [first["id"] as? Int ?? -1])
            let observed2 = try await d.caseRecord(try XCTUnwrap(second["caseNumber"] as? String))?.channel
            XCTAssertEqual(observed2, "letter")
            let unrelated = try await d.register(D.body(form: "online", persons: nil, petitioners: [("赵敏", D.thirdIdNumber, nil)]))
            XCTAssertEqual(unrelated["repeated"] as? Bool, true, "王强 petitioned before (the second petition)")
            let fresh = try await d.register(D.body(form: "call", persons: 7, petitioners: [
                ("钱多", ResidentIdentityNumber(division: "150207", birthDate: "19660606", sequence: 66)?.rawValue, nil),
            ]))
            XCTAssertEqual(fresh["repeated"] as? Bool, false)
            XCTAssertEqual(fresh["collective"] as? Bool, false, "collective visits are visits")
            let observed3 = try await d.caseRecord(try XCTUnwrap(fresh["caseNumber"] as? String))?.channel
            XCTAssertEqual(observed3, "phone")
            // Five at the threshold.
            let five = try await d.register(D.body(persons: 5, petitioners: [("孙五", D.thirdIdNumber, nil)]))
            XCTAssertEqual(five["collective"] as? Bool, true)

            // Another officer in scope as first responder.
            let named = try await d.register(D.body(petitioners: [("周六", D.thirdIdNumber, nil)], firstResponder: "officer2"))
            XCTAssertEqual(named["firstResponder"] as? String, "钱信访")

            let observed4 = try await d.count("petitions")
            XCTAssertEqual(observed4, 6)
            let observed5 = try await d.count("audit_log", where: ("action", "petition.register"))
            XCTAssertEqual(observed5, 6)
            let observed6 = try await d.count("audit_log", where: ("action", "case.open"))
            XCTAssertEqual(observed6, 6)

            // The list: figures over the whole list, filters.
            let list = try await d.get("/api/v1/petitions", by: "officer")
            XCTAssertEqual(list.status, .ok, list.text)
            let counts = try XCTUnwrap(try list.json()["counts"] as? [String: Any])
            XCTAssertEqual(counts["petitions"] as? Int, 6)
            XCTAssertEqual(counts["visitBatches"] as? Int, 3, "the three visits")
            XCTAssertEqual(counts["visitPersons"] as? Int, 12, "6 + 5 + 1 persons")
            XCTAssertEqual(counts["collectiveBatches"] as? Int, 2)
            let repeats = try await d.get("/api/v1/petitions?repeat=1", by: "officer").json()
            XCTAssertEqual((repeats["petitions"] as? [[String: Any]])?.count, 4)
            let visits = try await d.get("/api/v1/petitions?form=visit&collective=1", by: "grid").json()
            XCTAssertEqual((visits["petitions"] as? [[String: Any]])?.compactMap { $0["persons"] as? Int }.sorted(), [5, 6])
            let paged = try await d.get("/api/v1/petitions?limit=4", by: "officer").json()
            XCTAssertEqual((paged["petitions"] as? [[String: Any]])?.count, 4)
            let next = try XCTUnwrap(paged["next"] as? String)
            let rest = try await d.get("/api/v1/petitions?limit=4&cursor=\(next)", by: "officer").json()
            XCTAssertEqual((rest["petitions"] as? [[String: Any]])?.count, 2)
            XCTAssertNil(rest["next"] as? String)

            // A repeated registration with the same idempotency key answers with the first.
            let key = "petition-\(UUID().uuidString)"
            let once = try await d.post("/api/v1/petitions", by: "officer", D.body(petitioners: [("吴七", D.thirdIdNumber, nil)]), key: key)
            let twice = try await d.post("/api/v1/petitions", by: "officer", D.body(petitioners: [("吴七", D.thirdIdNumber, nil)]), key: key)
            XCTAssertEqual(once.status, .created)
            XCTAssertEqual(try once.json()["id"] as? Int, try twice.json()["id"] as? Int)
            let observed7 = try await d.count("petitions")
            XCTAssertEqual(observed7, 7)
        }
    }

    func testBadInputIsRefusedByFieldInChineseAndNothingIsWritten() async throws {
        try await D.each { d in
            let petition = try await d.register()
            let id = try XCTUnwrap(petition["id"] as? Int)
            let before = try await d.rowCounts()
            let cases: [(String, [String])] = [
                ("{}", ["form required", "petitioners[0].name required", "description required", "gridCode required",
                        "category required"]),
                (D.body(form: "传真", petitioners: [("张伟", "150207197503120000", "123")], category: "dispute.nothing"),
                 ["form invalid_choice", "petitioners[0].idNumber invalid_format", "petitioners[0].phone invalid_format",
                  "category invalid_choice"]),
                (D.body(persons: nil), ["persons required"]),
                (D.body(persons: 1, petitioners: [("张伟", D.idNumber, nil), ("李娜", nil, nil)]), ["persons too_few"]),
                (D.body(grid: "150207002001001"), ["gridCode unknown"]),
                (D.body(firstResponder: "outsider"), ["firstResponder unknown"]),
                (D.body(firstResponder: "boss"), ["firstResponder unknown"]),
                (D.body(receivedAt: "2026-12-01T09:00"), ["receivedAt in_future"]),
            ]
            for (body, expected) in cases {
                let response = try await d.post("/api/v1/petitions", by: "officer", body)
                XCTAssertEqual(response.status, .unprocessableContent, response.text)
                let json = try response.json()
                XCTAssertEqual(D.fields(json), expected, body)
                XCTAssertTrue(containsChinese(response.text, atLeast: 2), response.text)
            }
            let malformed = try await d.post("/api/v1/petitions", by: "officer", #"{"form":"visit","petitioners":"张伟"}"#)
            XCTAssertEqual(malformed.status, .badRequest, malformed.text)

            let refusals: [(String, String, Int, [String])] = [
                ("decision", "{}", 422, ["decision required", "reason required"]),
                ("decision", #"{"decision":"同意","reason":"x","noticeChannel":"传真"}"#, 422,
                 ["decision invalid_choice", "noticeChannel invalid_choice"]),
                ("decision", #"{"decision":"refuseRepeat","reason":"重复"}"#, 422, ["decision not_repeat"]),
                ("extension", #"{"days":10,"reason":"复杂"}"#, 409, []),
                ("reply", #"{"reply":"已办结"}"#, 409, []),
                ("review", #"{"request":"不服"}"#, 409, []),
                ("review/opinion", #"{"result":"维持","opinion":"维持"}"#, 409, []),
                ("re-review", #"{"request":"不服"}"#, 409, []),
                ("extension/approve", "{}", 409, []),
            ]
            for (action, body, status, expected) in refusals {
                let json = try await d.act(id, action, by: action.hasPrefix("extension/") ? "boss" : "officer", body,
                                           expect: status)
                XCTAssertEqual(D.fields(json), expected, action)
                XCTAssertTrue((json["detail"] as? String).map { containsChinese($0, atLeast: 2) } ?? false, "\(json)")
            }
            let observed8 = try await d.rowCounts()
            XCTAssertEqual(observed8, before, "no refusal wrote anything")
            let unchanged = try await d.get("/api/v1/petitions/\(id)", by: "officer").json()
            XCTAssertEqual(unchanged["version"] as? Int, 1)
            XCTAssertEqual(unchanged["state"] as? String, "received")
            let badFilter = try await d.get("/api/v1/petitions?form=fax&state=x", by: "officer")
            XCTAssertEqual(badFilter.status, .unprocessableContent)
            XCTAssertEqual(D.fields(try badFilter.json()), ["form invalid_choice", "state invalid_choice"])
        }
    }

    func testEachDecisionMovesTheEngineCase() async throws {
        try await D.each { d in
            let accepted = try await d.register()
            let declined = try await d.register(D.body(petitioners: [("李娜", D.otherIdNumber, nil)]))
            let repeat_ = try await d.register(D.body(form: "letter", persons: nil, petitioners: [("张伟", D.idNumber, nil)]))
            XCTAssertEqual(repeat_["repeated"] as? Bool, true)

            let a = try await d.act(accepted["id"] ?? 0, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            XCTAssertEqual(a["state"] as? String, "accepted")
            XCTAssertEqual(a["caseState"] as? String, "accepted")
            XCTAssertEqual(a["noticeChannel"] as? String, "letter")
            XCTAssertEqual(D.clock(a, "acceptance")?["status"] as? String, "met")
            XCTAssertEqual(D.clock(a, "handling")?["limit"] as? String, "60个工作日")
            XCTAssertEqual(a["documents"] as? [String], ["notice"])
            let acceptedCase = try await d.caseJSON(try XCTUnwrap(accepted["caseNumber"] as? String))
            XCTAssertEqual((acceptedCase["clocks"] as? [[String: Any]])?.first { $0["kind"] as? String == "acceptance" }?["status"] as? String, "met")

            let b = try await d.act(declined["id"] ?? 0, "decision",
                                    #"{"decision":"不予受理","reason":"属于劳动仲裁受理范围","noticeChannel":"inPerson"}"#)
            XCTAssertEqual(b["state"] as? String, "declined")
            XCTAssertEqual(b["caseState"] as? String, "rejected")
            XCTAssertEqual(b["noticeChannelName"] as? String, "当面")
            let timeline = try await d.caseJSON(try XCTUnwrap(declined["caseNumber"] as? String))["timeline"] as? [[String: Any]]
            XCTAssertTrue("\(timeline ?? [])".contains("不予受理:属于劳动仲裁受理范围"), "\(timeline ?? [])")

            let c = try await d.act(repeat_["id"] ?? 0, "decision", #"{"decision":"refuseRepeat","reason":"同一事项已受理办理中"}"#)
            XCTAssertEqual(c["state"] as? String, "notReaccepted")
            XCTAssertEqual(c["caseState"] as? String, "rejected")

            // A decision is made once.
            try await d.act(accepted["id"] ?? 0, "decision", #"{"decision":"decline","reason":"x"}"#, expect: 409, code: "petition_state")
            let observed9 = try await d.count("audit_log", where: ("action", "petition.decide"))
            XCTAssertEqual(observed9, 3)
            let observed10 = try await d.count("audit_log", where: ("action", "case.accept"))
            XCTAssertEqual(observed10, 1)
            let observed11 = try await d.count("audit_log", where: ("action", "case.reject"))
            XCTAssertEqual(observed11, 2)

            // The engine case is dispatched through the existing workflow.
            let number = try XCTUnwrap(accepted["caseNumber"] as? String)
            try await d.engine(number, "dispatch", by: "disp", #"{"lead":\#(d.department)}"#)
            let observed12 = try await d.caseJSON(number)["state"] as? String
            XCTAssertEqual(observed12, "dispatched")
        }
    }

    /// One extension of at most 30 working days, asked with a reason, decided by someone else at the asker's
    /// tier (a leader) or above (the county's petition office).
    /// The case API cannot decide a petition's case behind the petition's back: 立案, 不予立案, merge, split,
    /// withdrawal and closing are the petition reception's (409 `petition_case`, nothing written); handling
    /// steps (dispatch, sign-for, feedback) go through the case API as for any case.
    func testThePetitionDecisionsOfItsCaseAreRefusedThroughTheCaseAPI() async throws {
        try await D.each { d in
            let received = try await d.register()
            let number = try XCTUnwrap(received["caseNumber"] as? String)
            let before = try await d.rowCounts()
            for (command, body) in [("accept", #"{"kind":"dispute","category":"dispute.unpaidWages"}"#),
                                    ("reject", #"{"reason":"不属于受理范围","noticeChannel":"phone"}"#),
                                    ("withdraw", #"{"reason":"信访人撤回"}"#)] {
                let response = try await d.post("/api/v1/cases/\(number)/\(command)", by: "disp", body)
                XCTAssertEqual(response.status, .conflict, "\(command): \(response.text)")
                XCTAssertEqual(try response.json()["code"] as? String, "petition_case", command)
            }
            let after = try await d.rowCounts()
            XCTAssertEqual(after, before, "nothing written")
            // Accepted at the petition reception, the case is dispatched through the case API as usual.
            let accepted = try await d.act(received["id"] ?? 0, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            XCTAssertEqual(accepted["state"] as? String, "accepted")
            try await d.engine(number, "dispatch", by: "disp", #"{"lead":\#(d.department)}"#)
        }
    }

    func testExtensionRules() async throws {
        try await D.each { d in
            let petition = try await d.register()
            let id = try XCTUnwrap(petition["id"] as? Int)
            try await d.act(id, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            let accepted = try await d.get("/api/v1/petitions/\(id)", by: "officer").json()
            let before = try XCTUnwrap(D.clock(accepted, "handling"))
            let observed13 = D.fields(try await d.act(id, "extension", #"{"days":31,"reason":"情况复杂"}"#, expect: 422))
            XCTAssertEqual(observed13,
                           ["days exceeds_maximum"])
            let observed14 = D.fields(try await d.act(id, "extension", #"{"days":"十"}"#, expect: 422))
            XCTAssertEqual(observed14,
                           ["days out_of_range", "reason required"])
            let pending = try await d.act(id, "extension", #"{"days":30,"reason":"涉及多个部门,需会商"}"#)
            XCTAssertEqual((pending["extension"] as? [String: Any])?["state"] as? String, "pending")
            try await d.act(id, "extension", #"{"days":5,"reason":"再延"}"#, expect: 409, code: "extension_pending")
            try await d.act(id, "extension/approve", by: "officer", expect: 409, code: "self_approval")
            try await d.act(id, "extension/approve", by: "officer2", expect: 409, code: "approver_tier")
            try await d.act(id, "extension/approve", by: "grid", expect: 403)
            try await d.act(id, "extension/approve", by: "outsider", expect: 404)
            try await d.act(id, "extension/deny", by: "boss", #"{"reason":""}"#, expect: 422)
            let approved = try await d.act(id, "extension/approve", by: "boss")
            XCTAssertEqual((approved["extension"] as? [String: Any])?["state"] as? String, "approved")
            let after = try XCTUnwrap(D.clock(approved, "handling"))
            XCTAssertEqual(after["limit"] as? String, "90个工作日")
            XCTAssertNotEqual(after["deadline"] as? String, before["deadline"] as? String)
            try await d.act(id, "extension", #"{"days":1,"reason":"再延一天"}"#, expect: 409, code: "extension_used")

            // Refused: the officer may ask again; the county's petition office may decide.
            let other = try await d.register(D.body(petitioners: [("李娜", D.otherIdNumber, nil)]))
            let otherID = try XCTUnwrap(other["id"] as? Int)
            try await d.act(otherID, "extension", #"{"days":10,"reason":"复杂"}"#, expect: 409, code: "petition_state")
            try await d.act(otherID, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            try await d.act(otherID, "extension", #"{"days":10,"reason":"复杂"}"#)
            let denied = try await d.act(otherID, "extension/deny", by: "boss", #"{"reason":"期限内可以办结"}"#)
            XCTAssertEqual((denied["extension"] as? [String: Any])?["state"] as? String, "denied")
            XCTAssertEqual(D.clock(denied, "handling")?["limit"] as? String, "60个工作日")
            try await d.act(otherID, "extension", #"{"days":20,"reason":"新情况"}"#)
            let byCounty = try await d.act(otherID, "extension/approve", by: "county")
            XCTAssertEqual(D.clock(byCounty, "handling")?["limit"] as? String, "80个工作日")
            let observed15 = try await d.count("audit_log", where: ("action", "petition.extension_request"))
            XCTAssertEqual(observed15, 3)
            let observed16 = try await d.count("audit_log", where: ("action", "petition.extension_approve"))
            XCTAssertEqual(observed16, 2)
            let observed17 = try await d.count("audit_log", where: ("action", "petition.extension_deny"))
            XCTAssertEqual(observed17, 1)
        }
    }

    func testReplyThroughTheWorkflowThenReviewAndReReview() async throws {
        try await D.each { d in
            let petition = try await d.register()
            let id = try XCTUnwrap(petition["id"] as? Int)
            let number = try XCTUnwrap(petition["caseNumber"] as? String)
            try await d.act(id, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            try await d.act(id, "reply", #"{"reply":"已责成用工单位支付"}"#, expect: 409, code: "case_not_ready")
            try await d.act(id, "review", #"{"request":"不服"}"#, expect: 409, code: "petition_state")
            try await d.handle(petition)
            let observed18 = D.fields(try await d.act(id, "reply", #"{"reply":" ","channel":"fax"}"#, expect: 422))
            XCTAssertEqual(observed18,
                           ["reply required", "channel invalid_choice"])
            try await d.act(id, "reply", by: "grid", #"{"reply":"已办结"}"#, expect: 403)
            let replied = try await d.act(id, "reply", #"{"reply":"经核查,用工单位已于11月结清所欠工资。","channel":"letter"}"#)
            XCTAssertEqual(replied["state"] as? String, "replied")
            XCTAssertEqual(replied["caseState"] as? String, "closed", "the reply is the engine's 结案答复")
            XCTAssertEqual(D.clock(replied, "handling")?["status"] as? String, "met")
            XCTAssertNotNil(replied["reviewWindowEnds"] as? String)
            XCTAssertEqual(replied["documents"] as? [String], ["notice", "reply"])
            let engineCase = try await d.caseJSON(number)
            XCTAssertEqual(engineCase["reply"] as? String, "经核查,用工单位已于11月结清所欠工资。")

            try await d.act(id, "review/opinion", #"{"result":"维持","opinion":"x"}"#, expect: 409, code: "petition_state")
            let observed19 = D.fields(try await d.act(id, "review", #"{}"#, expect: 422))
            XCTAssertEqual(observed19, ["request required"])
            let asked = try await d.act(id, "review", #"{"request":"认为工资计算有误,请求复查"}"#)
            XCTAssertEqual(asked["state"] as? String, "reviewRequested")
            XCTAssertEqual(D.clock(asked, "review")?["limit"] as? String, "30个工作日")
            XCTAssertNil(asked["reviewWindowEnds"] as? String)
            let observed20 = D.fields(try await d.act(id, "review/opinion", #"{"result":"部分"}"#, expect: 422))
            XCTAssertEqual(observed20,
                           ["result invalid_choice", "opinion required"])
            let reviewed = try await d.act(id, "review/opinion", by: "county", #"{"result":"upheld","opinion":"原处理意见正确,予以维持"}"#)
            XCTAssertEqual(reviewed["state"] as? String, "reviewed")
            XCTAssertEqual((reviewed["review"] as? [String: Any])?["resultName"] as? String, "维持原处理意见")
            XCTAssertEqual(D.clock(reviewed, "review")?["status"] as? String, "met")
            let reAsked = try await d.act(id, "re-review", #"{"request":"仍不服,请求复核"}"#)
            XCTAssertEqual(reAsked["state"] as? String, "reReviewRequested")
            let done = try await d.act(id, "re-review/opinion", by: "county", #"{"result":"revised","opinion":"变更原意见,补发加班费"}"#)
            XCTAssertEqual(done["state"] as? String, "reReviewed")
            XCTAssertEqual(done["stateName"] as? String, "已复核")
            try await d.act(id, "re-review", #"{"request":"再请求"}"#, expect: 409, code: "petition_state")
            for action in ["petition.reply", "petition.review_request", "petition.review_decide", "petition.re_review_request",
                           "petition.re_review_decide"]
            {
                let observed21 = try await d.count("audit_log", where: ("action", action))
                XCTAssertEqual(observed21, 1, action)
            }
        }
    }

    /// A review may be asked only within 30 working days of the reply.
    func testAReviewAfterTheWindowIsRefused() async throws {
        // Reply on Thursday 2026-09-24 10:00: the 30th working day after it, with 中秋 and 国庆 off and Saturday
        // 10-10 worked, is Thursday 11-12, so the window ends at 17:30 that day.
        try await D.each(start: D.beijing("2026-09-22 09:00")) { d in
            let petition = try await d.register()
            let id = try XCTUnwrap(petition["id"] as? Int)
            try await d.act(id, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            try await d.handle(petition)
            d.clock.advance(minutes: 2 * 24 * 60 + 60)
            let replied = try await d.act(id, "reply", #"{"reply":"已办结,答复如下。"}"#)
            XCTAssertEqual(replied["reviewWindowEnds"] as? String, D.iso("2026-11-12 17:30"))
            XCTAssertEqual(replied["reviewWindowOpen"] as? Bool, true)
            let open = try await d.get("/petitions/\(id)", by: "officer", html: true)
            XCTAssertTrue(open.text.contains(#"action="/petitions/\#(id)/review""#), "the review form while the window is open")
            let minutesToWindowEnd = (D.beijing("2026-11-12 17:31").timeIntervalSince(d.clock.now())) / 60
            d.clock.advance(minutes: minutesToWindowEnd)
            let closed = try await d.get("/petitions/\(id)", by: "officer", html: true)
            XCTAssertTrue(closed.text.contains("复查请求期限已于 2026-11-12 17:30 届满"), closed.text)
            XCTAssertFalse(closed.text.contains(#"action="/petitions/\#(id)/review""#), "no form once the window closed")
            try await d.act(id, "review", #"{"request":"不服"}"#, expect: 409, code: "request_window_closed")
            let observed22 = try await d.get("/api/v1/petitions/\(id)", by: "officer").json()["state"] as? String
            XCTAssertEqual(observed22, "replied")
        }
    }

    /// The 15/60/30 working-day limits across 中秋 and 国庆 2026 with their make-up Sundays and Saturdays, as the
    /// API shows them, and the overdue filter.
    func testStatutoryClocksAcrossNationalDayAndTheOverdueList() async throws {
        try await D.each(start: D.beijing("2026-07-10 10:00")) { d in
            // Received and accepted Friday 07-10: decision due 07-31; the 60th working day is 10-09 (09-20 worked,
            // 09-25…27 and 10-01…07 off); the extension of 30 (10-10 worked) runs to 11-19.
            let a = try await d.register()
            XCTAssertEqual(D.clock(a, "acceptance")?["deadline"] as? String, D.iso("2026-07-31 17:30"))
            let aID = try XCTUnwrap(a["id"] as? Int)
            let accepted = try await d.act(aID, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            XCTAssertEqual(D.clock(accepted, "handling")?["deadline"] as? String, D.iso("2026-10-09 17:30"))
            try await d.act(aID, "extension", #"{"days":30,"reason":"需与用工单位所在地协调"}"#)
            let extended = try await d.act(aID, "extension/approve", by: "boss")
            XCTAssertEqual(D.clock(extended, "handling")?["deadline"] as? String, D.iso("2026-11-19 17:30"))
            let c = try await d.register(D.body(petitioners: [("李娜", D.otherIdNumber, nil)]))
            let cID = try XCTUnwrap(c["id"] as? Int)

            // Received Friday 09-18 16:00: Sunday 09-20 counts, 中秋 and 国庆 do not, Saturday 10-10 counts → 10-15.
            d.clock.advance(minutes: D.beijing("2026-09-18 16:00").timeIntervalSince(d.clock.now()) / 60)
            let b = try await d.register(D.body(form: "letter", persons: nil, petitioners: [("王强", D.thirdIdNumber, nil)]))
            let bID = try XCTUnwrap(b["id"] as? Int)
            XCTAssertEqual(D.clock(b, "acceptance")?["deadline"] as? String, D.iso("2026-10-15 17:30"))
            XCTAssertEqual(D.clock(b, "acceptance")?["status"] as? String, "running")
            var overdue = try await d.get("/api/v1/petitions?overdue=1", by: "officer").json()
            XCTAssertEqual((overdue["petitions"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }, [cID])
            XCTAssertEqual(overdue["overdue"] as? Int, 1)

            d.clock.advance(minutes: D.beijing("2026-10-15 17:00").timeIntervalSince(d.clock.now()) / 60)
            let warned = try await d.get("/api/v1/petitions/\(bID)", by: "officer").json()
            XCTAssertEqual(D.clock(warned, "acceptance")?["status"] as? String, "warning")
            d.clock.advance(minutes: D.beijing("2026-10-16 09:00").timeIntervalSince(d.clock.now()) / 60)
            let late = try await d.get("/api/v1/petitions/\(bID)", by: "officer").json()
            XCTAssertEqual(D.clock(late, "acceptance")?["status"] as? String, "overdue")
            XCTAssertEqual(late["overdue"] as? Bool, true)
            overdue = try await d.get("/api/v1/petitions?overdue=1", by: "officer").json()
            XCTAssertEqual((overdue["petitions"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }, [bID, cID])
            let all = try await d.get("/api/v1/petitions", by: "officer").json()
            XCTAssertEqual(all["overdue"] as? Int, 2)
            let extendedNow = try await d.get("/api/v1/petitions/\(aID)", by: "officer").json()
            XCTAssertEqual(D.clock(extendedNow, "handling")?["status"] as? String, "running", "the extension keeps it on time")
            let decidedLate = try await d.act(bID, "decision", #"{"decision":"accept","reason":"属于本机关职权范围"}"#)
            XCTAssertEqual(D.clock(decidedLate, "acceptance")?["status"] as? String, "missed")
            let paged = try await d.get("/api/v1/petitions?overdue=1&limit=1", by: "officer").json()
            XCTAssertEqual((paged["petitions"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }, [cID])
        }
    }

    func testRolesAndJurisdiction() async throws {
        try await D.each { d in
            let petition = try await d.register()
            let id = try XCTUnwrap(petition["id"] as? Int)
            let observed23 = try await d.get("/api/v1/petitions/\(id)", by: "grid").status
            XCTAssertEqual(observed23, .ok, "viewCases reads")
            let observed24 = try await d.get("/api/v1/petitions/\(id)", by: "lead").status
            XCTAssertEqual(observed24, .ok)
            let observed25 = try await d.get("/api/v1/petitions/\(id)", by: "auditor").status
            XCTAssertEqual(observed25, .forbidden)
            let observed26 = try await d.get("/api/v1/petitions/\(id)", by: "outsider").status
            XCTAssertEqual(observed26, .notFound)
            let observed27 = try await d.get("/api/v1/petitions/999999", by: "officer").status
            XCTAssertEqual(observed27, .notFound)
            let outsiderList = try await d.get("/api/v1/petitions", by: "outsider").json()
            XCTAssertEqual((outsiderList["petitions"] as? [[String: Any]])?.count, 0)
            XCTAssertEqual((outsiderList["counts"] as? [String: Any])?["petitions"] as? Int, 0)
            let observed28 = try await d.post("/api/v1/petitions", by: "grid", D.body()).status
            XCTAssertEqual(observed28, .forbidden)
            let observed29 = try await d.post("/api/v1/petitions", by: "desk", D.body()).status
            XCTAssertEqual(observed29, .forbidden,
                           "taking in cases is not receiving petitions")
            let observed30 = try await d.post("/api/v1/petitions", by: "outsider", D.body()).status
            XCTAssertEqual(observed30, .unprocessableContent,
                           "a grid outside the jurisdiction is a field error")
            try await d.act(id, "decision", by: "grid", #"{"decision":"accept","reason":"x"}"#, expect: 403)
            try await d.act(id, "decision", by: "outsider", #"{"decision":"accept","reason":"x"}"#, expect: 404)
            try await d.act(id, "reveal", by: "grid", expect: 403)
            try await d.act(id, "reveal", by: "outsider", expect: 404)
            let revealed = try await d.post("/api/v1/petitions/\(id)/reveal", by: "officer")
            XCTAssertEqual(revealed.status, .ok)
            XCTAssertTrue(revealed.text.contains(D.idNumber) && revealed.text.contains("13800001111"), revealed.text)
            XCTAssertEqual(revealed.headers[.cacheControl], "no-store")
            let observed31 = try await d.count("audit_log", where: ("action", "petition.reveal"))
            XCTAssertEqual(observed31, 1)
            let document = try await d.get("/api/v1/petitions/\(id)/documents/notice", by: "officer")
            XCTAssertEqual(document.status, .notFound, "no notice before the decision")
            let observed32 = try await d.get("/api/v1/petitions/\(id)/documents/receipt", by: "officer").status
            XCTAssertEqual(observed32, .notFound)
        }
    }
}
