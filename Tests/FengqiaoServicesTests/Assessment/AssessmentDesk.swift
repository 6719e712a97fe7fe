import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import Synchronization
import XCTest

/// The people of the assessment tests: township staff of 沙河街道 (inside) and 麻池镇 (outside), a department's
/// handler, a grid leader with two grid workers, assessors of the township, the county and the outside township,
/// and a recorder of the recomputations the services ask for.
struct AssessmentDesk {
    static let townshipB = "150207002000"
    static let gridB = "150207002001001"

    let platform: Platform
    let recomputed: RecomputeLog
    let department: Int64
    let otherDepartment: Int64
    let outsideDepartment: Int64
    let workers: [Int64]
    let outsideWorker: Int64
    let township: Caller, leaderOfTownship: Caller, leader: Caller, handler: Caller, handlerWithout: Caller, gridLeader: Caller, outsider: Caller
    let assessor: Caller, countyAssessor: Caller, outsideAssessor: Caller, gridWorker: Caller

    var awards: HighlightAwards { HighlightAwards(platform: platform, recompute: recomputed.recompute) }
    var deductions: ScoreDeductions { ScoreDeductions(platform: platform, recompute: recomputed.recompute) }
    var appeals: ScoreAppeals { ScoreAppeals(platform: platform, recompute: recomputed.recompute) }
    var adjustments: AssessmentAdjustments { AssessmentAdjustments(database: platform.database) }

    static func each(_ body: (AssessmentDesk) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await db.write { sql in
                try await AreaRepository(sql).insert([
                    AreaRecord(code: townshipB, parentCode: SampleAreas.county, level: "township", name: "麻池镇", createdAt: 0),
                    AreaRecord(code: "150207002001", parentCode: townshipB, level: "village", name: "麻池村", createdAt: 0),
                    AreaRecord(code: gridB, parentCode: "150207002001", level: "grid", gridKind: "ordinary", name: "麻池村第1网格",
                               createdAt: 0),
                ])
            }
            let platform = try TestPlatform.make(database: db)
            let setupID = try await TestAccounts.create("setup", role: .leader, area: SampleAreas.county, in: db)
            let setup = Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备", role: .leader,
                                            jurisdiction: try Self.jurisdiction(SampleAreas.county)), ip: "test")
            let centers = CenterAdministration(platform: platform)
            let department = try await centers.addDepartment(areaCode: SampleAreas.township, code: "police", name: "派出所",
                                                             stationing: .resident, caller: setup)
            let other = try await centers.addDepartment(areaCode: SampleAreas.township, code: "court", name: "人民法庭",
                                                        stationing: .resident, caller: setup)
            let outside = try await centers.addDepartment(areaCode: townshipB, code: "police", name: "派出所",
                                                          stationing: .resident, caller: setup)
            var workers: [Int64] = []
            for name in ["张网格", "李网格"] {
                workers.append(try await TestAccounts.create("w\(workers.count)", role: .gridWorker, area: SampleAreas.grid,
                                                             displayName: name, in: db))
            }
            let outsideWorker = try await TestAccounts.create("wb", role: .gridWorker, area: "150207002001", displayName: "王网格", in: db)
            var nextID: Int64 = 100
            func caller(_ role: Role, _ area: String, department: Int64? = nil) throws -> Caller {
                nextID += 1
                return Caller(staff: Staff(accountID: nextID, username: "u\(nextID)", displayName: "\(role.chineseName)\(nextID)",
                                           role: role, jurisdiction: try Self.jurisdiction(area), departmentID: department), ip: "t")
            }
            let desk = AssessmentDesk(
                platform: platform, recomputed: RecomputeLog(), department: department, otherDepartment: other,
                outsideDepartment: outside, workers: workers, outsideWorker: outsideWorker,
                township: try caller(.dispatcher, SampleAreas.township),
                leaderOfTownship: try caller(.leader, SampleAreas.township), leader: try caller(.leader, SampleAreas.county),
                handler: try caller(.departmentHandler, SampleAreas.township, department: department),
                handlerWithout: try caller(.departmentHandler, SampleAreas.township),
                gridLeader: try caller(.gridLeader, SampleAreas.village), outsider: try caller(.dispatcher, townshipB),
                assessor: try caller(.assessor, SampleAreas.township), countyAssessor: try caller(.assessor, SampleAreas.county),
                outsideAssessor: try caller(.assessor, townshipB), gridWorker: try caller(.gridWorker, SampleAreas.grid))
            try await body(desk)
        }
    }

    static func jurisdiction(_ code: String) throws -> Jurisdiction { Jurisdiction(root: try XCTUnwrap(AreaCode(code))) }

    /// Opens a case on `grid` (as a county dispatcher); returns its id and number.
    func openCase(grid: String) async throws -> (id: Int64, number: String) {
        let dispatcher = Caller(staff: Staff(accountID: 1, username: "setup", displayName: "准备", role: .dispatcher,
                                             jurisdiction: try Self.jurisdiction(SampleAreas.county)), ip: "test")
        let opened = try await CaseEngine(platform: platform).open(
            CaseOpening(channel: "walkIn", kind: "dispute", description: "邻里纠纷来访", gridCode: grid), caller: dispatcher)
        let id = try await platform.database.read { try await CaseRepository($0).find(number: opened.number)?.id }
        return (try XCTUnwrap(id), opened.number)
    }

    /// The audit actions on objects of `type`, oldest first.
    func audit(_ type: String) async throws -> [String] {
        try await platform.database.read { db in
            try await db.select().column("action").from("audit_log").where("object_type", .equal, type).orderBy("id").all()
                .map { try $0.decode(column: "action", as: String.self) }
        }
    }
}

/// The recomputations asked for, in order.
final class RecomputeLog: Sendable {
    private let calls = Mutex<[String]>([])

    var recompute: AssessmentRecompute {
        { [self] period, kind in record("\(period) \(kind.rawValue)") }
    }

    func record(_ call: String) { calls.withLock { $0.append(call) } }

    var all: [String] { calls.withLock { $0 } }
}

/// The field codes of a validation error thrown by `body` (`field:code`), or what else it threw.
func rejection(_ body: () async throws -> Void) async -> String {
    do {
        try await body()
        return "accepted"
    } catch DomainError.validation(let errors) {
        return errors.map { "\($0.field):\($0.code)" }.joined(separator: ",")
    } catch let error as DomainError {
        return error.code
    } catch {
        return "\(error)"
    }
}
