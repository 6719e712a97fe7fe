import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

final class SecurityPolicyStoreTests: XCTestCase {
    func testOnlyTheSecurityAdminReadsOrSetsThePolicyAndBadValuesChangeNothing() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let store = SecurityPolicyStore(platform: platform)
            let admin = try await caller("sec", role: .securityAdmin, in: db)
            for role in Role.allCases where role != .securityAdmin {
                let other = try await caller("user.\(role.rawValue)", role: role, in: db)
                await XCTAssertThrowsDomainError(code: "forbidden") { _ = try await store.current(caller: other) }
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    try await store.save(SecurityPolicySubmission(SecurityPolicy(lockoutThreshold: 3)), by: other)
                }
            }
            var bad = SecurityPolicySubmission(SecurityPolicy())
            bad.idleTimeoutMinutes = "1000"
            bad.minimumLength = "abc"
            do {
                try await store.save(bad, by: admin)
                XCTFail("saved an invalid policy")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(Set(errors.map(\.field)), ["idleTimeoutMinutes", "minimumLength"])
            }
            let current = try await store.current(caller: admin)
            XCTAssertEqual(current, SecurityPolicy())
            let stored = try await db.read { try await SettingsRepository($0).value("security_policy") }
            XCTAssertNil(stored)
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 5) }
            XCTAssertEqual(audit.count, 0)
        }
    }

    func testASavedPolicyIsAuditedWithBeforeAndAfterAndOtherInstancesFollowWithinSeconds() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            // A second server on the same database, with its own cache.
            let other = try TestPlatform.make(database: db, clock: clock)
            let otherPolicy = try await other.securityPolicy()
            XCTAssertEqual(otherPolicy, SecurityPolicy())
            let admin = try await caller("sec", role: .securityAdmin, in: db)
            let wanted = SecurityPolicy(lockoutThreshold: 3, idleTimeoutMinutes: 10, twoFactorRoles: [.leader])
            let saved = try await SecurityPolicyStore(platform: platform).save(SecurityPolicySubmission(wanted), by: admin)
            XCTAssertEqual(saved, wanted)
            let here = try await platform.securityPolicy()
            XCTAssertEqual(here, wanted, "this instance applies it at once")
            let stale = try await other.securityPolicy()
            XCTAssertEqual(stale, SecurityPolicy(), "read again only after a few seconds")
            clock.advance(minutes: 0.1)
            let fresh = try await other.securityPolicy()
            XCTAssertEqual(fresh, wanted)
            let audit = try await db.read {
                try await AuditRepository($0, kind: db.kind).latest(action: "security_policy.update", limit: 5)
            }
            XCTAssertEqual(audit.count, 1)
            XCTAssertEqual(audit.first?.actor, "sec")
            let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((audit.first?.summary ?? "").utf8))
                as? [String: [String: Any]])
            XCTAssertEqual(summary["before"]?["lockoutThreshold"] as? Int, 5)
            XCTAssertEqual(summary["after"]?["lockoutThreshold"] as? Int, 3)
            XCTAssertEqual(summary["after"]?["twoFactorRoles"] as? [String], ["leader"])
        }
    }

    func testSignInFollowsTheStoredPolicy() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let admin = try await caller("sec", role: .securityAdmin, in: db)
            try await TestAccounts.create("ma", role: .gridWorker, in: db)
            let auth = Authentication(platform: platform)
            let session = try await auth.signIn(username: "ma", password: TestAccounts.password, ip: "ip")
            try await SecurityPolicyStore(platform: platform).save(
                SecurityPolicySubmission(SecurityPolicy(
                    password: PasswordPolicy(minimumLength: 16), lockoutThreshold: 3, lockoutMinutes: 2,
                    idleTimeoutMinutes: 10, sessionLifetimeHours: 1)),
                by: admin)
            // Idle 11 minutes: over the new 10-minute limit.
            clock.advance(minutes: 11)
            do { let value = try await auth.resume(token: session.token); XCTAssertNil(value) }
            // Active every 9 minutes but past the new one-hour lifetime.
            let busy = try await auth.signIn(username: "ma", password: TestAccounts.password, ip: "ip")
            for _ in 0..<6 {
                clock.advance(minutes: 9)
                do { let value = try await auth.resume(token: busy.token); XCTAssertNotNil(value) }
            }
            clock.advance(minutes: 7)
            do { let value = try await auth.resume(token: busy.token); XCTAssertNil(value) }
            // Three failures lock, for two minutes.
            for _ in 0..<3 {
                await XCTAssertThrowsDomainError(code: "bad_credentials") {
                    _ = try await auth.signIn(username: "ma", password: "Wrong-1234", ip: "ip")
                }
            }
            do {
                _ = try await auth.signIn(username: "ma", password: TestAccounts.password, ip: "ip")
                XCTFail("signed in while locked")
            } catch DomainError.tooManyAttempts(let seconds) {
                XCTAssertEqual(seconds, 120)
            }
            // New passwords follow the stored rules.
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await AccountAdministration(platform: platform).create(
                    .init(username: "short.pw", displayName: "某人", role: "gridWorker", areaCode: SampleAreas.county,
                          password: "Str0ng-Passw0rd"), actor: "cli:test")
            }
        }
    }

    private func caller(_ username: String, role: Role, in db: any Database) async throws -> Caller {
        let id = try await TestAccounts.create(username, role: role, in: db)
        return Caller(staff: Staff(accountID: id, username: username, displayName: username, role: role,
                                   jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                      ip: "ip")
    }
}
