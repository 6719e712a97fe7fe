import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// A county with township A (the sample areas) and township B, a village mediation committee and a
/// township committee in A with mediators, and a committee in B: what mediation case tests start from.
struct MediationFixture {
    let platform: Platform
    let db: any Database
    let villageCommittee: MediationOrganizationView
    let townshipCommittee: MediationOrganizationView
    let awayCommittee: MediationOrganizationView
    /// In the village committee: neighbour disputes, Mongolian.
    let bater: MediatorView
    /// In the township committee: labour and neighbour disputes.
    let wang: MediatorView
    /// In the village committee, retired.
    let retired: MediatorView
    /// In township B.
    let away: MediatorView

    /// The township's dispatcher (manageMediation, acceptCases).
    static let dispatcher = CameraFixture.person(.dispatcher, SampleAreas.township, id: 11, name: "调度员")
    /// The township's mediator (mediate, manageMediation, no acceptCases).
    static let mediator = CameraFixture.person(.mediator, SampleAreas.township, id: 12, name: "调解员")
    /// The county's leader (viewCases only).
    static let leader = CameraFixture.person(.leader, SampleAreas.county, id: 13, name: "领导")
    /// A mediator of township B.
    static let outsider = CameraFixture.person(.mediator, CameraFixture.townshipB, id: 14, name: "外镇调解员")

    static func make(_ db: any Database, clock: ManualClock? = nil) async throws -> MediationFixture {
        let platform = try clock.map { try TestPlatform.make(database: db, clock: $0) } ?? TestPlatform.make(database: db)
        try await SampleAreas.insert(into: db)
        try await CameraFixture.insertTownshipB(into: db)
        let registry = MediationRegistry(platform: platform)
        let county = CameraFixture.person(.dispatcher, SampleAreas.county)
        let village = try await registry.createOrganization(MediationOrganizationSubmission(
            areaCode: SampleAreas.village, kind: "villageCommittee", name: "康乐社区人民调解委员会"), caller: county)
        let township = try await registry.createOrganization(MediationOrganizationSubmission(
            areaCode: SampleAreas.township, kind: "townshipCommittee", name: "沙河街道人民调解委员会"), caller: county)
        let awayOrg = try await registry.createOrganization(MediationOrganizationSubmission(
            areaCode: CameraFixture.villageB, kind: "villageCommittee", name: "麻池村人民调解委员会"), caller: county)
        let bater = try await registry.createMediator(MediatorSubmission(
            organizationId: village.id, name: "巴特尔", specialties: ["邻里"], languages: ["蒙古语", "汉语"]), caller: county)
        let wang = try await registry.createMediator(MediatorSubmission(
            organizationId: township.id, name: "王调解", specialties: ["劳动争议", "邻里"]), caller: county)
        let retired = try await registry.createMediator(MediatorSubmission(
            organizationId: village.id, name: "退休", specialties: ["邻里"], active: false), caller: county)
        let away = try await registry.createMediator(MediatorSubmission(
            organizationId: awayOrg.id, name: "外镇", specialties: ["邻里"]), caller: county)
        return MediationFixture(platform: platform, db: db, villageCommittee: village, townshipCommittee: township,
                                awayCommittee: awayOrg, bater: bater, wang: wang, retired: retired, away: away)
    }

    /// A direct opening of a neighbour dispute in the sample grid, with both parties.
    func directOpening(mediator: Int64? = nil, organization: Int64? = nil, amountFen: Int64 = 123_456)
        -> MediationOpeningSubmission
    {
        MediationOpeningSubmission(
            specialty: "邻里", facts: "楼上漏水导致楼下房屋受损,双方就赔偿金额协商未果", amountFen: amountFen,
            areaCode: SampleAreas.grid, organizationId: organization ?? villageCommittee.id, mediatorId: mediator,
            parties: [MediationPartySubmission(side: "申请人", name: "李明", phone: "13812345678"),
                      MediationPartySubmission(side: "respondent", kind: "person", name: "赵刚", phone: "13987654321")])
    }

    /// A mediation opened from a hotline-like case that named no parties; the case is accepted (立案), so
    /// the engine takes a conclusion.
    func partylessMediation() async throws -> MediationCaseView {
        let engine = CaseEngine(platform: platform)
        let reported = try await engine.open(CaseOpening(
            channel: "phone", kind: "dispute", description: "来电反映邻居占用楼道堆放杂物", gridCode: SampleAreas.grid),
            caller: Self.dispatcher)
        _ = try await engine.perform(CaseCommandRequest(name: .accept, body: CaseCommandBody()), caseNumber: reported.number,
                                     caller: Self.dispatcher)
        return try await MediationCases(platform: platform).open(
            MediationOpeningSubmission(caseNumber: reported.number, specialty: "邻里", organizationId: villageCommittee.id),
            caller: Self.dispatcher)
    }

    func count(_ table: String) async throws -> Int {
        try await db.read { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
                .decode(column: "n", as: Int.self) ?? -1
        }
    }

    /// The row counts of every table a mediation write touches.
    func counts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["mediation_cases", "mediation_parties", "mediation_sessions", "mediation_referrals", "cases",
                      "case_events", "case_parties", "audit_log"] {
            counts[table] = try await count(table)
        }
        return counts
    }

    func auditActions(prefix: String) async throws -> [String] {
        try await db.read { sql in
            try await sql.select().column("action").from("audit_log").where("action", .like, prefix + "%").orderBy("id").all()
                .map { try $0.decode(column: "action", as: String.self) }
        }
    }
}

/// Asserts that `body` throws a validation error naming exactly `fields` (field:code).
func expectFields(_ body: @autoclosure () async throws -> some Any, _ expected: [String],
                       file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await body()
        XCTFail("no error", file: file, line: line)
    } catch DomainError.validation(let errors) {
        XCTAssertEqual(errors.map { "\($0.field):\($0.code)" }, expected, file: file, line: line)
        XCTAssertTrue(errors.allSatisfy { !$0.message.isEmpty && $0.message.unicodeScalars.contains { $0.value > 0x4E00 } },
                      "Chinese messages: \(errors)", file: file, line: line)
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
    }
}

/// Asserts that `body` throws `expected`.
func expectError(_ body: @autoclosure () async throws -> some Any, _ expected: DomainError,
                  file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await body()
        XCTFail("no error", file: file, line: line)
    } catch {
        XCTAssertEqual(error as? DomainError, expected, file: file, line: line)
    }
}

/// Asserts that `body` throws a conflict with `code`.
func expectConflict(_ body: @autoclosure () async throws -> some Any, _ code: String,
                    file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await body()
        XCTFail("no error", file: file, line: line)
    } catch DomainError.conflict(let found, let message) {
        XCTAssertEqual(found, code, message, file: file, line: line)
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
    }
}
