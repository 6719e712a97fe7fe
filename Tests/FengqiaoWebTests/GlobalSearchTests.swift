import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// The header's search over cases (number, tracking code, text), inside the caller's scope, on both databases. A bad
/// `q` is a field error answered 422 like every other bad query parameter of the house (case list, audit log).
final class GlobalSearchTests: XCTestCase {
    static func search(_ d: CaseDesk, _ term: String, by username: String) async throws -> TestResponse {
        let encoded = term.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try await d.client.execute(uri: "/api/v1/search?q=\(encoded)", method: .get, headers: try await d.headers(username))
    }

    static func numbers(_ d: CaseDesk, _ term: String, by username: String) async throws -> [String] {
        let response = try await search(d, term, by: username)
        XCTAssertEqual(response.status, .ok, "\(term): \(response.text)")
        return (try response.json()["cases"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
    }

    static func expect(_ d: CaseDesk, _ term: String, by username: String, _ expected: [String], _ message: String = "",
                       line: UInt = #line) async throws {
        let found = try await numbers(d, term, by: username)
        XCTAssertEqual(found, expected, "\(term) by \(username) \(message)", line: line)
    }

    static func trackingCode(_ d: CaseDesk, _ number: String) async throws -> String {
        let row = try await d.platform.database.read { db in
            try await db.raw("SELECT tracking_code FROM cases WHERE number = \(bind: number)").first()
        }
        return try XCTUnwrap(row).decode(column: "tracking_code", as: String.self)
    }

    func testCasesAreFoundByNumberTrackingCodeAndTextOnlyInsideTheScope() async throws {
        try await CaseDesk.each { d in
            try await CaseListFixture.addAreas(d)
            let noise = try await d.open(description: "邻居装修噪音扰民,电话 139-1234-5678,身份证150207198001010033")
            let leak = try await d.open(description: "楼上卫生间漏水渗到楼下")
            let outside = try await CaseListFixture.open(d, by: "outsider", grid: String(CaseListFixture.outsideGrid))

            // Exact number and tracking code.
            try await Self.expect(d, noise, by: "disp", [noise])
            let code = try await Self.trackingCode(d, leak)
            let byCode = try await Self.search(d, code, by: "disp")
            let found = try XCTUnwrap(try byCode.json()["cases"] as? [[String: Any]])
            XCTAssertEqual(found.first?["number"] as? String, leak)
            XCTAssertEqual(found.first?["matched"] as? String, "trackingCode")
            XCTAssertNil(found.first?["trackingCode"], "the hits do not carry tracking codes")

            // Text: three and more characters through the trigram index, two characters through the recent window.
            try await Self.expect(d, "装修噪音", by: "disp", [noise])
            try await Self.expect(d, "卫生间漏水", by: "disp", [leak])
            try await Self.expect(d, "漏水", by: "disp", [leak], "the outside 楼上漏水纠纷 never appears")
            try await Self.expect(d, "漏水纠纷", by: "disp", [])
            try await Self.expect(d, "楼", by: "disp", [leak])
            try await Self.expect(d, "邻居", by: "disp", [noise])
            // The county dispatcher sees both townships; the outside one sees only its own.
            try await Self.expect(d, "漏水纠纷", by: "cdisp", [outside])
            try await Self.expect(d, outside, by: "outsider", [outside])
            try await Self.expect(d, outside, by: "disp", [], "out of the jurisdiction: not found by number")
            try await Self.expect(d, noise, by: "outsider", [])
            try await Self.expect(d, "装修噪音", by: "outsider", [])
            try await Self.expect(d, "漏水", by: "outsider", [outside])

            // The snippet hides the phone and ID numbers of the free-text description.
            let snippet = try await Self.search(d, "装修噪音", by: "disp")
            XCTAssertFalse(snippet.text.contains("5678") || snippet.text.contains("1980"), snippet.text)
            XCTAssertTrue(snippet.text.contains("＊＊＊"), snippet.text)

            // Department staff: only cases their department has a part in.
            try await Self.expect(d, leak, by: "lead", [])
            try await Self.expect(d, "楼", by: "lead", [])
            try await d.run(leak, "accept", by: "desk", expect: "accepted")
            try await d.run(leak, "dispatch", by: "disp", #"{"lead":\#(d.lead)}"#, expect: "dispatched")
            try await Self.expect(d, leak, by: "lead", [leak])
            try await Self.expect(d, "楼", by: "lead", [leak])
            try await Self.expect(d, "卫生间", by: "assist", [])
            // A department handler may not view base data: no such sections.
            let json = try await Self.search(d, "卫生间", by: "lead").json()
            XCTAssertNil(json["people"])
            let full = try await Self.search(d, "卫生间", by: "disp").json()
            XCTAssertNotNil(full["people"])

            // The page links the case.
            let page = try await d.client.execute(uri: "/search?q=\(leak)", method: .get, headers: try await CaseListFixture.browser(d, "disp"))
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("href=\"/cases/\(leak)\""), page.text)
            XCTAssertTrue(page.text.contains("<h2 id=\"found-cases\">案件</h2>"))
        }
    }

    func testBadQueriesAreFieldErrorsAndRolesWithoutEitherPermissionAreRefused() async throws {
        try await CaseDesk.each { d in
            let long = String(repeating: "漏", count: SearchTerm.maximumLength + 1)
            for (term, code) in [("", "required"), ("   ", "required"), (long, "too_long")] {
                let response = try await Self.search(d, term, by: "disp")
                XCTAssertEqual(response.status, .unprocessableContent, term)
                XCTAssertTrue(response.text.contains("\"field\":\"q\"") && response.text.contains(code), response.text)
                let encoded = term.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let page = try await d.client.execute(uri: "/search?q=\(encoded)", method: .get,
                                                      headers: try await CaseListFixture.browser(d, "disp"))
                XCTAssertEqual(page.status, .unprocessableContent, term)
            }
            let missing = try await d.client.execute(uri: "/api/v1/search", method: .get, headers: try await d.headers("disp"))
            XCTAssertEqual(missing.status, .unprocessableContent)
            // Without `q` the page is the empty form.
            let form = try await d.client.execute(uri: "/search", method: .get, headers: try await CaseListFixture.browser(d, "disp"))
            XCTAssertEqual(form.status, .ok)
            XCTAssertFalse(form.text.contains("found-cases"))

            for role in [Role.auditor, .securityAdmin, .systemAdmin] {
                try await TestAccounts.create("no-\(role.rawValue)", role: role, area: SampleAreas.county, in: d.platform.database)
                let api = try await Self.search(d, "漏水", by: "no-\(role.rawValue)")
                XCTAssertEqual(api.status, .forbidden, "\(role)")
                let page = try await d.client.execute(uri: "/search", method: .get,
                                                      headers: try await CaseListFixture.browser(d, "no-\(role.rawValue)"))
                XCTAssertEqual(page.status, .forbidden, "\(role)")
            }
        }
    }
}
