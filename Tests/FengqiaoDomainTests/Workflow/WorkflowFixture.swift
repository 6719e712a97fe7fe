import FengqiaoDomain
import Foundation

/// Actors, places and cases in every state for the workflow tests. The case sits on grid
/// 150207001001001 (village 150207001001, township 150207001, county 150207, city 1502).
enum WorkflowFixture {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    static func hours(_ n: Double) -> Date { t0.addingTimeInterval(n * 3600) }

    static let grid = "150207001001001"
    static let otherGrid = "150207001001002"
    static let village = "150207001001"
    static let township = "150207001000"
    static let otherTownship = "150207002000"
    static let county = "150207000000"
    static let city = "150200000000"

    static let leadDepartment: Int64 = 11
    static let assistingDepartment: Int64 = 12
    static let otherDepartment: Int64 = 13
    static let summonedDepartment: Int64 = 14

    static let code = TrackingCode("K7QM3WXP9RTD")!
    static let otherCode = TrackingCode("K7QM3WXP9RTE")!

    static func staff(_ role: Role, at area: String, department: Int64? = nil, id: Int64 = 1) -> CaseActor {
        .staff(Staff(accountID: id, username: "\(role.rawValue)\(id)", displayName: role.chineseName, role: role,
                     jurisdiction: Jurisdiction(root: AreaCode(area)!), departmentID: department))
    }

    static let intakeOperator = staff(.intakeOperator, at: township, id: 2)
    static let dispatcher = staff(.dispatcher, at: township, id: 3)
    static let villageDispatcher = staff(.dispatcher, at: village, id: 4)
    static let countyDispatcher = staff(.dispatcher, at: county, id: 5)
    static let cityDispatcher = staff(.dispatcher, at: city, id: 6)
    static let otherTownshipDispatcher = staff(.dispatcher, at: otherTownship, id: 7)
    static let gridWorker = staff(.gridWorker, at: grid, id: 8)
    static let otherGridWorker = staff(.gridWorker, at: otherGrid, id: 9)
    static let gridLeader = staff(.gridLeader, at: village, id: 10)
    static let mediator = staff(.mediator, at: township, id: 11)
    static let leadHandler = staff(.departmentHandler, at: county, department: leadDepartment, id: 12)
    static let assistingHandler = staff(.departmentHandler, at: county, department: assistingDepartment, id: 13)
    static let otherHandler = staff(.departmentHandler, at: county, department: otherDepartment, id: 14)
    static let summonedHandler = staff(.departmentHandler, at: county, department: summonedDepartment, id: 15)
    static let countyLeader = staff(.leader, at: county, id: 16)
    static let townshipLeader = staff(.leader, at: township, id: 17)
    static let cityLeader = staff(.leader, at: city, id: 18)
    static let requester = CaseActor.requester(code)
    static let system = CaseActor.system(job: "test")
    static let machine = CaseActor.staff(
        Staff.machine(tokenID: 1, name: "12345", scopes: Set(ApiScope.allCases), jurisdiction: Jurisdiction(root: AreaCode(county)!)))

    static func reportedEvent(grid: String? = WorkflowFixture.grid) -> CaseEvent {
        CaseEvent.reported(kind: .dispute, channel: .qrCode, areaCode: AreaCode(village)!,
                           gridCode: grid.flatMap(AreaCode.init), trackingCode: code, by: system, at: t0)
    }

    static func reported(grid: String? = WorkflowFixture.grid) -> CaseSnapshot {
        CaseSnapshot(reported: reportedEvent(grid: grid))!
    }

    static let acceptance = CaseAcceptance(kind: .dispute, category: "邻里纠纷", urgency: .normal, tier: .grid)

    static func order(lead: Int64 = leadDepartment, assisting: [Int64] = [assistingDepartment], at now: Date = hours(1))
        -> DispatchOrder
    {
        DispatchOrder(lead: lead, assisting: assisting, deadline: now.addingTimeInterval(72 * 3600),
                      returnWindowEnds: now.addingTimeInterval(2 * 3600))
    }

    /// Applies `command` or fails the test run by crashing with the refusal: for building fixtures only.
    static func step(_ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date,
                     policy: CasePolicy = CasePolicy()) -> CaseSnapshot {
        switch CaseWorkflow.decide(snapshot, command, by: actor, at: now, policy: policy) {
        case .success(let events): return snapshot.applying(events)
        case .failure(let error): fatalError("fixture step \(command.name) refused: \(error.code) \(error.message)")
        }
    }

    static func accepted(tier: MediationTier = .grid, grid: String? = WorkflowFixture.grid) -> CaseSnapshot {
        var acceptance = acceptance
        acceptance.tier = tier
        return step(reported(grid: grid), .accept(acceptance), by: intakeOperator, at: hours(0.5))
    }

    static func dispatched(assisting: [Int64] = [assistingDepartment], tier: MediationTier = .grid) -> CaseSnapshot {
        step(accepted(tier: tier), .dispatch(order(assisting: assisting)), by: countyDispatcher, at: hours(1))
    }

    static func inProgress(assisting: [Int64] = [assistingDepartment], tier: MediationTier = .grid) -> CaseSnapshot {
        step(dispatched(assisting: assisting, tier: tier), .signFor, by: leadHandler, at: hours(1.5))
    }

    static func handled() -> CaseSnapshot {
        step(inProgress(assisting: []), .feedback(result: "已协调双方达成一致", evidence: ["file-1"], waivedAssisting: []),
             by: leadHandler, at: hours(10))
    }

    static func verified() -> CaseSnapshot {
        step(handled(), .verify(pass: true, reason: nil), by: gridWorker, at: hours(12))
    }

    static func closed() -> CaseSnapshot {
        step(verified(), .close(reply: "您反映的问题已解决", channel: .phone), by: intakeOperator, at: hours(13))
    }
}
