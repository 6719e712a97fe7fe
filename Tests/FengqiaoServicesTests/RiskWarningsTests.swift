import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Risk warnings end to end below the web: cases opened through the engine, the incremental monitor and the nightly
/// sweep filing warnings once per situation, the lifecycle with its permissions and the jurisdiction, on SQLite and
/// PostgreSQL.
final class RiskWarningsTests: XCTestCase {
    static func caller(_ id: Int64, _ role: Role, _ area: String) throws -> Caller {
        Caller(staff: Staff(accountID: id, username: "u\(id)", displayName: "u\(id)", role: role,
                            jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(area))), departmentID: nil),
               ip: "test")
    }

    struct World {
        let db: any Database
        let clock: ManualClock
        let platform: Platform
        let engine: CaseEngine
        let desk: Caller

        /// A case about wages owed by 鑫源建筑公司 (the respondent), at the sample grid.
        func openWageCase(_ text: String = "拖欠工资三个月") async throws -> String {
            clock.advance(minutes: 5)
            return try await engine.open(
                CaseOpening(channel: "phone", kind: "dispute", category: "拖欠农民工工资", description: text,
                            gridCode: SampleAreas.grid,
                            parties: [CaseOpening.Party(side: "respondent", kind: "organization", name: "鑫源建筑公司")]),
                caller: desk).number
        }

        func warnings(_ sql: String = "SELECT number, rule, level, state, case_count, area_code FROM risk_warnings ORDER BY id")
            async throws -> [[String: String]]
        {
            try await db.read { db in
                try await db.raw(SQLQueryString(sql)).all().map { row in
                    var values: [String: String] = [:]
                    for column in row.allColumns {
                        values[column] = (try? row.decode(column: column, as: Int64.self)).map(String.init)
                            ?? (try? row.decode(column: column, as: String.self)) ?? "∅"
                    }
                    return values
                }
            }
        }
    }

    func world(_ db: any Database) async throws -> World {
        try await SampleAreas.insert(into: db)
        let clock = ManualClock()
        let platform = try TestPlatform.make(database: db, clock: clock)
        return World(db: db, clock: clock, platform: platform, engine: CaseEngine(platform: platform),
                     desk: try Self.caller(1, .dispatcher, SampleAreas.township))
    }

    func testTheMonitorRaisesAWarningOnceAndGrowsItWithTheSituation() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            let monitor = RiskMonitor(platform: w.platform)
            _ = try await w.openWageCase()
            _ = try await w.openWageCase()
            try await monitor.run()
            let none = try await w.warnings().filter { $0["rule"] == "cluster" }
            XCTAssertEqual(none.count, 0, "two cases are no cluster")
            let third = try await w.openWageCase()
            try await monitor.run()
            var cluster = try await w.warnings().filter { $0["rule"] == "cluster" }
            XCTAssertEqual(cluster.count, 1, "\(db.kind)")
            XCTAssertEqual(cluster.first?["level"], "blue")
            XCTAssertEqual(cluster.first?["case_count"], "3")
            XCTAssertEqual(cluster.first?["area_code"], SampleAreas.village)
            // Numbered YJ + year + the id in six digits, on both databases (each pads it in its own SQL).
            let numbers = try await w.warnings().compactMap { $0["number"] }
            XCTAssertFalse(numbers.isEmpty)
            for number in numbers { XCTAssertNotNil(number.range(of: #"^YJ\d{4}\d{6}$"#, options: .regularExpression), number) }
            XCTAssertEqual(Set(numbers).count, numbers.count)
            // Nothing new, nothing changes; running again over the same events changes nothing either.
            try await monitor.run()
            let again = try await w.warnings().filter { $0["rule"] == "cluster" }
            XCTAssertEqual(again, cluster)

            _ = try await w.openWageCase()
            _ = try await w.openWageCase()
            try await monitor.run()
            cluster = try await w.warnings().filter { $0["rule"] == "cluster" }
            XCTAssertEqual(cluster.count, 1)
            XCTAssertEqual(cluster.first?["level"], "yellow")
            XCTAssertEqual(cluster.first?["case_count"], "5")
            let kinds = try await w.warnings(
                "SELECT e.kind FROM risk_warning_events e JOIN risk_warnings w ON w.id = e.warning_id WHERE w.rule = 'cluster' ORDER BY e.id")
            XCTAssertEqual(kinds.compactMap { $0["kind"] }, ["raised", "casesAdded", "levelRaised"])

            let view = try await RiskWarnings(platform: w.platform).view(
                try XCTUnwrap(cluster.first?["number"]), caller: try Self.caller(9, .leader, SampleAreas.county))
            XCTAssertEqual(view.cases.count, 5)
            XCTAssertTrue(view.cases.contains { $0.number == third })
            XCTAssertTrue(view.summary.contains("拖欠农民工工资"), view.summary)
            XCTAssertEqual(view.measures.first?.value, 5)
            XCTAssertEqual(view.measures.first?.threshold, 5)
        }
    }

    /// Two monitors at once (two instances) file each situation once: the second finds the position moved.
    func testMonitorsRunningTogetherFileOnce() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            for _ in 0..<4 { _ = try await w.openWageCase() }
            async let a = RiskMonitor(platform: w.platform).run()
            async let b = RiskMonitor(platform: w.platform).run()
            _ = try await (a, b)
            let clusters = try await w.warnings().filter { $0["rule"] == "cluster" }
            XCTAssertEqual(clusters.count, 1, "\(db.kind)")
            XCTAssertEqual(clusters.first?["case_count"], "4")
            let links = try await w.warnings("SELECT COUNT(*) AS n FROM risk_warning_cases")
            let warnings = try await w.warnings("SELECT SUM(case_count) AS n FROM risk_warnings")
            XCTAssertEqual(links.first?["n"], warnings.first?["n"])
        }
    }

    /// The case list's risk filter lists exactly the cases of open warnings at or above a level.
    func testTheCaseListFiltersByOpenWarnings() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            let monitor = RiskMonitor(platform: w.platform)
            var wages: [String] = []
            for _ in 0..<3 { wages.append(try await w.openWageCase()) }
            let quiet = try await w.engine.open(CaseOpening(channel: "phone", kind: "dispute", category: "邻里纠纷",
                                                            description: "邻居装修噪音扰民", gridCode: SampleAreas.grid),
                                                caller: w.desk).number
            try await monitor.run()
            let lists = CaseWorklists(platform: w.platform)
            func listed(_ risk: String) async throws -> Set<String> {
                Set(try await lists.page(.all, filter: CaseWorklistFilter(risk: risk), cursor: nil, limit: 50, caller: w.desk)
                    .cases.map(\.number))
            }
            let any = try await listed("warning")
            XCTAssertEqual(any, Set(wages), "\(db.kind)")
            XCTAssertFalse(any.contains(quiet))
            let blue = try await listed("blue")
            XCTAssertEqual(blue, Set(wages))
            let red = try await listed("red")
            XCTAssertEqual(red, [])
            do {
                _ = try await lists.page(.all, filter: CaseWorklistFilter(risk: "purple"), cursor: nil, limit: 50, caller: w.desk)
                XCTFail("a level that does not exist is refused")
            } catch DomainError.validation(let problems) {
                XCTAssertEqual(problems.map(\.field), ["risk"])
            }
        }
    }

    func testKeywordsAndTheSweepAgreeWithoutRepeating() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            // Cases from before the monitor was switched on: it starts at the end, the nightly sweep finds them.
            for _ in 0..<3 { _ = try await w.openWageCase() }
            let alarming = try await w.openWageCase("工人讨薪无果,扬言要跳楼")
            let monitor = RiskMonitor(platform: w.platform)
            try await monitor.startAtTheEnd()
            try await monitor.run()
            let nothing = try await w.warnings()
            XCTAssertEqual(nothing.count, 0)
            try await RiskNightlySweep(platform: w.platform).run()
            let found = try await w.warnings()
            XCTAssertEqual(Set(found.compactMap { $0["rule"] }), ["cluster", "hotspot", "keyword"], "\(db.kind)")
            XCTAssertEqual(found.first { $0["rule"] == "keyword" }?["level"], "red")
            XCTAssertEqual(found.first { $0["rule"] == "cluster" }?["case_count"], "4")
            // The sweep again, and the monitor over new events of the same cases: no second warning.
            try await RiskNightlySweep(platform: w.platform).run()
            _ = try await w.engine.perform(CaseCommandRequest(name: .accept), caseNumber: alarming, caller: w.desk)
            try await monitor.run()
            let after = try await w.warnings()
            XCTAssertEqual(after, found)
        }
    }

    func testTheLifecycleWithItsPermissionsAndJurisdiction() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            let monitor = RiskMonitor(platform: w.platform)
            for _ in 0..<3 { _ = try await w.openWageCase() }
            try await monitor.run()
            let raised = try await w.warnings()
            let number = try XCTUnwrap(raised.first { $0["rule"] == "cluster" }?["number"])
            XCTAssertTrue(number.hasPrefix("YJ"), number)
            let leaderId = try await TestAccounts.create("leader", role: .leader, area: SampleAreas.county, displayName: "李书记", in: db)
            let ownerId = try await TestAccounts.create("owner", role: .dispatcher, area: SampleAreas.township, displayName: "王调度", in: db)
            let outsiderId = try await TestAccounts.create("far", role: .dispatcher, area: "150207002000", in: db)
            let handlerId = try await TestAccounts.create("dept", role: .departmentHandler, area: SampleAreas.township, in: db)
            let warnings = RiskWarnings(platform: w.platform)
            let leader = try Self.caller(leaderId, .leader, SampleAreas.county)
            let owner = try Self.caller(ownerId, .dispatcher, SampleAreas.township)

            let before = try await warnings.view(number, caller: leader)
            XCTAssertEqual(Set(before.owners.map(\.id)), [leaderId, ownerId], "only people at or above the area who see warnings")
            XCTAssertTrue(before.mayAssign)

            // Refusals: outside the jurisdiction, a role that does not see warnings, an owner who cannot, no measures.
            await assertError("not_found") { try await warnings.view(number, caller: try Self.caller(outsiderId, .dispatcher, "150207002000")) }
            await assertError("forbidden") {
                try await warnings.view(number, caller: try Self.caller(handlerId, .departmentHandler, SampleAreas.township))
            }
            await assertError("validation_failed") { try await warnings.perform(.assign(ownerId: outsiderId), on: number, caller: leader) }
            await assertError("validation_failed") { try await warnings.perform(.assign(ownerId: handlerId), on: number, caller: leader) }
            await assertError("not_assigned") { try await warnings.perform(.startHandling, on: number, caller: leader) }

            let assigned = try await warnings.perform(.assign(ownerId: ownerId), on: number, caller: leader)
            XCTAssertEqual(assigned.state, .assigned)
            XCTAssertEqual(assigned.ownerName, "王调度")
            await assertError("not_owner") { try await warnings.perform(.startHandling, on: number, caller: leader) }
            let handling = try await warnings.perform(.startHandling, on: number, caller: owner)
            XCTAssertEqual(handling.state, .handling)
            XCTAssertTrue(handling.mayClose)
            await assertError("validation_failed") { try await warnings.perform(.close(measures: " "), on: number, caller: owner) }
            let closed = try await warnings.perform(.close(measures: "约谈企业负责人,欠薪已于当日结清"), on: number, caller: owner)
            XCTAssertEqual(closed.state, .closed)
            XCTAssertEqual(closed.history.map(\.kind), ["raised", "assigned", "handling", "closed"])
            XCTAssertFalse(closed.mayAssign || closed.mayClose || closed.mayStartHandling)
            await assertError("warning_closed") { try await warnings.perform(.assign(ownerId: ownerId), on: number, caller: leader) }

            // Each step is audited.
            let audited = try await w.warnings("SELECT action FROM audit_log WHERE object_type = 'risk_warning' ORDER BY id")
            XCTAssertEqual(audited.compactMap { $0["action"] }, ["risk_warning.assign", "risk_warning.handle", "risk_warning.close"])

            // Closed: the same cases never raise it again; a new case in the situation does.
            try await RiskNightlySweep(platform: w.platform).run()
            let stillOne = try await w.warnings().filter { $0["rule"] == "cluster" }
            XCTAssertEqual(stillOne.count, 1)
            _ = try await w.openWageCase()
            try await monitor.run()
            let clusters = try await w.warnings().filter { $0["rule"] == "cluster" }
            XCTAssertEqual(clusters.map { $0["state"] }, ["closed", "new"])
            XCTAssertEqual(clusters.last?["case_count"], "4")

            // The list: open ones by level, filters checked.
            let page = try await warnings.list(RiskWarningFilter(state: "open"), caller: leader)
            XCTAssertFalse(page.items.contains { $0.state == .closed })
            XCTAssertEqual(page.openByLevel.values.reduce(0, +), page.items.count)
            await assertError("validation_failed") { try await warnings.list(RiskWarningFilter(level: "purple"), caller: leader) }
            await assertError("not_found") { try await warnings.list(RiskWarningFilter(area: "150207002000"), caller: owner) }
            let far = try await warnings.list(RiskWarningFilter(), caller: try Self.caller(outsiderId, .dispatcher, "150207002000"))
            XCTAssertEqual(far.items, [])
        }
    }

    func assertError<T>(_ code: String, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> T) async {
        do {
            _ = try await body()
            XCTFail("expected \(code)", file: file, line: line)
        } catch let error as DomainError {
            XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }
}
