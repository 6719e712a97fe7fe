import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class AccountAdminRoutesTests: XCTestCase {
    static let strong = "N3w-Temp-Pass"

    func testSignedOutGoesToSignInAndOtherRolesAreRefused() async throws {
        try await withTestClient { client, platform in
            let leader = try await TestAccounts.create("lead", role: .leader, in: platform.database)
            try await TestAccounts.create("aud", role: .auditor, in: platform.database)
            try await TestAccounts.create("sec", role: .securityAdmin, in: platform.database)
            let signedOut = try await client.execute(uri: "/admin/accounts", method: .get, headers: htmlHeaders)
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.headers[.location]?.hasPrefix("/login?next=") ?? false)
            let signedOutPost = try await client.execute(
                uri: "/admin/accounts/\(leader)/disable", method: .post,
                headers: [.accept: "text/html", .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: ""))
            XCTAssertEqual(signedOutPost.status, .seeOther)

            for username in ["lead", "aud"] {
                let browser = try await signIn(client, username: username)
                for path in ["/admin/accounts", "/admin/accounts/new", "/admin/accounts/\(leader)"] {
                    let page = try await client.execute(uri: path, method: .get, headers: browser.headers)
                    XCTAssertEqual(page.status, .forbidden, "\(username) \(path)")
                    XCTAssertTrue(page.text.contains("无权"), page.text)
                }
                for action in ["disable", "password", "grant"] {
                    let post = try await client.execute(
                        uri: "/admin/accounts/\(leader)/\(action)", method: .post, headers: browser.formHeaders(),
                        body: ByteBuffer(string: "_csrf=\(browser.csrf)&password=\(Self.strong)&role=leader&areaCode=\(SampleAreas.county)"))
                    XCTAssertEqual(post.status, .forbidden, "\(username) \(action)")
                }
            }
            // The security administrator sees accounts but does not create them.
            let security = try await signIn(client, username: "sec")
            let list = try await client.execute(uri: "/admin/accounts", method: .get, headers: security.headers)
            XCTAssertEqual(list.status, .ok)
            XCTAssertFalse(list.text.contains("href=\"/admin/accounts/new\""))
            let new = try await client.execute(uri: "/admin/accounts/new", method: .get, headers: security.headers)
            XCTAssertEqual(new.status, .forbidden)
            let record = try await platform.database.read { try await AccountRepository($0).find(id: leader) }
            XCTAssertEqual(record?.status, "active")
        }
    }

    func testTheSystemAdminCreatesAPendingAccountThroughTheForm() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("sys", role: .systemAdmin, in: platform.database)
            let browser = try await signIn(client, username: "sys")
            let form = try await client.execute(uri: "/admin/accounts/new", method: .get, headers: browser.headers)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("name=\"_csrf\" value=\"\(browser.csrf)\""))
            XCTAssertTrue(form.text.contains("value=\"\(SampleAreas.county)\""), "the area defaults to the creator's")

            let bad = try await client.execute(
                uri: "/admin/accounts/new", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&username=&displayName=%E6%9D%8E%E5%9B%9B&role=leader&areaCode=\(SampleAreas.city)&password=weak"))
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("id=\"username-error\">请填写用户名"), bad.text)
            XCTAssertTrue(bad.text.contains("id=\"areaCode-error\">区域编码不存在"), bad.text)
            XCTAssertTrue(bad.text.contains("id=\"password-error\">密码"), bad.text)
            XCTAssertTrue(bad.text.contains("value=\"李四\""), "what was typed is kept")
            XCTAssertFalse(bad.text.contains("value=\"weak\""), "the password is not echoed")

            let forged = try await client.execute(
                uri: "/admin/accounts/new", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "username=li.si&displayName=x&role=leader&areaCode=\(SampleAreas.township)&password=\(Self.strong)"))
            XCTAssertEqual(forged.status, .forbidden)

            let made = try await client.execute(
                uri: "/admin/accounts/new", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&username=li.si&displayName=%E6%9D%8E%E5%9B%9B&role=leader&areaCode=\(SampleAreas.township)&departmentID=&password=\(Self.strong)"))
            XCTAssertEqual(made.status, .seeOther, made.text)
            let location = try XCTUnwrap(made.headers[.location])
            let id = try XCTUnwrap(firstMatch(#"^/admin/accounts/(\d+)\?done=created$"#, in: location))
            let page = try await client.execute(uri: location, method: .get, headers: browser.headers)
            XCTAssertTrue(page.text.contains("待授权"), page.text)
            XCTAssertTrue(page.text.contains("账号已创建"))
            XCTAssertFalse(page.text.contains("/admin/accounts/\(id)/grant"), "granting is the security administrator's")
            XCTAssertFalse(page.text.contains("/admin/accounts/\(id)/disable"), "a pending account waits for its grant")
            let signsIn = try? await Authentication(platform: platform).signIn(username: "li.si", password: Self.strong, ip: "t")
            XCTAssertNil(signsIn)

            let again = try await client.execute(
                uri: "/admin/accounts/new", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&username=li.si&displayName=x&role=leader&areaCode=\(SampleAreas.township)&password=\(Self.strong)"))
            XCTAssertEqual(again.status, .conflict)
            XCTAssertTrue(again.text.contains("id=\"username-error\">用户名已被占用"), again.text)

            let pending = try await client.execute(uri: "/admin/accounts?status=pending", method: .get, headers: browser.headers)
            XCTAssertTrue(pending.text.contains("href=\"/admin/accounts/\(id)\""), pending.text)
            let active = try await client.execute(uri: "/admin/accounts?status=active&q=li", method: .get, headers: browser.headers)
            XCTAssertFalse(active.text.contains("href=\"/admin/accounts/\(id)\""))
            let wrong = try await client.execute(uri: "/admin/accounts?role=boss", method: .get, headers: browser.headers)
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertTrue(wrong.text.contains("角色不在可选范围内"))
        }
    }

    func testTheSecurityAdminGrantsButNeverThemselves() async throws {
        try await withTestClient { client, platform in
            let security = try await TestAccounts.create("sec", role: .securityAdmin, in: platform.database)
            let newcomer = try await TestAccounts.create("li.si", role: .leader, area: SampleAreas.township, in: platform.database)
            let outsider = try await TestAccounts.create("city", role: .leader, area: SampleAreas.city, in: platform.database)
            try await platform.database.write { try await AccountRepository($0).setStatus(id: newcomer, to: "pending") }
            let browser = try await signIn(client, username: "sec")

            let own = try await client.execute(uri: "/admin/accounts/\(security)", method: .get, headers: browser.headers)
            XCTAssertTrue(own.text.contains("这是您本人的账号"))
            XCTAssertFalse(own.text.contains("/admin/accounts/\(security)/grant"))
            let selfGrant = try await client.execute(
                uri: "/admin/accounts/\(security)/grant", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&role=systemAdmin&areaCode=\(SampleAreas.county)&departmentID="))
            XCTAssertEqual(selfGrant.status, .conflict)
            XCTAssertTrue(selfGrant.text.contains("不能给自己授权"), selfGrant.text)
            let stillSecurity = try await platform.database.read { try await AccountRepository($0).find(id: security) }
            XCTAssertEqual(stillSecurity?.role, "securityAdmin")

            let page = try await client.execute(uri: "/admin/accounts/\(newcomer)", method: .get, headers: browser.headers)
            XCTAssertTrue(page.text.contains("action=\"/admin/accounts/\(newcomer)/grant\""), page.text)
            XCTAssertTrue(page.text.contains("授权并启用"))
            XCTAssertFalse(page.text.contains("/admin/accounts/\(newcomer)/password"), "resets are the system administrator's")
            let badArea = try await client.execute(
                uri: "/admin/accounts/\(newcomer)/grant", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&role=dispatcher&areaCode=\(SampleAreas.city)&departmentID=x"))
            XCTAssertEqual(badArea.status, .unprocessableContent)
            XCTAssertTrue(badArea.text.contains("id=\"departmentID-error\">部门编号格式不正确"), badArea.text)
            let outside = try await client.execute(
                uri: "/admin/accounts/\(newcomer)/grant", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&role=dispatcher&areaCode=\(SampleAreas.city)&departmentID="))
            XCTAssertEqual(outside.status, .unprocessableContent)
            XCTAssertTrue(outside.text.contains("id=\"areaCode-error\">区域编码不存在"), outside.text)
            XCTAssertTrue(outside.text.contains("<option value=\"dispatcher\" selected>"), "the posted choice is kept")

            let granted = try await client.execute(
                uri: "/admin/accounts/\(newcomer)/grant", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&role=dispatcher&areaCode=\(SampleAreas.village)&departmentID="))
            XCTAssertEqual(granted.status, .seeOther, granted.text)
            XCTAssertEqual(granted.headers[.location], "/admin/accounts/\(newcomer)?done=grant")
            let signedIn = try await Authentication(platform: platform).signIn(username: "li.si", password: TestAccounts.password, ip: "t")
            XCTAssertEqual(signedIn.session.staff.role, .dispatcher)
            XCTAssertEqual(signedIn.session.staff.jurisdiction.root.rawValue, SampleAreas.village)

            let hidden = try await client.execute(uri: "/admin/accounts/\(outsider)", method: .get, headers: browser.headers)
            XCTAssertEqual(hidden.status, .notFound)
            let hiddenGrant = try await client.execute(
                uri: "/admin/accounts/\(outsider)/grant", method: .post, headers: browser.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(browser.csrf)&role=dispatcher&areaCode=\(SampleAreas.village)"))
            XCTAssertEqual(hiddenGrant.status, .notFound)
            let list = try await client.execute(uri: "/admin/accounts", method: .get, headers: browser.headers)
            XCTAssertFalse(list.text.contains("/admin/accounts/\(outsider)\""), "accounts outside are not listed")
        }
    }

    func testTheSystemAdminDisablesEnablesAndResetsPasswords() async throws {
        try await withTestClient { client, platform in
            let admin = try await TestAccounts.create("sys", role: .systemAdmin, in: platform.database)
            let leader = try await TestAccounts.create("lead", role: .leader, in: platform.database)
            let security = try await TestAccounts.create("sec", role: .securityAdmin, in: platform.database)
            let leaderBrowser = try await signIn(client, username: "lead")
            let browser = try await signIn(client, username: "sys")
            func post(_ path: String, _ body: String = "") async throws -> TestResponse {
                try await client.execute(uri: path, method: .post, headers: browser.formHeaders(),
                                         body: ByteBuffer(string: "_csrf=\(browser.csrf)" + body))
            }

            let page = try await client.execute(uri: "/admin/accounts/\(leader)", method: .get, headers: browser.headers)
            XCTAssertTrue(page.text.contains("action=\"/admin/accounts/\(leader)/disable\""), page.text)
            XCTAssertTrue(page.text.contains("action=\"/admin/accounts/\(leader)/password\""))
            XCTAssertEqual(page.headers[.cacheControl], "no-store")

            let disabled = try await post("/admin/accounts/\(leader)/disable")
            XCTAssertEqual(disabled.status, .seeOther)
            let after = try await client.execute(uri: disabled.headers[.location] ?? "", method: .get, headers: browser.headers)
            XCTAssertTrue(after.text.contains("账号已停用"), after.text)
            XCTAssertTrue(after.text.contains("action=\"/admin/accounts/\(leader)/enable\""))
            let ended = try await client.execute(uri: "/people", method: .get, headers: leaderBrowser.headers)
            XCTAssertEqual(ended.status, .seeOther, "the disabled account's session ended")
            XCTAssertTrue(ended.headers[.location]?.hasPrefix("/login") ?? false)
            let authentication = Authentication(platform: platform)
            let refused = try? await authentication.signIn(username: "lead", password: TestAccounts.password, ip: "t")
            XCTAssertNil(refused)

            let enabled = try await post("/admin/accounts/\(leader)/enable")
            XCTAssertEqual(enabled.status, .seeOther)
            let weak = try await post("/admin/accounts/\(leader)/password", "&password=abc")
            XCTAssertEqual(weak.status, .unprocessableContent)
            XCTAssertTrue(weak.text.contains("id=\"password-error\">密码至少需要8个字符"), weak.text)
            XCTAssertTrue(weak.text.contains("aria-invalid=\"true\""))
            let reset = try await post("/admin/accounts/\(leader)/password", "&password=\(Self.strong)")
            XCTAssertEqual(reset.status, .seeOther)
            let signedIn = try await authentication.signIn(username: "lead", password: Self.strong, ip: "t")
            XCTAssertEqual(signedIn.session.staff.accountID, leader)

            let selfDisable = try await post("/admin/accounts/\(admin)/disable")
            XCTAssertEqual(selfDisable.status, .conflict)
            XCTAssertTrue(selfDisable.text.contains("不能停用自己的账号"), selfDisable.text)
            let overseer = try await client.execute(uri: "/admin/accounts/\(security)", method: .get, headers: browser.headers)
            XCTAssertTrue(overseer.text.contains("三权分立"))
            XCTAssertFalse(overseer.text.contains("/admin/accounts/\(security)/disable"))
            let overseerReset = try await post("/admin/accounts/\(security)/password", "&password=\(Self.strong)")
            XCTAssertEqual(overseerReset.status, .conflict)
            let missing = try await post("/admin/accounts/999999/disable")
            XCTAssertEqual(missing.status, .notFound)
            let notANumber = try await client.execute(uri: "/admin/accounts/abc", method: .get, headers: browser.headers)
            XCTAssertEqual(notANumber.status, .notFound)
        }
    }
}
