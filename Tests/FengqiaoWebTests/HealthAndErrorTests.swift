import FengqiaoTestSupport
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

    func testSecurityHeadersAreSet() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.headers[HTTPField.Name("X-Content-Type-Options")!], "nosniff")
                XCTAssertNotNil(response.headers[.contentSecurityPolicy])
            }
        }
    }
}
