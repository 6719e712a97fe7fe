import FengqiaoDomain
import Foundation
import XCTest

/// The mediation ladder (escalation, attempts — 三个三) and 吹哨报到.
final class CaseWorkflowLadderTests: XCTestCase {
    typealias F = WorkflowFixture

    func testEscalationMovesTheTierAndKeepsTheState() {
        let after = expectEvents(F.accepted(), .escalate(reason: "网格无法化解"), by: F.gridLeader, types: ["escalated"])
        XCTAssertEqual(after.state, .accepted)
        XCTAssertEqual(after.tier, .village)
        let inProgress = expectEvents(F.inProgress(tier: .township), .escalate(reason: "涉及多部门"), by: F.dispatcher,
                                      types: ["escalated"])
        XCTAssertEqual(inProgress.state, .inProgress)
        XCTAssertEqual(inProgress.tier, .county)
        // The system escalates when a deadline passes; the event says it was automatic.
        let auto = F.step(F.accepted(), .escalate(reason: "超过网格处置时限"), by: F.system, at: F.hours(2))
        XCTAssertEqual(auto.tier, .village)
        guard case .escalated(_, _, _, let automatic)? = try? CaseWorkflow.events(
            F.accepted(), .escalate(reason: "超时"), by: F.system, at: F.hours(2)).first?.payload
        else { return XCTFail("no escalation") }
        XCTAssertTrue(automatic)
    }

    func testEscalationRefusals() {
        expectInvalid(F.accepted(), .escalate(reason: " "), by: F.gridLeader, fields: ["reason"])
        expectForbidden(F.accepted(), .escalate(reason: "升级"), by: F.gridWorker)
        expectForbidden(F.accepted(), .escalate(reason: "升级"), by: F.intakeOperator)
        expectForbidden(F.accepted(), .escalate(reason: "升级"), by: F.requester)
        expectConflict(F.accepted(tier: .township), .escalate(reason: "升级"), by: F.gridLeader, code: "tier_above_actor")
        expectConflict(F.accepted(tier: .city), .escalate(reason: "升级"), by: F.cityDispatcher, code: "top_tier")
        expectInvalidTransition(F.dispatched(), .escalate(reason: "升级"), by: F.dispatcher)
        expectInvalidTransition(F.handled(), .escalate(reason: "升级"), by: F.dispatcher)
    }

    func testTheTiersLastFailedAttemptEscalatesAutomatically() {
        var snapshot = F.accepted()
        snapshot = expectEvents(snapshot, .recordAttempt(outcome: .failed, note: "第一次调解"), by: F.gridWorker,
                                types: ["attempt_recorded"])
        snapshot = expectEvents(snapshot, .recordAttempt(outcome: .partyAbsent, note: "当事人未到"), by: F.gridWorker,
                                types: ["attempt_recorded"])
        XCTAssertEqual(snapshot.attemptsAtTier, 2)
        snapshot = expectEvents(snapshot, .recordAttempt(outcome: .failed, note: "第三次调解未果"), by: F.gridWorker,
                                types: ["attempt_recorded", "escalated"])
        XCTAssertEqual(snapshot.tier, .village)
        XCTAssertEqual(snapshot.attempts[.grid], 3)
        XCTAssertEqual(snapshot.attemptsAtTier, 0)
        // The grid worker is now below the case's tier.
        expectConflict(snapshot, .recordAttempt(outcome: .failed, note: "再试"), by: F.gridWorker, code: "tier_above_actor")
        expectEvents(snapshot, .recordAttempt(outcome: .failed, note: "村调委会调解"), by: F.gridLeader,
                     types: ["attempt_recorded"])
    }

    func testAttemptsStopAtTheLimit() {
        let policy = CasePolicy(attemptLimits: [.city: 1])
        var snapshot = F.accepted(tier: .city)
        snapshot = expectEvents(snapshot, .recordAttempt(outcome: .failed, note: "市级联调"), by: F.cityDispatcher.mediating,
                                policy: policy, types: ["attempt_recorded"])
        expectConflict(snapshot, .recordAttempt(outcome: .failed, note: "再次联调"), by: F.cityDispatcher.mediating,
                       policy: policy, code: "attempts_exhausted")
        // A successful last attempt does not escalate, and no further attempt is recorded at that tier.
        var resolved = F.accepted()
        for note in ["一", "二"] {
            resolved = F.step(resolved, .recordAttempt(outcome: .failed, note: note), by: F.gridWorker, at: F.hours(2))
        }
        resolved = expectEvents(resolved, .recordAttempt(outcome: .resolved, note: "达成协议"), by: F.gridWorker,
                                types: ["attempt_recorded"])
        XCTAssertEqual(resolved.tier, .grid)
        expectConflict(resolved, .recordAttempt(outcome: .failed, note: "四"), by: F.gridWorker, code: "attempts_exhausted")
    }

