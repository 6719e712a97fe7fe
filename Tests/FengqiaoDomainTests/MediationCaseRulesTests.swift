import FengqiaoDomain
import Foundation
import XCTest

/// The pure rules of mediation cases: states, referral transitions, numbers, amounts and submissions.
final class MediationCaseRulesTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_399_200)  // 2026-11-23 10:00 Beijing

    func testOnlyOpenMediationsMove() throws {
        for state in MediationCaseState.allCases {
            if state.isOpen {
                XCTAssertEqual(try MediationCaseRules.afterSessionHeld(state), .inMediation)
                XCTAssertEqual(try MediationCaseRules.afterWithdrawal(state), .withdrawn)
                XCTAssertNoThrow(try MediationCaseRules.requireOpen(state, for: "转出"))
            } else {
                XCTAssertThrowsError(try MediationCaseRules.afterSessionHeld(state)) {
                    guard case DomainError.conflict("mediation_closed", let message) = $0 else { return XCTFail("\($0)") }
                    XCTAssertTrue(message.contains(state.chineseName), message)
                }
                XCTAssertThrowsError(try MediationCaseRules.afterWithdrawal(state))
            }
        }
        XCTAssertEqual(MediationCaseState.openStates, [.open, .inMediation])
        XCTAssertEqual(MediationCaseState.concludedStates, [.succeeded, .partial, .failed])
        XCTAssertFalse(MediationCaseState.withdrawn.isConcluded, "a withdrawal is no outcome")
        XCTAssertThrowsError(try MediationCaseRules.withdrawalReason("  "))
        XCTAssertThrowsError(try MediationCaseRules.withdrawalReason(String(repeating: "撤", count: 501)))
        XCTAssertEqual(try MediationCaseRules.withdrawalReason(" 当事人撤回 "), "当事人撤回")
    }

    func testReferralStatesFollowTheirDirection() throws {
        XCTAssertEqual(MediationReferralState.initial(.outgoing), .sent)
        XCTAssertEqual(MediationReferralState.initial(.incoming), .received)
        let expected: [(MediationReferralState, MediationReferralAction, MediationReferralDirection, MediationReferralState?)] = [
            (.sent, .accept, .outgoing, .accepted), (.sent, .reply, .outgoing, .replied), (.sent, .decline, .outgoing, .declined),
            (.accepted, .reply, .outgoing, .replied), (.accepted, .decline, .outgoing, .declined), (.accepted, .accept, .outgoing, nil),
            (.received, .accept, .incoming, .accepted), (.received, .decline, .incoming, .declined),
            (.received, .reply, .incoming, .replied), (.accepted, .decline, .incoming, nil), (.accepted, .reply, .incoming, .replied),
            (.replied, .reply, .outgoing, nil), (.replied, .decline, .incoming, nil), (.declined, .accept, .outgoing, nil),
            (.declined, .reply, .incoming, nil),
        ]
        for (state, action, direction, next) in expected {
            if let next {
                XCTAssertEqual(try state.after(action, direction: direction), next, "\(state) \(action) \(direction)")
            } else {
                XCTAssertThrowsError(try state.after(action, direction: direction), "\(state) \(action) \(direction)") {
                    guard case DomainError.conflict("invalid_referral_transition", _) = $0 else { return XCTFail("\($0)") }
                }
            }
        }
        XCTAssertTrue(MediationReferralState.replied.isFinished && MediationReferralState.declined.isFinished)
        XCTAssertEqual(MediationReferralKind(named: "访调"), .petition)
        XCTAssertEqual(MediationReferralKind(named: "人民检察院"), .procuratorate)
        XCTAssertEqual(MediationReferralKind.allCases.map(\.chineseName), ["诉调", "警调", "检调", "仲调", "专调", "访调"])
    }

    func testNumbersAndAmounts() {
        let number = MediationNumber(countyPrefix: "150207", year: 2026, sequence: 42)
        XCTAssertEqual(number?.description, "M150207-2026-000042")
        XCTAssertEqual(MediationNumber("M150207-2026-000042"), number)
        for bad in ["150207-2026-000042", "M150207-2026-42", "Mabc-2026-000001", "M150207-26-000001", ""] {
            XCTAssertNil(MediationNumber(bad), bad)
        }
        XCTAssertNil(MediationNumber(countyPrefix: "150207", year: 2026, sequence: 0))
        XCTAssertEqual(MoneyText.fen("1,234.5"), 123_450)
        XCTAssertEqual(MoneyText.fen("0.07"), 7)
        XCTAssertEqual(MoneyText.fen(" 80 "), 8000)
        for bad in ["-1", "1.234", "abc", "", ".5", "1e3", "99999999999999"] { XCTAssertNil(MoneyText.fen(bad), bad) }
        XCTAssertEqual(MoneyText.fen("99999999999999", largest: MediationOpeningSubmission.largestAmountFen), nil, "above 1万亿元")
        XCTAssertEqual(MoneyText.fen("999999999999", largest: MediationOpeningSubmission.largestAmountFen), 99_999_999_999_900)
        XCTAssertEqual(MoneyText.plain(123_450), "1234.50")
        XCTAssertEqual(MediationSpecialty.labour.caseCategory, "劳动争议")
        XCTAssertNil(MediationSpecialty.other.caseCategory)
        for specialty in MediationSpecialty.allCases {
            if let category = specialty.caseCategory { XCTAssertTrue(CaseKind.dispute.defaultCategories.contains(category)) }
        }
    }

    func testOpeningsFromACaseMayLeaveOutWhatTheCaseHas() throws {
        let fromCase = try MediationOpeningSubmission(caseNumber: "150207-2026-000001", specialty: "邻里", organizationId: 1)
            .validate(now: now)
        XCTAssertEqual(fromCase.parties, [])
        XCTAssertNil(fromCase.facts)
        XCTAssertEqual(fromCase.amountFen, 0)
        XCTAssertThrowsError(try MediationOpeningSubmission(
            caseNumber: "150207-2026-000001", specialty: "邻里", organizationId: 1,
            referral: MediationReferralSubmission(kind: "court", counterpart: "法院")).validate(now: now)) {
            guard case DomainError.validation(let errors) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(errors.map(\.field), ["referral"])
        }
        XCTAssertThrowsError(try MediationOpeningSubmission(caseNumber: "第1号", specialty: "邻里", mediatorId: 3).validate(now: now)) {
            guard case DomainError.validation(let errors) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(errors.map(\.field), ["caseNumber"])
        }
        let direct = try MediationOpeningSubmission(
            specialty: "婚姻家庭", facts: "夫妻因抚养费发生纠纷", amountFen: 0, areaCode: "150207001001", mediatorId: 2,
            parties: [.init(side: "申请人", kind: "单位", name: "某公司"), .init(side: "被申请人", name: "张三", phone: "0472-1234567")],
            referral: MediationReferralSubmission(kind: "访调", counterpart: "区信访局", date: "2026-11-20")).validate(now: now)
        XCTAssertEqual(direct.parties.map(\.kind), [.organization, .person])
        XCTAssertEqual(direct.referral?.day, "2026-11-20")
        XCTAssertEqual(direct.referral?.kind, .petition)
    }

    func testSessionsAreHeldInThePastOrPlannedAhead() throws {
        let held = try MediationSessionSubmission(at: "2026-11-23T09:00", place: "调解室", attendees: "双方", notes: "未果",
                                                  outcome: "调解未果").validate(now: now)
        XCTAssertEqual(held.outcome, .failed)
        XCTAssertTrue(held.isHeld)
        let planned = try MediationSessionSubmission(at: "2026-11-24 15:00", place: "调解室", attendees: "双方").validate(now: now)
        XCTAssertFalse(planned.isHeld)
        func fields(_ submission: MediationSessionSubmission) -> [String] {
            do {
                _ = try submission.validate(now: now)
                return []
            } catch {
                guard case .validation(let errors) = error else { return ["\(error)"] }
                return errors.map { "\($0.field):\($0.code)" }
            }
        }
        XCTAssertEqual(fields(.init(at: "2026-11-24T09:00", place: "室", attendees: "双方", notes: "x", outcome: "resolved")),
                       ["at:in_future"])
        XCTAssertEqual(fields(.init(at: "2024-01-01T09:00", place: "室", attendees: "双方", notes: "x", outcome: "resolved")),
                       ["at:too_old"])
        XCTAssertEqual(fields(.init(at: "2028-01-01T09:00", place: "室", attendees: "双方")), ["at:too_far"])
        XCTAssertEqual(fields(.init(at: "2026-02-30T09:00", place: String(repeating: "室", count: 101), attendees: "双方",
                                    notes: String(repeating: "记", count: 2001), outcome: "failed")),
                       ["at:invalid_format", "place:too_long", "notes:too_long"])
        XCTAssertThrowsError(try MediationSessionSubmission(notes: "好").validateOutcome())
    }

    func testAnAgreementNeedsBothSidesAndPartiesAreLimited() throws {
        let today = try XCTUnwrap(CivilDate("2026-11-23"))
        let agreement = MediationAgreementSubmission(
            facts: "双方就楼道杂物清理达成一致", terms: [AgreementTermSubmission(obligor: "被申请人", content: "清理楼道杂物")],
            performanceMethod: "即时履行")
        let success = try MediationConclusionSubmission(outcome: "succeeded", agreement: agreement).validate(today: today)
        let partial = try MediationConclusionSubmission(outcome: "partial", agreement: agreement, route: "litigation",
                                                        note: "余款未达成一致").validate(today: today)
        let failed = try MediationConclusionSubmission(outcome: "failed", route: "litigation", note: "分歧过大")
            .validate(today: today)
        func codes(_ conclusion: MediationConclusion, _ sides: [MediationPartySide]) -> [String] {
            do {
                try MediationCaseRules.requireParties(for: conclusion, sides: sides)
                return []
            } catch {
                guard case .validation(let errors) = error else { return ["\(error)"] }
                return errors.map { "\($0.field):\($0.code)" }
            }
        }
        for conclusion in [success, partial] {
            XCTAssertEqual(codes(conclusion, []), ["parties:missing_parties"])
            XCTAssertEqual(codes(conclusion, [.applicant, .applicant]), ["parties:missing_parties"])
            XCTAssertEqual(codes(conclusion, [.respondent]), ["parties:missing_parties"])
            XCTAssertEqual(codes(conclusion, [.respondent, .applicant]), [])
        }
        XCTAssertEqual(codes(failed, []), [])
        XCTAssertNoThrow(try MediationCaseRules.requireRoomForParty(existing: MediationOpeningSubmission.partyLimit - 1))
        XCTAssertThrowsError(try MediationCaseRules.requireRoomForParty(existing: MediationOpeningSubmission.partyLimit))
        // A party on its own is validated as at the opening, without the `parties[i].` prefix.
        let party = try MediationPartySubmission(side: "被申请人", kind: "单位", name: " 物业公司 ", phone: "13700001111").validate()
        XCTAssertEqual(party, MediationParty(side: .respondent, kind: .organization, name: "物业公司",
                                             phone: PhoneNumber("13700001111")))
        XCTAssertThrowsError(try MediationPartySubmission(name: "甲").validate()) { error in
            guard case DomainError.validation(let errors) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(errors.map(\.field), ["side"])
        }
    }
}
