import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class AuthenticationTests: XCTestCase {
    func testSignInGivesASessionScopedToTheAccountsArea() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let id = try await TestAccounts.create("zhang", role: .dispatcher, area: SampleAreas.township, in: db)
            let auth = Authentication(platform: try TestPlatform.make(database: db))
            let signedIn = try await auth.signIn(username: " zhang ", password: TestAccounts.password, ip: "10.0.0.9")
            let resumed = try await auth.resume(token: signedIn.token)
            XCTAssertEqual(resumed?.staff.accountID, id)
            XCTAssertEqual(resumed?.staff.jurisdiction.prefix, "150207001")
            XCTAssertEqual(resumed?.csrfToken, signedIn.session.csrfToken)
            do { let value = try await auth.resume(token: signedIn.token + "x"); XCTAssertNil(value) }
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 5) }
            XCTAssertEqual(audit.map(\.action), ["session.sign_in"])
            XCTAssertEqual(audit.first?.ip, "10.0.0.9")
        }
    }

    func testWrongPasswordUnknownUserAndDisabledAccountGetTheSameAnswer() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let id = try await TestAccounts.create("li", role: .gridWorker, in: db)
            try await TestAccounts.create("wang", role: .gridWorker, in: db)
            try await db.write { try await AccountRepository($0).setStatus(id: id, to: "disabled") }
            let auth = Authentication(platform: try TestPlatform.make(database: db))
            for (user, password) in [("wang", "wrong-Passw0rd"), ("nobody", TestAccounts.password), ("li", TestAccounts.password)] {
                do {
                    _ = try await auth.signIn(username: user, password: password, ip: "10.0.0.1")
                    XCTFail("\(user) signed in")
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, "bad_credentials", user)
                    XCTAssertEqual(error.message, "用户名或密码错误", user)
                }
            }
            let failures = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 10) }
            XCTAssertEqual(failures.filter { $0.action == "session.sign_in_failed" }.count, 3)
        }
    }

    func testFiveFailuresLockTheAccountForFifteenMinutes() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await TestAccounts.create("zhao", role: .leader, in: db)
            let clock = ManualClock()
            let auth = Authentication(platform: try TestPlatform.make(database: db, clock: clock))
            for _ in 0..<5 {
                await XCTAssertThrowsDomainError(code: "bad_credentials") {
                    _ = try await auth.signIn(username: "zhao", password: "Wrong-1234", ip: "1.1.1.1")
                }
            }
            // Locked: even the right password is refused, with the time to wait.
            do {
                _ = try await auth.signIn(username: "zhao", password: TestAccounts.password, ip: "1.1.1.1")
                XCTFail("signed in while locked")
            } catch DomainError.tooManyAttempts(let seconds) {
                XCTAssertEqual(seconds, 15 * 60)
            }
            clock.advance(minutes: 15)
            let signedIn = try await auth.signIn(username: "zhao", password: TestAccounts.password, ip: "1.1.1.1")
            XCTAssertEqual(signedIn.session.staff.role, .leader)
            // Success resets the count: four more failures do not lock.
            for _ in 0..<4 {
                await XCTAssertThrowsDomainError(code: "bad_credentials") {
                    _ = try await auth.signIn(username: "zhao", password: "Wrong-1234", ip: "1.1.1.1")
                }
            }
            _ = try await auth.signIn(username: "zhao", password: TestAccounts.password, ip: "1.1.1.1")
        }
    }

    func testSessionsEndWhenIdleWhenTooOldOnSignOutAndWhenDisabled() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let id = try await TestAccounts.create("sun", role: .mediator, in: db)
            let clock = ManualClock()
            let auth = Authentication(platform: try TestPlatform.make(database: db, clock: clock))
            // Idle for 31 minutes.
            let idle = try await auth.signIn(username: "sun", password: TestAccounts.password, ip: "ip")
            clock.advance(minutes: 29)
            do { let value = try await auth.resume(token: idle.token); XCTAssertNotNil(value) }
            clock.advance(minutes: 29)
            do { let value = try await auth.resume(token: idle.token); XCTAssertNotNil(value, "activity keeps the session alive") }
            clock.advance(minutes: 31)
            do { let value = try await auth.resume(token: idle.token); XCTAssertNil(value) }
            // Active every 20 minutes, but past the 12-hour lifetime.
            let old = try await auth.signIn(username: "sun", password: TestAccounts.password, ip: "ip")
            for _ in 0..<35 {  // 700 minutes
                clock.advance(minutes: 20)
                do { let value = try await auth.resume(token: old.token); XCTAssertNotNil(value) }
            }
            clock.advance(minutes: 20)
            do { let value = try await auth.resume(token: old.token); XCTAssertNil(value) }
            // Signed out.
            let out = try await auth.signIn(username: "sun", password: TestAccounts.password, ip: "ip")
            let caller = Caller(staff: out.session.staff, ip: "ip")
            try await auth.signOut(token: out.token, caller: caller)
            do { let value = try await auth.resume(token: out.token); XCTAssertNil(value) }
            // Disabled while signed in.
            let live = try await auth.signIn(username: "sun", password: TestAccounts.password, ip: "ip")
            try await db.write { try await AccountRepository($0).setStatus(id: id, to: "disabled") }
            do { let value = try await auth.resume(token: live.token); XCTAssertNil(value) }
        }
    }

    func testAuditRecordsChainByHash() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await TestAccounts.create("qian", role: .leader, in: db)
            let auth = Authentication(platform: try TestPlatform.make(database: db))
            _ = try? await auth.signIn(username: "qian", password: "nope", ip: "a")
            _ = try await auth.signIn(username: "qian", password: TestAccounts.password, ip: "b")
            let records = try await db.read { try await AuditRepository($0, kind: db.kind).records(afterID: 0, limit: 10) }
            XCTAssertEqual(records.map(\.id), [1, 2])
            XCTAssertEqual(records[0].previousHash, AuditTrail.genesisHash)
            XCTAssertEqual(records[1].previousHash, records[0].hash)
            for record in records { XCTAssertEqual(AuditTrail.hash(of: record), record.hash) }
            var edited = records[0]
            edited.ip = "c"
            XCTAssertNotEqual(AuditTrail.hash(of: edited), records[0].hash)
        }
    }
}

/// Asserts that `body` throws a `DomainError` with `code`.
func XCTAssertThrowsDomainError(
    code: String, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> Void
) async {
    do {
        try await body()
        XCTFail("expected \(code), nothing thrown", file: file, line: line)
    } catch let error as DomainError {
        XCTAssertEqual(error.code, code, file: file, line: line)
    } catch {
        XCTFail("expected \(code), got \(error)", file: file, line: line)
    }
}
