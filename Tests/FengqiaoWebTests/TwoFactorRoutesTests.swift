import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class TwoFactorRoutesTests: XCTestCase {
    func testTheCodeStepGuardsEverythingUntilACorrectCodeWithItsCSRFToken() async throws {
        try await withClockedClient { client, platform, clock in
            let secret = try await enabledAccount("chen", role: .dispatcher, on: platform)
            let login = try await postPassword(client, username: "chen", next: "/people")
            XCTAssertEqual(login.headers[.location], "/login/totp?next=%2Fpeople")
            let cookie = "fq_session=\(try XCTUnwrap(cookieValue("fq_session", in: login)))"
            // Half-open: the map sends the browser to the code page, API clients get 401, public pages stay public.
            let map = try await client.execute(uri: "/areas", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(map.status, .seeOther)
            XCTAssertEqual(map.headers[.location], "/login/totp")
            let api = try await client.execute(uri: "/api/v1/areas/\(SampleAreas.county)/history", method: .get,
                                               headers: [.cookie: cookie])
            XCTAssertEqual(api.status, .unauthorized)
            let enrol = try await client.execute(uri: "/account/totp", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(enrol.headers[.location], "/login/totp")
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(home.status, .ok)
            XCTAssertFalse(home.text.contains("action=\"/logout\""), "not shown as signed in")
            // The code page, and its CSRF token.
            let page = try await client.execute(uri: "/login/totp?next=%2Fpeople", method: .get,
                                                headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("两步验证"))
            let csrf = try XCTUnwrap(firstMatch(#"name="_csrf" value="([^"]+)""#, in: page.text))
            let form: HTTPFields = [.cookie: cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            let code = secret.code(at: clock.now())
            for body in ["code=\(code)&next=%2Fpeople", "_csrf=forged&code=\(code)&next=%2Fpeople"] {
                let forged = try await client.execute(uri: "/login/totp", method: .post, headers: form,
                                                      body: ByteBuffer(string: body))
                XCTAssertEqual(forged.status, .forbidden, body)
            }
            let wrong = try await client.execute(uri: "/login/totp", method: .post, headers: form,
                                                 body: ByteBuffer(string: "_csrf=\(csrf)&code=000000&next=%2Fpeople"))
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertTrue(wrong.text.contains("验证码不正确"), wrong.text)
            XCTAssertTrue(wrong.text.contains("aria-invalid=\"true\""))
            let right = try await client.execute(uri: "/login/totp", method: .post, headers: form,
                                                 body: ByteBuffer(string: "_csrf=\(csrf)&code=\(code)&next=%2Fpeople"))
            XCTAssertEqual(right.status, .seeOther, right.text)
            XCTAssertEqual(right.headers[.location], "/people")
            let active = "fq_session=\(try XCTUnwrap(cookieValue("fq_session", in: right)))"
            XCTAssertNotEqual(active, cookie)
            let areas = try await client.execute(uri: "/areas/\(SampleAreas.county)", method: .get,
                                                 headers: [.cookie: active, .accept: "text/html"])
            XCTAssertEqual(areas.status, .ok)
            let old = try await client.execute(uri: "/areas", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(old.status, .seeOther)
            XCTAssertTrue(old.headers[.location]?.hasPrefix("/login?") ?? false, "the half-open token is spent")
        }
    }

    func testAHalfOpenSessionCanGiveUp() async throws {
        try await withClockedClient { client, platform, _ in
            _ = try await enabledAccount("chen", role: .dispatcher, on: platform)
            let login = try await postPassword(client, username: "chen")
            let cookie = "fq_session=\(try XCTUnwrap(cookieValue("fq_session", in: login)))"
            let page = try await client.execute(uri: "/login/totp", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            let csrf = try XCTUnwrap(firstMatch(#"name="_csrf" value="([^"]+)""#, in: page.text))
            let out = try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrf)"))
            XCTAssertEqual(out.status, .seeOther)
            let again = try await client.execute(uri: "/login/totp", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(again.headers[.location], "/login")
        }
    }

    func testTheSecurityAdminRequiresTwoFactorAndALeaderMustEnrolFirst() async throws {
        try await withClockedClient { client, platform, clock in
            try await TestAccounts.create("sec", role: .securityAdmin, in: platform.database)
            try await TestAccounts.create("zhou", role: .leader, in: platform.database)
            // Signed out: to the login page. A leader: 403.
            let anonymous = try await client.execute(uri: "/admin/security", method: .get, headers: htmlHeaders)
            XCTAssertEqual(anonymous.status, .seeOther)
            XCTAssertEqual(anonymous.headers[.location], "/login?next=%2Fadmin%2Fsecurity")
            let leader = try await signIn(client, username: "zhou")
            let refused = try await client.execute(uri: "/admin/security", method: .get, headers: leader.headers)
            XCTAssertEqual(refused.status, .forbidden)
            let leaderPost = try await client.execute(uri: "/admin/security", method: .post, headers: leader.formHeaders(),
                                                      body: ByteBuffer(string: "_csrf=\(leader.csrf)&" + Self.policyForm))
            XCTAssertEqual(leaderPost.status, .forbidden)
            // The security admin's page and form.
            let sec = try await signIn(client, username: "sec")
            let page = try await client.execute(uri: "/admin/security", method: .get, headers: sec.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("name=\"twoFactor.leader\""))
            XCTAssertTrue(page.text.contains("value=\"30\""), "the idle timeout's default")
            let noToken = try await client.execute(uri: "/admin/security", method: .post, headers: sec.formHeaders(),
                                                   body: ByteBuffer(string: Self.policyForm + "&twoFactor.leader=on"))
            XCTAssertEqual(noToken.status, .forbidden)
            let invalid = try await client.execute(
                uri: "/admin/security", method: .post, headers: sec.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(sec.csrf)&" + Self.policyForm.replacingOccurrences(
                    of: "idleTimeoutMinutes=30", with: "idleTimeoutMinutes=500") + "&twoFactor.leader=on"))
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("空闲超时应在5到240分钟之间"), invalid.text)
            XCTAssertTrue(invalid.text.contains("value=\"500\""), "the submitted value is kept")
            let unchanged = try await platform.securityPolicy()
            XCTAssertEqual(unchanged.twoFactorRoles, [])
            let saved = try await client.execute(
                uri: "/admin/security", method: .post, headers: sec.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(sec.csrf)&" + Self.policyForm + "&twoFactor.leader=on"))
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            XCTAssertEqual(saved.headers[.location], "/admin/security?saved=1")
            let policy = try await platform.securityPolicy()
            XCTAssertEqual(policy.twoFactorRoles, [.leader])
            let audit = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).latest(action: "security_policy.update", limit: 2)
            }
            XCTAssertEqual(audit.map(\.actor), ["sec"])

            // The leader's next sign-in must enrol before anything else.
            let login = try await postPassword(client, username: "zhou")
            XCTAssertEqual(login.headers[.location], "/account/totp")
            let cookie = "fq_session=\(try XCTUnwrap(cookieValue("fq_session", in: login)))"
            let map = try await client.execute(uri: "/areas", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(map.headers[.location], "/account/totp")
            let codePage = try await client.execute(uri: "/login/totp", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(codePage.headers[.location], "/login")
            let enrol = try await client.execute(uri: "/account/totp", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            XCTAssertEqual(enrol.status, .ok)
            XCTAssertTrue(enrol.text.contains("<svg"), "the QR code")
            let typed = try XCTUnwrap(firstMatch(#"<code class="secret">([A-Z2-7 ]+)</code>"#, in: enrol.text))
            let secret = try XCTUnwrap(TOTPSecret(base32: typed))
            let csrf = try XCTUnwrap(firstMatch(#"name="_csrf" value="([^"]+)""#, in: enrol.text))
            let form: HTTPFields = [.cookie: cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            let forged = try await client.execute(uri: "/account/totp", method: .post, headers: form,
                                                  body: ByteBuffer(string: "code=\(secret.code(at: clock.now()))"))
            XCTAssertEqual(forged.status, .forbidden)
            let wrong = try await client.execute(uri: "/account/totp", method: .post, headers: form,
                                                 body: ByteBuffer(string: "_csrf=\(csrf)&code=000000"))
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertTrue(wrong.text.contains(typed), "the same secret is shown again")
            let done = try await client.execute(uri: "/account/totp", method: .post, headers: form,
                                                body: ByteBuffer(string: "_csrf=\(csrf)&code=\(secret.code(at: clock.now()))"))
            XCTAssertEqual(done.status, .seeOther, done.text)
            let active = "fq_session=\(try XCTUnwrap(cookieValue("fq_session", in: done)))"
            let status = try await client.execute(uri: "/account/totp", method: .get, headers: [.cookie: active, .accept: "text/html"])
            XCTAssertTrue(status.text.contains("已启用"))
            XCTAssertFalse(status.text.contains("/account/totp/disable"), "the role requires it")
            let areas = try await client.execute(uri: "/areas/\(SampleAreas.county)", method: .get,
                                                 headers: [.cookie: active, .accept: "text/html"])
            XCTAssertEqual(areas.status, .ok)
        }
    }

    func testAnyoneSignedInMayEnrolAndSwitchItOffWithACurrentCode() async throws {
        try await withClockedClient { client, platform, clock in
            try await TestAccounts.create("wu", role: .gridWorker, in: platform.database)
            let browser = try await signIn(client, username: "wu")
            let page = try await client.execute(uri: "/account/totp", method: .get, headers: browser.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("测试用户 · 网格员"), "shown signed in")
            let typed = try XCTUnwrap(firstMatch(#"<code class="secret">([A-Z2-7 ]+)</code>"#, in: page.text))
            let secret = try XCTUnwrap(TOTPSecret(base32: typed))
            let enabled = try await client.execute(
                uri: "/account/totp", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&code=\(secret.code(at: clock.now()))"))
            XCTAssertEqual(enabled.status, .seeOther)
            XCTAssertNil(cookieValue("fq_session", in: enabled), "an active session keeps its cookie")
            let status = try await client.execute(uri: "/account/totp", method: .get, headers: browser.headers)
            XCTAssertTrue(status.text.contains("已启用"))
            XCTAssertTrue(status.text.contains("action=\"/account/totp/disable\""))
            clock.advance(minutes: 1)
            let wrong = try await client.execute(uri: "/account/totp/disable", method: .post, headers: browser.formHeaders(),
                                                 body: ByteBuffer(string: "_csrf=\(browser.csrf)&code=000000"))
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertTrue(wrong.text.contains("验证码不正确"))
            let off = try await client.execute(
                uri: "/account/totp/disable", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&code=\(secret.code(at: clock.now()))"))
            XCTAssertEqual(off.status, .seeOther)
            let account = try await platform.database.read { try await AccountRepository($0).find(username: "wu") }
            XCTAssertNil(account?.totpEnabledAt)
            let anonymous = try await client.execute(uri: "/account/totp", method: .get, headers: htmlHeaders)
            XCTAssertEqual(anonymous.headers[.location], "/login?next=%2Faccount%2Ftotp")
        }
    }

    static let policyForm = "minimumLength=8&minimumClasses=3&lockoutThreshold=5&lockoutMinutes=15"
        + "&idleTimeoutMinutes=30&sessionLifetimeHours=12"

    // MARK: helpers

    private func withClockedClient(
        _ body: @escaping @Sendable (any TestClientProtocol, Platform, ManualClock) async throws -> Void
    ) async throws {
        try await TestDatabases.withSQLite { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in try await body(client, platform, clock) }
        }
    }
}

/// Posts the login form; answers the redirect that sets the (possibly half-open) session cookie.
private func postPassword(_ client: any TestClientProtocol, username: String, next: String? = nil) async throws
    -> TestResponse
{
    let page = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
    let loginCSRF = try XCTUnwrap(cookieValue("fq_login_csrf", in: page))
    let nextField = next.map { "&next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
    let response = try await client.execute(
        uri: "/login", method: .post,
        headers: [.cookie: "fq_login_csrf=\(loginCSRF)", .contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "_csrf=\(loginCSRF)&username=\(username)&password=\(TestAccounts.password)\(nextField)"))
    XCTAssertEqual(response.status, .seeOther, response.text)
    return response
}

private func enabledAccount(_ username: String, role: Role, on platform: Platform) async throws -> TOTPSecret {
    let id = try await TestAccounts.create(username, role: role, in: platform.database)
    let secret = TOTPSecret.random()
    let sealed = try platform.cipher.seal(secret.base32)
    try await platform.database.write { db in
        try await AccountRepository(db).setPendingTOTP(id: id, secretCipher: sealed)
        try await AccountRepository(db).enableTOTP(id: id, at: 0, step: 0)
    }
    return secret
}