    func testAttemptRefusals() {
        expectInvalid(F.accepted(), .recordAttempt(outcome: .failed, note: ""), by: F.gridWorker, fields: ["note"])
        expectForbidden(F.accepted(), .recordAttempt(outcome: .failed, note: "调解"), by: F.intakeOperator)
        expectNotFound(F.accepted(), .recordAttempt(outcome: .failed, note: "调解"), by: F.otherGridWorker)
        expectInvalidTransition(F.dispatched(), .recordAttempt(outcome: .failed, note: "调解"), by: F.leadHandler)
        // Department staff with a part record attempts whatever the tier.
        expectEvents(F.inProgress(tier: .county), .recordAttempt(outcome: .failed, note: "部门调处"), by: F.leadHandler,
                     types: ["attempt_recorded"])
    }

    func testWhistleSummonsDepartmentsWhoCheckInLateOrOnTime() {
        let command = CaseCommand.whistle(departments: [F.summonedDepartment, F.otherDepartment, F.summonedDepartment],
                                          checkInDue: F.hours(3))
        // Before the whistle, the summoned department does not see the case.
        expectNotFound(F.accepted(), .checkIn(department: F.summonedDepartment), by: F.summonedHandler)
        let whistled = expectEvents(F.accepted(), command, by: F.dispatcher, types: ["whistled"])
        XCTAssertEqual(whistled.whistles.map(\.departments), [[F.summonedDepartment, F.otherDepartment]])
        XCTAssertEqual(whistled.openWhistles.count, 1)
        let onTime = expectEvents(whistled, .checkIn(department: F.summonedDepartment), by: F.summonedHandler,
                                  at: F.hours(2.5), types: ["checked_in"])
        XCTAssertEqual(onTime.whistles.first?.checkIns[F.summonedDepartment], WhistleCheckIn(at: F.hours(2.5), late: false))
        // The centre records a department that reported in person, after the deadline.
        let late = expectEvents(onTime, .checkIn(department: F.otherDepartment), by: F.dispatcher, at: F.hours(4),
                                types: ["checked_in"])
        XCTAssertEqual(late.lateCheckIns, 1)
        XCTAssertTrue(late.openWhistles.isEmpty)
        expectConflict(late, .checkIn(department: F.summonedDepartment), by: F.summonedHandler, code: "not_summoned")
    }

    func testWhistleRefusals() {
        let command = CaseCommand.whistle(departments: [F.summonedDepartment], checkInDue: F.hours(3))
        expectForbidden(F.accepted(), command, by: F.villageDispatcher)
        expectForbidden(F.accepted(), command, by: F.intakeOperator)
        expectConflict(F.accepted(tier: .county), command, by: F.dispatcher, code: "tier_above_actor")
        expectInvalid(F.accepted(), .whistle(departments: [], checkInDue: F.hours(3)), by: F.dispatcher,
                      fields: ["departments"])
        expectInvalid(F.accepted(), .whistle(departments: [F.summonedDepartment], checkInDue: F.hours(1)), by: F.dispatcher,
                      fields: ["checkInDue"], code: "not_in_future")
        expectInvalidTransition(F.dispatched(), command, by: F.dispatcher)
        expectEvents(F.inProgress(), command, by: F.countyDispatcher, types: ["whistled"])
    }

    func testCheckInRefusals() {
        let whistled = F.step(F.inProgress(), .whistle(departments: [F.summonedDepartment], checkInDue: F.hours(3)),
                              by: F.dispatcher, at: F.hours(2))
        // The lead department has a part but was not summoned.
        expectConflict(whistled, .checkIn(department: F.leadDepartment), by: F.leadHandler, code: "not_summoned")
        // Department staff check in only for their own department.
        expectForbidden(whistled, .checkIn(department: F.summonedDepartment), by: F.leadHandler)
        expectNotFound(whistled, .checkIn(department: F.otherDepartment), by: F.otherHandler)
        expectForbidden(whistled, .checkIn(department: F.summonedDepartment), by: F.gridWorker)
        let closed = F.closed()
        expectInvalidTransition(closed, .checkIn(department: F.summonedDepartment), by: F.dispatcher)
    }
}

extension CaseActor {
    /// A city-level mediator (市级联调 is run by mediators of the city centre).
    var mediating: CaseActor {
        guard case .staff(let staff) = self else { return self }
        return .staff(Staff(accountID: staff.accountID, username: staff.username, displayName: staff.displayName,
                            role: .mediator, jurisdiction: staff.jurisdiction))
    }
}
