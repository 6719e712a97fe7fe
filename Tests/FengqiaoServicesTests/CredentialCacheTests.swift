import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

/// Recently seen sessions and API tokens skip the database read; what ends them here counts at once,
/// what ends them on another instance counts within the cache's two seconds.
final class CredentialCacheTests: XCTestCase {
    func testSigningOutOrDisablingHereEndsTheSessionAtOnce() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let id = try await TestAccounts.create("zhao", role: .gridWorker, in: db)
            let platform = try TestPlatform.make(database: db, clock: ManualClock())
            let auth = Authentication(platform: platform)
            let first = try await auth.signIn(username: "zhao", password: TestAccounts.password, ip: "10.0.0.1")
            let resumed = try await auth.resume(token: first.token)
            let caller = Caller(staff: try XCTUnwrap(resumed?.staff), ip: "10.0.0.1")
            try await auth.signOut(token: first.token, caller: caller)
            var after = try await auth.resume(token: first.token)
            XCTAssertNil(after, "signed out here: gone at once, cache or not")

            let second = try await auth.signIn(username: "zhao", password: TestAccounts.password, ip: "10.0.0.1")
            after = try await auth.resume(token: second.token)
            XCTAssertNotNil(after)
            try await AccountAdministration(platform: platform).disable(accountID: id, by: .commandLine(user: "root"))
            after = try await auth.resume(token: second.token)
            XCTAssertNil(after, "disabled here: its sessions end at once")
        }
    }

    func testASessionEndedElsewhereCountsWithinTwoSeconds() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await TestAccounts.create("qian", role: .gridWorker, in: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let auth = Authentication(platform: platform)
            let signedIn = try await auth.signIn(username: "qian", password: TestAccounts.password, ip: "10.0.0.2")
            var resumed = try await auth.resume(token: signedIn.token)
            XCTAssertNotNil(resumed)
            // Another instance signs the session out: only the row goes.
            try await db.write { try await $0.delete(from: "sessions").run() }
            resumed = try await auth.resume(token: signedIn.token)
            XCTAssertNotNil(resumed, "within the cache's lifetime this instance still knows the session")
            clock.advance(minutes: 2.5 / 60)
            resumed = try await auth.resume(token: signedIn.token)
            XCTAssertNil(resumed, "after two seconds the database decides again")
        }
    }

    func testIdlenessIsCheckedOnEveryHit() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await TestAccounts.create("sun", role: .gridWorker, in: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let auth = Authentication(platform: platform)
            let signedIn = try await auth.signIn(username: "sun", password: TestAccounts.password, ip: "10.0.0.3")
            var resumed = try await auth.resume(token: signedIn.token)
            XCTAssertNotNil(resumed)
            clock.advance(minutes: 31)
            resumed = try await auth.resume(token: signedIn.token)
            XCTAssertNil(resumed, "idle past the policy's 30 minutes")
        }
    }

    func testATokenRevokedHereFailsAtOnceAndOneRevokedElsewhereWithinTwoSeconds() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let tokens = ApiTokens(platform: try TestPlatform.make(database: db, clock: clock))
            let here = try await tokens.create(name: "热线", scopes: ["map.read"], area: SampleAreas.county,
                                               by: .commandLine("test"))
            var principal = try await tokens.resolve(token: here.token)
            XCTAssertEqual(principal?.username, "token:热线")
            try await tokens.revoke(id: here.id, by: .commandLine("test"))
            principal = try await tokens.resolve(token: here.token)
            XCTAssertNil(principal, "revoked here: refused at once")

            let elsewhere = try await tokens.create(name: "摄像头", scopes: ["map.read"], area: SampleAreas.county,
                                                    by: .commandLine("test"))
            principal = try await tokens.resolve(token: elsewhere.token)
            XCTAssertNotNil(principal)
            try await db.write { try await $0.update("api_tokens").set("revoked_at", to: 1).run() }
            principal = try await tokens.resolve(token: elsewhere.token)
            XCTAssertNotNil(principal, "within the cache's lifetime this instance still knows the token")
            clock.advance(minutes: 2.5 / 60)
            principal = try await tokens.resolve(token: elsewhere.token)
            XCTAssertNil(principal, "after two seconds the database decides again")
        }
    }
}
