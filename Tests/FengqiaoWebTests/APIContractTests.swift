import FengqiaoDomain
import FengqiaoServices
import FengqiaoTestSupport
@testable import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// What every `/api/v1` client relies on, on SQLite and PostgreSQL: errors are RFC 9457 problem documents
/// (`application/problem+json`, type/title/status/detail plus the stable `code`, and for 422 the fields
/// with Chinese messages), and lists are keyset-paged with opaque cursors that survive inserts and refuse
/// tampering.
final class APIContractTests: XCTestCase {
    typealias D = CaseDesk

    /// Asserts the problem shape of `response` and returns the document.
    @discardableResult
    static func problem(_ response: TestResponse, _ status: HTTPResponse.Status, code: String,
                        file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(response.status, status, response.text, file: file, line: line)
        XCTAssertTrue(response.headers[.contentType]?.hasPrefix("application/problem+json") ?? false,
                      "\(status.code): \(response.headers[.contentType] ?? "no content type")", file: file, line: line)
        let json = try response.json()
        XCTAssertEqual(json["status"] as? Int, status.code, file: file, line: line)
        XCTAssertEqual(json["code"] as? String, code, response.text, file: file, line: line)
        XCTAssertEqual(json["type"] as? String, "urn:fengqiao:problem:\(code)", file: file, line: line)
        XCTAssertTrue(containsChinese(json["title"] as? String ?? "", atLeast: 2), response.text, file: file, line: line)
        XCTAssertFalse((json["detail"] as? String ?? "").isEmpty, file: file, line: line)
        return json
    }

