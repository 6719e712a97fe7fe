import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class SessionRoutesTests: XCTestCase {
    func testSignInSetsAHardenedCookieAndShowsWhoIsSignedIn() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("demo.user", role: .dispatcher, displayName: "李调度", in: platform.database)
            let page = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
            XCTAssertTrue(page.text.contains("工作人员登录"))
            let loginCSRF = try XCTUnwrap(cookieValue("fq_login_csrf", in: page))
            let response = try await client.execute(
                uri: "/login", method: .post,
                headers: [.cookie: "fq_login_csrf=\(loginCSRF)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(loginCSRF)&username=demo.user&password=\(TestAccounts.password)&next=%2Ftrack"))
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers[.location], "/track")
            let setCookie = response.headers[values: .setCookie].first { $0.hasPrefix("fq_session=") } ?? ""
            XCTAssertTrue(setCookie.contains("HttpOnly"), setCookie)
            XCTAssertTrue(setCookie.contains("SameSite=Lax"), setCookie)
            let token = try XCTUnwrap(cookieValue("fq_session", in: response))
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: "fq_session=\(token)", .accept: "text/html"])
            XCTAssertTrue(home.text.contains("李调度 · 指挥调度员"), home.text)
            XCTAssertTrue(home.text.contains("action=\"/logout\""))
        }
    }

    func testWrongPasswordAndMissingLoginTokenAreRefused() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("demo.user", role: .dispatcher, in: platform.database)
            let page = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
            let loginCSRF = try XCTUnwrap(cookieValue("fq_login_csrf", in: page))
            let wrong = try await client.execute(
                uri: "/login", method: .post,
                headers: [.cookie: "fq_login_csrf=\(loginCSRF)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(loginCSRF)&username=demo.user&password=nope"))
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertTrue(wrong.text.contains("用户名或密码错误"))
            XCTAssertNil(cookieValue("fq_session", in: wrong))
            // A form posted from another site has no matching login cookie.
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=abc&username=demo.user&password=\(TestAccounts.password)"))
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertNil(cookieValue("fq_session", in: forged))
        }
    }

    func testOffSiteNextIsIgnored() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("demo.user", role: .leader, in: platform.database)
            let page = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
            let loginCSRF = try XCTUnwrap(cookieValue("fq_login_csrf", in: page))
            let response = try await client.execute(
                uri: "/login", method: .post,
                headers: [.cookie: "fq_login_csrf=\(loginCSRF)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(loginCSRF)&username=demo.user&password=\(TestAccounts.password)&next=%2F%2Fevil.example"))
            XCTAssertEqual(response.headers[.location], "/areas")
        }
    }

    func testEachRoleLandsOnAPageItMayOpen() async throws {
        try await withTestClient { client, platform in
            for (n, (role, landing)) in [(Role.auditor, "/audit"), (.securityAdmin, "/admin/accounts"), (.gridWorker, "/areas")]
                .enumerated()
            {
                try await TestAccounts.create("land\(n)", role: role, in: platform.database)
                let page = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
                let loginCSRF = try XCTUnwrap(cookieValue("fq_login_csrf", in: page))
                let response = try await client.execute(
                    uri: "/login", method: .post,
                    headers: [.cookie: "fq_login_csrf=\(loginCSRF)", .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "_csrf=\(loginCSRF)&username=land\(n)&password=\(TestAccounts.password)"))
                XCTAssertEqual(response.headers[.location], landing, "\(role)")
            }
        }
    }

    func testStateChangesWithASessionNeedTheCSRFToken() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("demo.user", role: .leader, in: platform.database)
            let browser = try await signIn(client, username: "demo.user")
            let forged = try await client.execute(
                uri: "/logout", method: .post, headers: browser.formHeaders(), body: ByteBuffer(string: "_csrf=wrong"))
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertTrue(forged.text.contains("页面已过期"))
            let api = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: browser.cookie, .accept: "application/json"])
            XCTAssertEqual(api.status, .forbidden)
            XCTAssertTrue(api.text.contains("csrf_failed"))
            let stillIn = try await client.execute(uri: "/", method: .get, headers: browser.headers)
            XCTAssertTrue(stillIn.text.contains("退出"))
            let out = try await client.execute(
                uri: "/logout", method: .post, headers: browser.formHeaders(), body: ByteBuffer(string: "_csrf=\(browser.csrf)"))
            XCTAssertEqual(out.status, .seeOther)
            let after = try await client.execute(uri: "/", method: .get, headers: browser.headers)
            XCTAssertFalse(after.text.contains("退出"))
            XCTAssertEqual(cookieValue("fq_session", in: after), "", "the dead cookie is cleared")
        }
    }

    func testSignInAttemptsFromOneAddressAreRateLimited() async throws {
        try await withTestClient { client, _ in
            let page = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
            let loginCSRF = try XCTUnwrap(cookieValue("fq_login_csrf", in: page))
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<11 {
                let response = try await client.execute(
                    uri: "/login", method: .post,
                    headers: [.cookie: "fq_login_csrf=\(loginCSRF)", .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "_csrf=\(loginCSRF)&username=x&password=y"))
                statuses.append(response.status)
                if response.status == .tooManyRequests {
                    XCTAssertNotNil(response.headers[.retryAfter])
                    XCTAssertTrue(response.text.contains("尝试次数过多"))
                }
            }
            XCTAssertEqual(statuses.prefix(10).filter { $0 == .unauthorized }.count, 10)
            XCTAssertEqual(statuses.last, .tooManyRequests)
        }
    }
}
