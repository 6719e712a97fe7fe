import FengqiaoDomain
import XCTest

final class RiskWarningLifecycleTests: XCTestCase {
    func finding(_ ids: [Int64], _ level: RiskLevel = .blue) -> RiskFinding {
        RiskFinding(rule: .cluster, level: level, subject: "cluster|x|org:1", summary: "s", measures: [], caseIds: ids,
                    areaCodes: ["150207001001"])
    }

    func testTheSameSituationNeverRaisesTwice() {
        XCTAssertEqual(RiskWarningDecision.decide(finding([1, 2, 3]), open: nil, closedCaseIds: []), .raise)
        XCTAssertEqual(RiskWarningDecision.decide(finding([1, 2, 3]), open: (.blue, [1, 2, 3]), closedCaseIds: []), .nothing)
        XCTAssertEqual(RiskWarningDecision.decide(finding([1, 2, 3, 4]), open: (.blue, [1, 2, 3]), closedCaseIds: []),
                       .update(addedCases: [4], raisedTo: nil))
        XCTAssertEqual(RiskWarningDecision.decide(finding([1, 2, 3, 4, 5], .yellow), open: (.blue, [1, 2, 3]), closedCaseIds: []),
                       .update(addedCases: [4, 5], raisedTo: .yellow))
        // A lower level (a case fell out of the window) changes nothing.
        XCTAssertEqual(RiskWarningDecision.decide(finding([2, 3], .blue), open: (.yellow, [1, 2, 3]), closedCaseIds: []), .nothing)
        // Closed: the same cases do not come back; a new one does.
        XCTAssertEqual(RiskWarningDecision.decide(finding([1, 2, 3]), open: nil, closedCaseIds: [1, 2, 3]), .nothing)
        XCTAssertEqual(RiskWarningDecision.decide(finding([2, 3, 4]), open: nil, closedCaseIds: [1, 2, 3]), .raise)
    }

    func testLifecycle() throws {
        XCTAssertEqual(try RiskWarningCommand.assign(ownerId: 5).next(from: .new, isOwner: false), .assigned)
        XCTAssertEqual(try RiskWarningCommand.assign(ownerId: 6).next(from: .handling, isOwner: false), .assigned)
        XCTAssertEqual(try RiskWarningCommand.startHandling.next(from: .assigned, isOwner: true), .handling)
        XCTAssertEqual(try RiskWarningCommand.close(measures: "约谈企业负责人,工资已发放").next(from: .handling, isOwner: true), .closed)
        XCTAssertEqual(try RiskWarningCommand.close(measures: "经核实为误报").next(from: .new, isOwner: false), .closed)
    }

    func testRefusals() {
        func code(_ command: RiskWarningCommand, _ state: RiskWarningState, owner: Bool = true) -> String? {
            do { _ = try command.next(from: state, isOwner: owner); return nil } catch { return error.code }
        }
        XCTAssertEqual(code(.startHandling, .assigned, owner: false), "not_owner")
        XCTAssertEqual(code(.startHandling, .new), "not_assigned")
        XCTAssertEqual(code(.startHandling, .handling), "already_handling")
        XCTAssertEqual(code(.assign(ownerId: 1), .closed), "warning_closed")
        XCTAssertEqual(code(.close(measures: "已处置"), .closed), "warning_closed")
        XCTAssertEqual(code(.close(measures: "  \n"), .handling), "validation_failed")
        XCTAssertEqual(code(.close(measures: String(repeating: "措", count: 2_001)), .handling), "validation_failed")
    }
}

final class RiskFilingTests: XCTestCase {
    func testAWarningIsFiledAtTheNearestAreaHoldingAllItsCases() {
        func filed(_ codes: [String]) -> String {
            RiskFinding(rule: .cluster, level: .blue, subject: "s", summary: "", measures: [], caseIds: [], areaCodes: codes).filingArea
        }
        XCTAssertEqual(filed(["150207001001"]), "150207001001")
        // 15020700100 shares 11 digits, which is no level: back to the township's 9, as its full code.
        XCTAssertEqual(filed(["150207001001", "150207001002"]), "150207001000")
        XCTAssertEqual(filed(["150207001001", "150207002001"]), "150207000000")
        XCTAssertEqual(filed(["150207001001", "150203001001"]), "150200000000")
        XCTAssertEqual(filed(["150207001001001", "150207001001002"]), "150207001001")
        XCTAssertEqual(filed(["150207001001001002", "150207001001001003"]), "150207001001001")
        XCTAssertEqual(filed([]), "")
    }

    func testWindowsAndHorizon() {
        let book = RiskRuleBook.standard
        XCTAssertEqual(book.windowDays(for: .cluster(category: "a", respondent: "b")), 30)
        XCTAssertEqual(book.windowDays(for: .hotspotAddress("x")), 7)
        XCTAssertEqual(book.windowDays(for: .repeatApplicant("p")), 90)
        XCTAssertNil(book.windowDays(for: .single(rule: .mass, caseId: 1)))
        XCTAssertEqual(book.horizonDays, 90)
        XCTAssertFalse(book.groupRulesOnly.isEnabled(.keyword))
        XCTAssertTrue(book.groupRulesOnly.isEnabled(.cluster))
    }
}
