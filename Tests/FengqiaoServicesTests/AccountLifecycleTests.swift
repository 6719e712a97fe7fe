import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class AccountLifecycleTests: XCTestCase {
    typealias Fixture = AccountLifecycleFixture

    func testASystemAdminsAccountWaitsForASecurityAdminsGrant() async throws {
        try await TestDatabases.each { db in
            let f = try await Fixture.make(db)
            let sys = try await f.actor(f.systemAdmin), sec = try await f.actor(f.securityAdmin)
            let request = AccountAdministration.NewAccount(
                username: "li.worker", displayName: "李网格", role: "网格员", areaCode: SampleAreas.grid,
                password: Fixture.strongPassword)
            let id = try await f.administration.create(request, by: sys)
            let pending = try await f.record(id)
            XCTAssertEqual(pending?.status, "pending")
            XCTAssertEqual(pending?.role, "gridWorker", "the proposed role is kept for the grant form")
            let signsInWhilePending = await f.signsIn("li.worker", Fixture.strongPassword)
            XCTAssertFalse(signsInWhilePending)

            try await f.administration.grant(accountID: id, role: "gridWorker", areaCode: SampleAreas.grid,
                                             departmentID: nil, by: sec)
            let granted = try await f.record(id)
            XCTAssertEqual(granted?.status, "active")
            let signsInAfterGrant = await f.signsIn("li.worker", Fixture.strongPassword)
            XCTAssertTrue(signsInAfterGrant)

            let created = try await f.audit("account.create")
            XCTAssertEqual(created.map(\.actor), ["sys"])
            XCTAssertEqual(created.first?.objectId, String(id))
            let grants = try await f.audit("account.grant")
            XCTAssertEqual(grants.map(\.actor), ["sec"])
            let summary = try XCTUnwrap(grants.first?.summary)
            XCTAssertTrue(summary.contains(#""before":{"area":"\#(SampleAreas.grid)""#), summary)
            XCTAssertTrue(summary.contains(#""status":"pending""#) && summary.contains(#""status":"active""#), summary)
            for record in created + grants {
                XCTAssertFalse(record.summary.contains(Fixture.strongPassword))
                XCTAssertFalse(record.summary.contains("$2"), "no bcrypt hash in \(record.summary)")
            }
        }
    }

    func testOnlyTheSystemAdminCreatesAndOnlyInsideTheJurisdiction() async throws {
        try await TestDatabases.each { db in
            let f = try await Fixture.make(db)
            func request(_ username: String, area: String = SampleAreas.township, department: Int64? = nil,
                         password: String = Fixture.strongPassword) -> AccountAdministration.NewAccount {
                .init(username: username, displayName: "某人", role: "leader", areaCode: area, departmentID: department,
                      password: password)
            }
            let sys = try await f.actor(f.systemAdmin)
            for other in [f.securityAdmin, f.auditor, f.leader] {
                let actor = try await f.actor(other)
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await f.administration.create(request("nobody"), by: actor)
                }
            }
            await XCTAssertThrowsDomainErrorFields(["areaCode"]) {
                _ = try await f.administration.create(request("a", area: SampleAreas.city), by: sys)
            }
            await XCTAssertThrowsDomainErrorFields(["departmentID"]) {
                // A township department is below a county account, not on its path.
                _ = try await f.administration.create(request("b", area: SampleAreas.county, department: f.townshipDepartment),
                                                      by: sys)
            }
            await XCTAssertThrowsDomainErrorFields(["departmentID"]) {
                _ = try await f.administration.create(request("c", department: 999_999), by: sys)
            }
            await XCTAssertThrowsDomainErrorFields(["password"]) {
                _ = try await f.administration.create(request("d", password: "short"), by: sys)
            }
            let withDepartment = try await f.administration.create(
                request("e", area: SampleAreas.village, department: f.countyDepartment), by: sys)
            let record = try await f.record(withDepartment)
            XCTAssertEqual(record?.departmentId, f.countyDepartment)
            // The command line (the root of trust) makes active accounts of any role anywhere.
            let fromCLI = try await f.administration.create(request("f", area: SampleAreas.city), by: .commandLine(user: "root"))
            let cliRecord = try await f.record(fromCLI)
            XCTAssertEqual(cliRecord?.status, "active")
            let audit = try await f.audit("account.create")
            XCTAssertEqual(audit.map(\.actor), ["cli:root", "sys"])
        }
    }

    func testNobodyGrantsThemselves() async throws {
        try await TestDatabases.each { db in
            let f = try await Fixture.make(db)
            let sec = try await f.actor(f.securityAdmin)
            await XCTAssertThrowsDomainError(code: "self_grant") {
                try await f.administration.grant(accountID: f.securityAdmin, role: "leader", areaCode: SampleAreas.county,
                                                 departmentID: nil, by: sec)
            }
            // Not even a role they already hold.
            await XCTAssertThrowsDomainError(code: "self_grant") {
                try await f.administration.grant(accountID: f.securityAdmin, role: "securityAdmin",
                                                 areaCode: SampleAreas.county, departmentID: nil, by: sec)
            }
            let unchanged = try await f.record(f.securityAdmin)
            XCTAssertEqual(unchanged?.role, "securityAdmin")
            let audit = try await f.audit("account.grant")
            XCTAssertTrue(audit.isEmpty)
            // Another security administrator may.
            let other = try await f.actor(f.otherSecurityAdmin)
            try await f.administration.grant(accountID: f.securityAdmin, role: "auditor", areaCode: SampleAreas.county,
                                             departmentID: nil, by: other)
            let changed = try await f.record(f.securityAdmin)
            XCTAssertEqual(changed?.role, "auditor")
        }
    }

    func testOnlyTheSecurityAdminGrantsAndOnlyInsideTheJurisdiction() async throws {
        try await TestDatabases.each { db in
            let f = try await Fixture.make(db)
            let sec = try await f.actor(f.securityAdmin)
            for other in [f.systemAdmin, f.auditor, f.leader] {
                let actor = try await f.actor(other)
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    try await f.administration.grant(accountID: f.leader, role: "dispatcher", areaCode: SampleAreas.township,
                                                     departmentID: nil, by: actor)
                }
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                try await f.administration.grant(accountID: f.cityLeader, role: "dispatcher", areaCode: SampleAreas.county,
                                                 departmentID: nil, by: sec)
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                try await f.administration.grant(accountID: 987_654, role: "dispatcher", areaCode: SampleAreas.county,
                                                 departmentID: nil, by: sec)
            }
            await XCTAssertThrowsDomainErrorFields(["areaCode"]) {
                try await f.administration.grant(accountID: f.leader, role: "leader", areaCode: SampleAreas.city,
                                                 departmentID: nil, by: sec)
            }
            await XCTAssertThrowsDomainErrorFields(["areaCode"]) {
                try await f.administration.grant(accountID: f.leader, role: "leader", areaCode: "150207999000",
                                                 departmentID: nil, by: sec)
            }
            await XCTAssertThrowsDomainErrorFields(["role", "areaCode"]) {
                try await f.administration.grant(accountID: f.leader, role: "boss", areaCode: "12",
                                                 departmentID: nil, by: sec)
            }
            await XCTAssertThrowsDomainErrorFields(["departmentID"]) {
                try await f.administration.grant(accountID: f.leader, role: "departmentHandler", areaCode: SampleAreas.county,
                                                 departmentID: f.townshipDepartment, by: sec)
            }
            let untouched = try await f.record(f.leader)
            XCTAssertEqual(untouched?.role, "leader")
            XCTAssertEqual(untouched?.areaCode, SampleAreas.township)

            let session = try await f.authentication.signIn(username: "wang_leader", password: TestAccounts.password, ip: "t")
            try await f.administration.grant(accountID: f.leader, role: "部门办理人", areaCode: SampleAreas.village,
                                             departmentID: f.townshipDepartment, by: sec)
            let granted = try await f.record(f.leader)
            XCTAssertEqual(granted?.role, "departmentHandler")
            XCTAssertEqual(granted?.areaCode, SampleAreas.village)
            XCTAssertEqual(granted?.departmentId, f.townshipDepartment)
            let resumed = try await f.authentication.resume(token: session.token)
            XCTAssertNil(resumed, "a grant ends the account's sessions")
            let summary = try await f.audit("account.grant").first?.summary ?? ""
            XCTAssertTrue(summary.contains(#""department":\#(f.townshipDepartment)"#), summary)
            XCTAssertTrue(summary.contains(#""role":"leader""#) && summary.contains(#""role":"departmentHandler""#), summary)
        }
    }

    func testDisablingEndsSessionsAndSignInAndNobodyDisablesThemselves() async throws {
        try await TestDatabases.each { db in
            let f = try await Fixture.make(db)
            let sys = try await f.actor(f.systemAdmin)
            let session = try await f.authentication.signIn(username: "wang_leader", password: TestAccounts.password, ip: "t")
            try await f.administration.disable(accountID: f.leader, by: sys)
            let resumed = try await f.authentication.resume(token: session.token)
            XCTAssertNil(resumed)
            let remaining = try await db.read { try await $0.countRows(in: "sessions") }
            XCTAssertEqual(remaining, 0)
            let signsInDisabled = await f.signsIn("wang_leader")
            XCTAssertFalse(signsInDisabled)
            await XCTAssertThrowsDomainError(code: "already_disabled") {
                try await f.administration.disable(accountID: f.leader, by: sys)
            }
            // A grant does not enable: that is the system administrator's decision.
            try await f.administration.grant(accountID: f.leader, role: "leader", areaCode: SampleAreas.township,
                                             departmentID: nil, by: try await f.actor(f.securityAdmin))
            let stillDisabled = try await f.record(f.leader)
            XCTAssertEqual(stillDisabled?.status, "disabled")
            try await f.administration.enable(accountID: f.leader, by: sys)
            let signsInEnabled = await f.signsIn("wang_leader")
            XCTAssertTrue(signsInEnabled)
            await XCTAssertThrowsDomainError(code: "already_active") {
                try await f.administration.enable(accountID: f.leader, by: sys)
            }

            await XCTAssertThrowsDomainError(code: "self_disable") {
                try await f.administration.disable(accountID: f.systemAdmin, by: sys)
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                try await f.administration.disable(accountID: f.cityLeader, by: sys)
            }
            for other in [f.securityAdmin, f.auditor, f.leader] {
                let actor = try await f.actor(other)
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    try await f.administration.disable(accountID: f.cityLeader, by: actor)
                }
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    try await f.administration.enable(accountID: f.cityLeader, by: actor)
                }
            }
            // 三权分立: the overseers of account administration are out of the system administrator's reach.
            for overseer in [f.securityAdmin, f.auditor] {
                await XCTAssertThrowsDomainError(code: "separation_of_duties") {
                    try await f.administration.disable(accountID: overseer, by: sys)
                }
                await XCTAssertThrowsDomainError(code: "separation_of_duties") {
                    try await f.administration.resetPassword(accountID: overseer, to: Fixture.strongPassword, by: sys)
                }
            }
            try await f.administration.disable(accountID: f.auditor, by: .commandLine(user: "root"))
            let auditor = try await f.record(f.auditor)
            XCTAssertEqual(auditor?.status, "disabled")

            let pending = try await f.administration.create(
                .init(username: "new.one", displayName: "新人", role: "leader", areaCode: SampleAreas.county,
                      password: Fixture.strongPassword), by: sys)
            await XCTAssertThrowsDomainError(code: "account_pending") {
                try await f.administration.enable(accountID: pending, by: sys)
            }
            await XCTAssertThrowsDomainError(code: "account_pending") {
                try await f.administration.disable(accountID: pending, by: sys)
            }
            let audit = try await f.audit("account.disable")
            XCTAssertEqual(audit.map(\.actor), ["cli:root", "sys"])
            XCTAssertTrue(audit.last?.summary.contains(#""after":{"area""#) ?? false)
        }
    }

    func testResetPasswordMustPassThePolicyAndEndsSessions() async throws {
        try await TestDatabases.each { db in
            let f = try await Fixture.make(db)
            let sys = try await f.actor(f.systemAdmin)
            let session = try await f.authentication.signIn(username: "wang_leader", password: TestAccounts.password, ip: "t")
            for weak in ["short", "alllowercaseletters", String(repeating: "Aa1-", count: 19)] {
                await XCTAssertThrowsDomainErrorFields(["password"]) {
                    try await f.administration.resetPassword(accountID: f.leader, to: weak, by: sys)
                }
            }
            let stillIn = try await f.authentication.resume(token: session.token)
            XCTAssertNotNil(stillIn, "a refused reset changes nothing")
            for other in [f.securityAdmin, f.leader] {
                let actor = try await f.actor(other)
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    try await f.administration.resetPassword(accountID: f.leader, to: Fixture.strongPassword, by: actor)
                }
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                try await f.administration.resetPassword(accountID: f.cityLeader, to: Fixture.strongPassword, by: sys)
            }
            // A lockout is cleared with the reset.
            try await db.write { try await AccountRepository($0).recordFailedLogin(id: f.leader, limit: 1, lockUntil: Int64.max) }
            try await f.administration.resetPassword(accountID: f.leader, to: Fixture.strongPassword, by: sys)
            let resumed = try await f.authentication.resume(token: session.token)
            XCTAssertNil(resumed)
            let oldWorks = await f.signsIn("wang_leader")
            let newWorks = await f.signsIn("wang_leader", Fixture.strongPassword)
            XCTAssertFalse(oldWorks)
            XCTAssertTrue(newWorks)
            let audit = try await f.audit("account.reset_password")
            XCTAssertEqual(audit.count, 1)
            let summary = audit.first?.summary ?? ""
            XCTAssertFalse(summary.contains(Fixture.strongPassword) || summary.contains("$2"), summary)
            XCTAssertTrue(summary.contains("passwordChangedAt"), summary)
        }
    }

    func testListsAreScopedFilteredAndPaged() async throws {
        try await TestDatabases.each { db in
            let f = try await Fixture.make(db)
            let sys = try await f.actor(f.systemAdmin)
            let all = try await f.administration.accounts(by: sys)
            XCTAssertEqual(all.accounts.map(\.username), ["aud", "sec", "sec2", "sys", "wang_leader"])
            XCTAssertNil(all.next)
            XCTAssertEqual(all.accounts.last?.areaName, "沙河街道")

            let leaders = try await f.administration.accounts(AccountFilter(role: "领导"), by: sys)
            XCTAssertEqual(leaders.accounts.map(\.username), ["wang_leader"])
            let bySecurity = try await f.administration.accounts(AccountFilter(namePrefix: "SEC"), by: try await f.actor(f.securityAdmin))
            XCTAssertEqual(bySecurity.accounts.map(\.username), ["sec", "sec2"])
            let byName = try await f.administration.accounts(AccountFilter(namePrefix: "安全管理员"), by: sys)
            XCTAssertEqual(byName.accounts.count, 2)
            // `_` is a character here, not LIKE's wildcard.
            let underscore = try await f.administration.accounts(AccountFilter(namePrefix: "wang_"), by: sys)
            XCTAssertEqual(underscore.accounts.map(\.username), ["wang_leader"])
            let wildcard = try await f.administration.accounts(AccountFilter(namePrefix: "s_s"), by: sys)
            XCTAssertTrue(wildcard.accounts.isEmpty)
            let township = try await f.administration.accounts(AccountFilter(areaCode: SampleAreas.township), by: sys)
            XCTAssertEqual(township.accounts.map(\.username), ["wang_leader"])
            try await f.administration.disable(accountID: f.leader, by: sys)
            let disabled = try await f.administration.accounts(AccountFilter(status: "disabled"), by: sys)
            XCTAssertEqual(disabled.accounts.map(\.username), ["wang_leader"])
            XCTAssertEqual(disabled.accounts.first?.status, .disabled)

            let first = try await f.administration.accounts(limit: 2, by: sys)
            XCTAssertEqual(first.accounts.map(\.username), ["aud", "sec"])
            let second = try await f.administration.accounts(cursor: first.next, limit: 2, by: sys)
            XCTAssertEqual(second.accounts.map(\.username), ["sec2", "sys"])
            let third = try await f.administration.accounts(cursor: second.next, limit: 2, by: sys)
            XCTAssertEqual(third.accounts.map(\.username), ["wang_leader"])
            XCTAssertNil(third.next)

            await XCTAssertThrowsDomainErrorFields(["role", "status"]) {
                _ = try await f.administration.accounts(AccountFilter(role: "boss", status: "gone"), by: sys)
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                _ = try await f.administration.accounts(AccountFilter(areaCode: SampleAreas.city), by: sys)
            }
            for other in [f.auditor, f.leader] {
                let actor = try await f.actor(other)
                await XCTAssertThrowsDomainError(code: "forbidden") { _ = try await f.administration.accounts(by: actor) }
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await f.administration.account(id: f.leader, by: actor)
                }
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                _ = try await f.administration.account(id: f.cityLeader, by: sys)
            }
            let one = try await f.administration.account(id: f.leader, by: sys)
            XCTAssertEqual(one.displayName, "王领导")
            let fromCLI = try await f.administration.accounts(by: .commandLine(user: "root"))
            XCTAssertEqual(fromCLI.accounts.count, 6)
            let byUsername = try await f.administration.account(username: "city.leader", by: .commandLine(user: "root"))
            XCTAssertEqual(byUsername.id, f.cityLeader)
        }
    }
}

/// Asserts that `body` throws a validation error naming exactly `fields`.
func XCTAssertThrowsDomainErrorFields(
    _ fields: Set<String>, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> Void
) async {
    do {
        try await body()
        XCTFail("expected a validation error on \(fields), nothing thrown", file: file, line: line)
    } catch DomainError.validation(let errors) {
        XCTAssertEqual(Set(errors.map(\.field)), fields, "\(errors)", file: file, line: line)
        for error in errors { XCTAssertFalse(error.message.isEmpty, file: file, line: line) }
    } catch {
        XCTFail("expected a validation error on \(fields), got \(error)", file: file, line: line)
    }
}
