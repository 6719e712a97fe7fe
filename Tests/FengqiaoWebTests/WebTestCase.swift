import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Runs `body` with a test client against the real router on a fresh SQLite database holding the
/// sample areas.
func withTestClient(
    areas: Bool = true, _ body: @escaping @Sendable (any TestClientProtocol, Platform) async throws -> Void
) async throws {
    try await TestDatabases.withSQLite { db in
        if areas { try await SampleAreas.insert(into: db) }
        let platform = try TestPlatform.make(database: db)
        let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
        try await app.test(.router) { client in try await body(client, platform) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]
let htmlHeaders: HTTPFields = [.accept: "text/html,application/xhtml+xml"]

func containsChinese(_ text: String, atLeast run: Int = 4) -> Bool {
    var longest = 0, current = 0
    for scalar in text.unicodeScalars {
        current = (0x4E00...0x9FFF).contains(scalar.value) ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest >= run
}

/// A signed-in browser: the session cookie and the CSRF token its forms carry.
struct SignedInBrowser {
    let cookie: String
    let csrf: String

    var headers: HTTPFields { [.cookie: cookie, .accept: "text/html"] }

    func formHeaders() -> HTTPFields {
        [.cookie: cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
    }
}

/// The value of cookie `name` set by `response`, if any.
func cookieValue(_ name: String, in response: TestResponse) -> String? {
    for header in response.headers[values: .setCookie] {
        let first = header.split(separator: ";").first.map(String.init) ?? ""
        if first.hasPrefix(name + "=") { return String(first.dropFirst(name.count + 1)) }
    }
    return nil
}

/// Signs in through the login form as a real browser would.
func signIn(_ client: any TestClientProtocol, username: String, password: String = TestAccounts.password) async throws
    -> SignedInBrowser
{
    let page = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
    let loginCSRF = try XCTUnwrap(cookieValue("fq_login_csrf", in: page))
    let body = "_csrf=\(loginCSRF)&username=\(username)&password=\(password)"
    let response = try await client.execute(
        uri: "/login", method: .post,
        headers: [.cookie: "fq_login_csrf=\(loginCSRF)", .contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: body))
    XCTAssertEqual(response.status, .seeOther, response.text)
    let token = try XCTUnwrap(cookieValue("fq_session", in: response))
    let cookie = "fq_session=\(token)"
    let landing = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
    let csrf = try XCTUnwrap(firstMatch(#"name="_csrf" value="([^"]+)""#, in: landing.text))
    return SignedInBrowser(cookie: cookie, csrf: csrf)
}

func firstMatch(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
          let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
          match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text)
    else { return nil }
    return String(text[range])
}
