import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class HealthAndErrorTests: XCTestCase {
    func testHealthReadinessAndMetrics() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/readyz", method: .get) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("# TYPE"), response.text)
                XCTAssertTrue(response.text.contains("fengqiao_db_connections"), "pool gauge")
                XCTAssertTrue(response.text.contains("http_route=\"/readyz\""), "per-route request counts")
                XCTAssertTrue(response.text.contains("http_server_request_duration"), "latency histogram")
            }
        }
    }

    func testReadinessFailsWhenTheDatabaseIsGone() async throws {
        try await withTestClient { client, platform in
            await platform.database.close()
            try await client.execute(uri: "/readyz", method: .get) { XCTAssertEqual($0.status, .serviceUnavailable) }
            try await client.execute(uri: "/healthz", method: .get) { XCTAssertEqual($0.status, .ok, "alive all the same") }
        }
    }

    func testUnknownRoutesAre404ProblemsOrAChinesePage() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertEqual(response.headers[.contentType], "application/problem+json; charset=utf-8")
                let problem = try response.json()
                XCTAssertEqual(problem["code"] as? String, "not_found")
                XCTAssertEqual(problem["status"] as? Int, 404)
                XCTAssertNotNil(problem["requestId"])
            }
            try await client.execute(uri: "/no-such-page", method: .get, headers: htmlHeaders) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertTrue(response.headers[.contentType]?.hasPrefix("text/html") ?? false)
                XCTAssertTrue(response.text.contains("页面不存在"), response.text)
            }
        }
    }

    func testWrongMethodIs405WithAllow() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/healthz", method: .post) { response in
                XCTAssertEqual(response.status, .methodNotAllowed)
                XCTAssertEqual(response.headers[.allow], "GET, HEAD")
                XCTAssertEqual(try response.json()["code"] as? String, "method_not_allowed")
            }
            try await client.execute(uri: "/api/v1/reports", method: .get) { response in
                XCTAssertEqual(response.status, .methodNotAllowed)
                XCTAssertEqual(response.headers[.allow], "POST")
            }
        }
    }

    func testRequestIDsAreEchoedOrMade() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/healthz", method: .get, headers: [HTTPField.Name("X-Request-Id")!: "abc-123"]) { response in
                XCTAssertEqual(response.headers[HTTPField.Name("X-Request-Id")!], "abc-123")
            }
            try await client.execute(uri: "/healthz", method: .get, headers: [HTTPField.Name("X-Request-Id")!: "bad id\u{7f}"]) { response in
                let id = try XCTUnwrap(response.headers[HTTPField.Name("X-Request-Id")!])
                XCTAssertEqual(id.count, 36, "an unsafe id is replaced")
            }
        }
    }

    func testSecurityHeadersAreSetOnPagesAndErrors() async throws {
        try await withTestClient { client, _ in
            for uri in ["/", "/no-such-page", "/areas"] {
                try await client.execute(uri: uri, method: .get, headers: htmlHeaders) { response in
                    XCTAssertEqual(response.headers[HTTPField.Name("X-Content-Type-Options")!], "nosniff", uri)
                    XCTAssertEqual(response.headers[HTTPField.Name("Referrer-Policy")!], "same-origin", uri)
                    let csp = try XCTUnwrap(response.headers[.contentSecurityPolicy], uri)
                    XCTAssertTrue(csp.contains("script-src 'self'"), csp)
                    XCTAssertTrue(csp.contains("frame-ancestors 'none'"), csp)
                    XCTAssertFalse(csp.contains("unsafe-inline"), csp)
                    XCTAssertEqual(response.headers[.cacheControl], "no-store", uri)
                    XCTAssertNil(response.headers[.strictTransportSecurity], "no HSTS without TLS")
                }
            }
            try await client.execute(uri: "/static/app.css", method: .get) { response in
                XCTAssertEqual(response.headers[.cacheControl], "public, max-age=3600", "static files keep their caching")
            }
        }
    }

    func testStrictTransportSecurityBehindTLS() async throws {
        try await TestDatabases.withSQLite { db in
            let platform = try TestPlatform.make(database: db)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration(secureCookies: true))
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    XCTAssertEqual(response.headers[.strictTransportSecurity], "max-age=31536000")
                }
            }
        }
    }

    /// The policy forbids inline script; no template may rely on it (nor on inline styles or handlers).
    func testTemplatesHaveNoInlineScriptStyleOrHandlers() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/FengqiaoWeb/Resources/templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }
        XCTAssertGreaterThan(names.count, 10)
        let inline = try NSRegularExpression(pattern: #"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+="#,
                                             options: [.caseInsensitive])
        for name in names {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            let found = inline.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertNil(found, "\(name) has inline script, style or an event handler")
        }
    }
}
