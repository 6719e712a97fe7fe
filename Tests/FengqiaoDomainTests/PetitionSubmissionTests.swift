import FengqiaoDomain
import Foundation
import XCTest

/// Checking a petition registration and its follow-up submissions: every problem named by field, in Chinese.
final class PetitionSubmissionTests: XCTestCase {
    let now = CalendarFixtures.beijing("2026-11-23 10:00")
    static let id = ResidentIdentityNumber(division: "150207", birthDate: "19800101", sequence: 11)?.rawValue ?? ""
    static let other = ResidentIdentityNumber(division: "150207", birthDate: "19810101", sequence: 12)?.rawValue ?? ""

    private func fields(_ submission: PetitionSubmission) -> [String] {
        do {
            _ = try submission.validate(now: now)
            return []
        } catch {
            guard case .validation(let errors) = error else { return ["\(error)"] }
            XCTAssertTrue(errors.allSatisfy { !$0.message.isEmpty && $0.message.unicodeScalars.contains { $0.value > 0x4E00 } })
            return errors.map { "\($0.field) \($0.code)" }
        }
    }

    func testAGoodVisitAndTheCollectiveFlag() throws {
        var submission = PetitionSubmission(
            form: "来访", persons: "4", petitioners: [.init(name: "张伟", idNumber: Self.id, phone: "13800138000"), .init()],
            description: "小区物业拖欠维修基金,多次反映未解决", category: "dispute.property", gridCode: "150207001001001")
        var petition = try submission.validate(now: now)
        XCTAssertEqual(petition.form, .visit)
        XCTAssertEqual(petition.petitioners.count, 1, "blank rows are left out")
        XCTAssertEqual(petition.persons, 4)
        XCTAssertFalse(petition.isCollective)
        submission.persons = "5"
        petition = try submission.validate(now: now)
        XCTAssertTrue(petition.isCollective, "5 or more visitors make a collective visit")
        submission.form = "letter"
        XCTAssertFalse(try submission.validate(now: now).isCollective, "集体访 is a visit")
    }

    func testEveryProblemIsNamed() {
        XCTAssertEqual(fields(PetitionSubmission()), [
            "form required", "petitioners[0].name required", "description required", "gridCode required",
        ])
        XCTAssertEqual(fields(PetitionSubmission(
            form: "fax", receivedAt: "2026-11-24T09:00", persons: "0",
            petitioners: [.init(name: "张伟", idNumber: "150207198001011234", phone: "12345"),
                          .init(name: String(repeating: "长", count: 31), idNumber: Self.id)],
            description: "太短", gridCode: "1502", respondentOrgan: String(repeating: "局", count: 61))), [
            "form invalid_choice", "receivedAt in_future", "petitioners[0].idNumber invalid_format",
            "petitioners[0].phone invalid_format", "petitioners[1].name too_long", "persons out_of_range",
            "description too_short", "gridCode invalid_format", "respondentOrgan too_long",
        ])
        XCTAssertEqual(fields(PetitionSubmission(
            form: "visit", receivedAt: "2025-11-01T09:00", petitioners: [.init(name: "张伟"), .init(name: "李娜", idNumber: Self.other),
                                                                         .init(name: "王强", idNumber: Self.other)],
            description: "拖欠工资问题", gridCode: "150207001001001")), [
            "receivedAt too_old", "petitioners[0].idNumber required", "petitioners[2].idNumber duplicate", "persons required",
        ])
        XCTAssertEqual(fields(PetitionSubmission(
            form: "call", receivedAt: "yesterday", persons: "1",
            petitioners: [.init(name: "张伟", idNumber: Self.id), .init(name: "李娜")],
            description: "拖欠工资问题", gridCode: "150207001001001")), ["receivedAt invalid_format", "persons too_few"])
    }

    func testDecisionExtensionReplyAndReviewSubmissions() {
        func codes(_ body: () throws -> Void) -> [String] {
            do { try body(); return [] } catch {
                guard case .validation(let errors) = error as? DomainError else { return ["\(error)"] }
                return errors.map { "\($0.field) \($0.code)" }
            }
        }
        XCTAssertEqual(codes { _ = try PetitionDecisionSubmission().validate() }, ["decision required", "reason required"])
        XCTAssertEqual(codes { _ = try PetitionDecisionSubmission(decision: "同意", reason: "x", noticeChannel: "fax").validate() },
                       ["decision invalid_choice", "noticeChannel invalid_choice"])
        XCTAssertEqual(try? PetitionDecisionSubmission(decision: "不予受理", reason: "属于诉讼事项").validate().decision, .decline)
        XCTAssertEqual(try? PetitionDecisionSubmission(decision: "accept", reason: "属职权范围").validate().noticeChannel, .letter)
        XCTAssertEqual(codes { _ = try PetitionExtensionSubmission(days: "31", reason: "情况复杂").validate() },
                       ["days exceeds_maximum"])
        XCTAssertEqual(codes { _ = try PetitionExtensionSubmission(days: "0").validate() },
                       ["days out_of_range", "reason required"])
        XCTAssertEqual(try? PetitionExtensionSubmission(days: "30", reason: "需多部门会商").validate().days, 30)
        XCTAssertEqual(codes { _ = try PetitionReplySubmission(reply: " ").validate() }, ["reply required"])
        XCTAssertEqual(codes { _ = try PetitionReviewSubmission().validateRequest() }, ["request required"])
        XCTAssertEqual(codes { _ = try PetitionReviewSubmission(result: "部分", opinion: "").validateOpinion() },
                       ["result invalid_choice", "opinion required"])
        XCTAssertEqual(try? PetitionReviewSubmission(result: "维持", opinion: "维持原意见").validateOpinion().result, .upheld)
    }

    /// Extensions: never by the requester; a leader (superviseCases) at the requester's tier or above; another
    /// petition officer only from a higher tier.
    func testWhoMayApproveAnExtension() throws {
        let township = try XCTUnwrap(AreaCode("150207001000"))
        let county = try XCTUnwrap(AreaCode("150207000000"))
        let otherTownship = try XCTUnwrap(AreaCode("150207002000"))
        func staff(_ id: Int64, _ role: Role, _ area: AreaCode) -> Staff {
            Staff(accountID: id, username: "u\(id)", displayName: "u\(id)", role: role, jurisdiction: Jurisdiction(root: area))
        }
        func code(_ approver: Staff) -> String {
            do {
                try PetitionExtensionApproval.check(approver: approver, requesterID: 1, requesterArea: township)
                return "ok"
            } catch { return (error as? DomainError)?.code ?? "\(error)" }
        }
        XCTAssertEqual(code(staff(1, .petitionOfficer, township)), "self_approval")
        XCTAssertEqual(code(staff(1, .leader, county)), "self_approval", "not even when the requester also leads")
        XCTAssertEqual(code(staff(2, .petitionOfficer, township)), "approver_tier", "a colleague at the same tier")
        XCTAssertEqual(code(staff(2, .petitionOfficer, county)), "ok", "the petition office above")
        XCTAssertEqual(code(staff(2, .leader, township)), "ok", "the township's head")
        XCTAssertEqual(code(staff(2, .leader, county)), "ok")
        XCTAssertEqual(code(staff(2, .leader, otherTownship)), "approver_tier", "another township's head")
        XCTAssertEqual(code(staff(2, .gridWorker, county)), "forbidden")
    }
}