    func testErrorsOfTheAPIAreProblemDocuments() async throws {
        try await D.each { d in
            let number = try await d.open()
            let client = d.client

            let malformed = try await d.post("/api/v1/cases", by: "desk", body: #"{"channel": "#)
            try Self.problem(malformed, .badRequest, code: "malformed_body")

            let anonymous = try await client.execute(uri: "/api/v1/cases/\(number)", method: .get)
            try Self.problem(anonymous, .unauthorized, code: "signed_out")
            let badToken = try await client.execute(uri: "/api/v1/cases/\(number)", method: .get,
                                                    headers: [.authorization: "Bearer fq_made-up", .accept: "text/html"])
            try Self.problem(badToken, .unauthorized, code: "invalid_token")

            let handlerDispatches = try await d.post("/api/v1/cases/\(number)/dispatch", by: "grid", body: d.dispatchBody())
            try Self.problem(handlerDispatches, .forbidden, code: "forbidden")

            let unknown = try await d.get("150207-2026-999999", by: "disp")
            try Self.problem(unknown, .notFound, code: "not_found")
            let outside = try await d.get(number, by: "outsider")
            try Self.problem(outside, .notFound, code: "not_found")

            let stale = try await d.post("/api/v1/cases/\(number)/accept", by: "desk", ifMatch: 99)
            try Self.problem(stale, .conflict, code: "version_conflict")
            try await d.run(number, "accept", by: "desk", expect: "accepted")
            let acceptAgain = try await d.post("/api/v1/cases/\(number)/accept", by: "desk")
            let conflict = try Self.problem(acceptAgain, .conflict, code: "invalid_transition")
            XCTAssertNil(conflict["errors"])

            let invalid = try await d.post("/api/v1/cases", by: "desk", body: #"{"channel":"walkIn","kind":"nonsense"}"#)
            let validation = try Self.problem(invalid, .unprocessableContent, code: "validation_failed")
            let errors = try XCTUnwrap(validation["errors"] as? [[String: Any]])
            XCTAssertFalse(errors.isEmpty)
            for error in errors {
                XCTAssertNotNil(error["field"] as? String)
                XCTAssertNotNil(error["code"] as? String)
                XCTAssertTrue(containsChinese(error["message"] as? String ?? "", atLeast: 2), "\(error)")
            }

            var limited: TestResponse?
            for attempt in 0..<8 {  // five reports a day from one phone (ReportLimits' default)
                let report = try await client.execute(
                    uri: "/api/v1/reports", method: .post, headers: jsonHeaders,
                    body: ByteBuffer(string: #"{"kind":"dispute","description":"楼道里堆满杂物第\#(attempt)次","contactPhone":"13812345678"}"#))
                if report.status == .tooManyRequests { limited = report; break }
                XCTAssertEqual(report.status, .created, report.text)
            }
            let tooMany = try XCTUnwrap(limited, "the sixth report from one phone is refused")
            try Self.problem(tooMany, .tooManyRequests, code: "rate_limited")
            XCTAssertNotNil(tooMany.headers[.retryAfter])

            // A browser asking an API path gets the API's problem document, not the error page or the login form.
            var html = try await d.headers("disp")
            html[.accept] = "text/html,application/xhtml+xml"
            let page = try await client.execute(uri: "/api/v1/cases/150207-2026-999999", method: .get, headers: html)
            try Self.problem(page, .notFound, code: "not_found")
            let signedOut = try await client.execute(uri: "/api/v1/cases/\(number)", method: .get, headers: htmlHeaders)
            try Self.problem(signedOut, .unauthorized, code: "signed_out")
            let unknownRoute = try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: htmlHeaders)
            try Self.problem(unknownRoute, .notFound, code: "not_found")
            // Pages keep their Chinese error page and the way to the login form.
            let pageError = try await client.execute(uri: "/cases/150207-2026-999999", method: .get, headers: html)
            XCTAssertTrue(pageError.headers[.contentType]?.hasPrefix("text/html") ?? false)
            let pageSignIn = try await client.execute(uri: "/cases", method: .get, headers: htmlHeaders)
            XCTAssertEqual(pageSignIn.status, .seeOther)
        }
    }

    func testCaseListPagesAreStableUnderInsertsAndRefuseTamperedCursors() async throws {
        try await D.each { d in
            var opened: [String] = []
            for _ in 0..<5 { opened.append(try await d.open()) }  // the same instant: the id breaks the tie
            let everything = try await CaseListFixture.all(d, "list=all", limit: 100).compactMap { $0["number"] as? String }
            XCTAssertEqual(everything, opened.reversed(), "newest first, ties by number")

            let first = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?list=all&limit=2", by: "disp")
            let next = try XCTUnwrap(try first.json()["next"] as? String)
            XCTAssertTrue(next.hasPrefix("c1"), next)
            XCTAssertFalse(next.contains("."), "opaque, not the raw sort key: \(next)")
            let newer = try await d.open()  // arrives between two page requests
            var seen = (try first.json()["cases"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            var cursor: String? = next
            while let current = cursor {
                let page = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?list=all&limit=2&cursor=\(current)", by: "disp")
                XCTAssertEqual(page.status, .ok, page.text)
                seen += (try page.json()["cases"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
                cursor = try page.json()["next"] as? String
            }
            XCTAssertEqual(seen, opened.reversed(), "no row skipped or repeated; the newer case belongs before page one")
            XCTAssertFalse(seen.contains(newer))

            for tampered in [String(next.dropLast()) + (next.hasSuffix("A") ? "B" : "A"), "c1" + "MTIzLjQ1", "5.3", "c1!!", "c2" + next.dropFirst(2)] {
                let refused = try await CaseWorklistRoutesTests.get(d, "/api/v1/cases?list=all&limit=2&cursor=\(tampered)", by: "disp")
                let problem = try Self.problem(refused, .unprocessableContent, code: "validation_failed")
                XCTAssertEqual((problem["errors"] as? [[String: Any]])?.first?["field"] as? String, "cursor", tampered)
            }
        }
    }

    func testPeopleAndPetitionListsUseOpaqueKeysetCursorsToo() async throws {
        try await D.each { d in
            try await TestAccounts.create("registrar", role: .gridLeader, area: SampleAreas.grid, in: d.platform.database)
            var registered: [Int] = []
            for index in 0..<5 {
                let body = #"{"name":"居民\#(index)","idNumber":"\#(Self.idNumber(index))","gridCode":"\#(SampleAreas.grid)","address":"阳光花园\#(index)栋"}"#
                let created = try await d.post("/api/v1/people", by: "registrar", body: body)
                XCTAssertEqual(created.status, .created, created.text)
                registered.append(try XCTUnwrap(try created.json()["id"] as? Int))
            }
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/people?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await d.client.execute(uri: uri, method: .get, headers: try await d.headers("registrar"))
                XCTAssertEqual(page.status, .ok, page.text)
                let json = try page.json()
                let people = try XCTUnwrap(json["people"] as? [[String: Any]])
                XCTAssertTrue(people.allSatisfy { ($0["idNumberMasked"] as? String)?.contains("*") ?? false }, "masked")
                seen += people.compactMap { $0["id"] as? Int }
                cursor = json["next"] as? String
                if let cursor { XCTAssertTrue(cursor.hasPrefix("c1") && !cursor.contains("."), cursor) }
            } while cursor != nil && seen.count < 50
            XCTAssertEqual(seen, registered, "every resident once, in the grid's id order")
            let tampered = try await d.client.execute(uri: "/api/v1/people?cursor=\(SampleAreas.grid).1", method: .get,
                                                      headers: try await d.headers("registrar"))
            try Self.problem(tampered, .unprocessableContent, code: "validation_failed")

            try await TestAccounts.create("officer", role: .petitionOfficer, area: SampleAreas.township, in: d.platform.database)
            let petitions = try await d.client.execute(uri: "/api/v1/petitions?cursor=c1AAAA", method: .get,
                                                       headers: try await d.headers("officer"))
            try Self.problem(petitions, .unprocessableContent, code: "validation_failed")
            let plain = try await d.client.execute(uri: "/api/v1/petitions?limit=2", method: .get, headers: try await d.headers("officer"))
            XCTAssertEqual(plain.status, .ok, plain.text)
        }
    }

    func testOpaqueCursorsRoundTripAndRefuseChanges() throws {
        for position in ["1732406400000.17", "reported-desc:1732406400000.17", "150207001001001.42"] {
            let cursor = try XCTUnwrap(OpaqueCursor.wrap(position))
            XCTAssertEqual(try OpaqueCursor.unwrap(cursor), position)
            XCTAssertTrue(cursor.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, "URL-safe: \(cursor)")
            var bytes = Array(cursor.utf8)
            for index in 2..<bytes.count {
                let original = bytes[index]
                bytes[index] = original == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
                let changed = String(decoding: bytes, as: UTF8.self)
                XCTAssertThrowsError(try OpaqueCursor.unwrap(changed), "\(changed) of \(position)")
                bytes[index] = original
            }
        }
        XCTAssertNil(OpaqueCursor.wrap(nil))
        XCTAssertNil(try OpaqueCursor.unwrap(""))
        XCTAssertNil(try OpaqueCursor.unwrap(nil))
        for junk in ["c1", "c1=", "c1ü", "x", "c1" + String(repeating: "A", count: 3)] {
            XCTAssertThrowsError(try OpaqueCursor.unwrap(junk), junk)
        }
    }

    /// A valid 18-digit identity number (born 1980-01-01 in the sample county), the `index`th.
    static func idNumber(_ index: Int) -> String {
        let body = "15020719800101" + String(format: "%03d", 100 + index)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body.compactMap(\.wholeNumberValue), weights).map(*).reduce(0, +)
        return body + String(Array("10X98765432")[sum % 11])
    }
}
