import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation

/// The cast of the account-lifecycle tests on the sample areas: a system administrator, two security
/// administrators and an auditor for 九原区 (the county), a leader in 沙河街道, and a leader for the whole
/// city, outside the county's jurisdiction. Departments: one at the county, one at the township.
struct AccountLifecycleFixture {
    let platform: Platform
    let administration: AccountAdministration
    let authentication: Authentication
    let systemAdmin: Int64
    let securityAdmin: Int64
    let otherSecurityAdmin: Int64
    let auditor: Int64
    let leader: Int64
    let cityLeader: Int64
    let countyDepartment: Int64
    let townshipDepartment: Int64

    static let strongPassword = "N3w-Temp-Pass"

    static func make(_ db: any Database) async throws -> AccountLifecycleFixture {
        try await SampleAreas.insert(into: db)
        let platform = try TestPlatform.make(database: db)
        let departments = try await db.write { db in
            let centers = CenterRepository(db)
            return (
                try await centers.insert(DepartmentRecord(areaCode: SampleAreas.county, code: "politicsLaw", name: "区委政法委",
                                                          isCore: 1, stationing: "resident")),
                try await centers.insert(DepartmentRecord(areaCode: SampleAreas.township, code: "street-office",
                                                          name: "街道综治办", isCore: 0, stationing: "resident")))
        }
        return AccountLifecycleFixture(
            platform: platform, administration: AccountAdministration(platform: platform, hashCost: 4),
            authentication: Authentication(platform: platform),
            systemAdmin: try await TestAccounts.create("sys", role: .systemAdmin, displayName: "系统管理员甲", in: db),
            securityAdmin: try await TestAccounts.create("sec", role: .securityAdmin, displayName: "安全管理员甲", in: db),
            otherSecurityAdmin: try await TestAccounts.create("sec2", role: .securityAdmin, displayName: "安全管理员乙", in: db),
            auditor: try await TestAccounts.create("aud", role: .auditor, displayName: "审计员", in: db),
            leader: try await TestAccounts.create("wang_leader", role: .leader, area: SampleAreas.township,
                                                  displayName: "王领导", in: db),
            cityLeader: try await TestAccounts.create("city.leader", role: .leader, area: SampleAreas.city,
                                                      displayName: "市领导", in: db),
            countyDepartment: departments.0, townshipDepartment: departments.1)
    }

    /// Acting as the account `id`, signed in from the test.
    func actor(_ id: Int64) async throws -> Administrator {
        let record = try await platform.database.read { try await AccountRepository($0).find(id: id) }
        guard let record, let role = Role(rawValue: record.role), let area = AreaCode(record.areaCode) else {
            throw FixtureError.noSuchAccount(id)
        }
        return .staff(Caller(
            staff: Staff(accountID: id, username: record.username, displayName: record.displayName, role: role,
                         jurisdiction: Jurisdiction(root: area), departmentID: record.departmentId),
            ip: "203.0.113.9"))
    }

    func record(_ id: Int64) async throws -> AccountRecord? {
        try await platform.database.read { try await AccountRepository($0).find(id: id) }
    }

    func audit(_ action: String) async throws -> [AuditRecord] {
        try await platform.database.read {
            try await AuditRepository($0, kind: platform.database.kind).latest(action: action, limit: 50)
        }
    }

    /// Whether `password` signs `username` in.
    func signsIn(_ username: String, _ password: String = TestAccounts.password) async -> Bool {
        (try? await authentication.signIn(username: username, password: password, ip: "t")) != nil
    }

    enum FixtureError: Error { case noSuchAccount(Int64) }
}
