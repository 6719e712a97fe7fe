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

/// `POST /api/v1/reports` on a par with the report page: bags, photos (multipart), the same refusals with
/// stable codes, the honeypot and the rate limits (`rate_limited`).
final class ReportAPIPhotoTests: XCTestCase {
    static let fields: [(String, String)] = [("description", "三单元楼道里每天晚上都有电动车充电"), ("gridCode", SampleAreas.grid)]

    func testABagInJSONAndPhotosInMultipartAreFiled() async throws {
        try await ReportClient.run(each: true) { r in
            let bag = try await r.apiJSON(#"{"bag":"blue","description":"建议在小区里增设电动车充电桩","channel":"web"}"#)
            XCTAssertEqual(bag.status, .created, bag.text)
            let code = try XCTUnwrap(try bag.json()["trackingCode"] as? String)
            let tracked = try await r.client.execute(uri: "/api/v1/reports/\(code)", method: .get)
            XCTAssertEqual(try tracked.json()["category"] as? String, "五色袋·建议")

            let photos = try await r.apiMultipart(Self.fields + [("category", "电动车楼道充电"), ("contactPhone", "13812345678")],
                                                  photos: [(ReportClient.jpeg, "1.jpg"), (ReportClient.png, "2.png")])
            XCTAssertEqual(photos.status, .created, photos.text)
            let json = try photos.json()
            XCTAssertEqual(json["gridCode"] as? String, SampleAreas.grid)
            let number = try XCTUnwrap(json["number"] as? String)
            let rows = try await r.platform.database.read { db in
                let record = try await CaseRepository(db).find(number: number)
                return try await CaseAttachmentRepository(db).list(caseId: record?.id ?? -1).map(\.fileType)
            }
            XCTAssertEqual(rows, ["jpeg", "png"])
        }
    }

    func testEveryRefusalHasAStableCodeAndSavesNothing() async throws {
        let big = ReportClient.jpeg + Data(count: ReportPhotos.maxBytes)
        let long = String(repeating: "长", count: ReportSubmission.descriptionLimit + 1)
        // name, fields, photos, field, code
        let cases: [(String, [(String, String)], [(Data, String)], String, String)] = [
            ("bad grid", [("description", "楼道里堆满杂物"), ("kind", "dispute"), ("gridCode", "150207001001999")], [],
             "gridCode", "unknown"),
            ("bad phone", Self.fields + [("kind", "dispute"), ("contactPhone", "12345")], [], "contactPhone", "invalid_format"),
            ("too long", [("kind", "dispute"), ("description", long)], [], "description", "too_long"),
            ("bad bag", Self.fields + [("bag", "purple")], [], "bag", "invalid_choice"),
            ("bag and kind", Self.fields + [("bag", "red"), ("kind", "dispute")], [], "bag", "conflict"),
            ("too many", Self.fields + [("kind", "dispute")], Array(repeating: (ReportClient.jpeg, "a.jpg"), count: 5),
             "photos", "too_many"),
            ("too large", Self.fields + [("kind", "dispute")], [(big, "a.jpg")], "photos", "too_large"),
            ("disguised", Self.fields + [("kind", "dispute")], [(ReportClient.disguised, "a.jpg")], "photos", "unsupported_type"),
            ("bad number", Self.fields + [("kind", "dispute"), ("latitude", "north"), ("longitude", "1")], [],
             "latitude", "invalid_format"),
        ]
        try await ReportClient.run { r in
            for (name, fields, photos, field, code) in cases {
                let response = try await r.apiMultipart(fields, photos: photos)
                XCTAssertEqual(response.status, .unprocessableContent, "\(name): \(response.text)")
                let problem = try response.json()
                XCTAssertEqual(problem["code"] as? String, "validation_failed", name)
                let errors = try XCTUnwrap(problem["errors"] as? [[String: String]], name)
                XCTAssertEqual(errors.first?["field"], field, name)
                XCTAssertEqual(errors.first?["code"], code, name)
                XCTAssertTrue(containsChinese(errors.first?["message"] ?? "", atLeast: 2), name)
            }
            let json = try await r.apiJSON(#"{"kind":"dispute","description":"楼道里堆满杂物","contactPhone":"123"}"#)
            XCTAssertEqual(try json.json()["code"] as? String, "validation_failed")
            let count = try await r.caseCount()
            XCTAssertEqual(count, 0)
            XCTAssertEqual(r.storedFiles(), [])
            let text = try await r.client.execute(uri: "/api/v1/reports", method: .post, headers: [.contentType: "text/plain"],
                                                  body: ByteBuffer(string: "hello"))
            XCTAssertEqual(try text.json()["code"] as? String, "unsupported_media_type")
        }
    }

    func testTheHoneypotAndTheRateLimitsOfTheAPI() async throws {
        let limits = ReportLimits(perAddress: RateLimit(count: 3, window: 3600), perPhone: RateLimit(count: 1, window: 86_400))
        try await ReportClient.run(limits: limits) { r in
            let bot = try await r.apiJSON(#"{"kind":"dispute","description":"楼道里堆满杂物","website":"http://spam.example"}"#)
            XCTAssertEqual(bot.status, .created)
            XCTAssertNotNil(TrackingCode(try bot.json()["trackingCode"] as? String ?? ""), "answered like success")
            let stored = try await r.caseCount()
            XCTAssertEqual(stored, 0)

            let first = try await r.apiJSON(#"{"kind":"dispute","description":"楼道里堆满杂物","contactPhone":"13812345678"}"#)
            XCTAssertEqual(first.status, .created)
            let again = try await r.apiJSON(#"{"kind":"dispute","description":"楼道里又堆满杂物","contactPhone":"13812345678"}"#)
            XCTAssertEqual(again.status, .tooManyRequests)
            XCTAssertEqual(try again.json()["code"] as? String, "rate_limited")
            XCTAssertEqual(again.headers[.retryAfter], "86400")
            let flood = try await r.apiJSON(#"{"kind":"dispute","description":"楼道里堆满杂物"}"#)
            XCTAssertEqual(flood.status, .tooManyRequests)
            let problem = try flood.json()
            XCTAssertEqual(problem["code"] as? String, "rate_limited")
            XCTAssertEqual(problem["detail"] as? String, "提交过于频繁,请60分钟后再试")
            XCTAssertEqual(flood.headers[.retryAfter], "3600")
        }
    }

    func testBehindATrustedProxyEachForwardedAddressHasItsOwnLimit() async throws {
        let limits = ReportLimits(perAddress: RateLimit(count: 1, window: 3600), perPhone: nil,
                                  trustedProxies: try XCTUnwrap(TrustedProxies("127.0.0.1, ::1")))
        try await TestDatabases.withSQLite { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration(reportLimits: limits))
            try await app.test(.live) { client in
                let body = #"{"kind":"dispute","description":"楼道里堆满杂物"}"#
                func post(_ forwarded: String) async throws -> HTTPResponse.Status {
                    try await client.execute(uri: "/api/v1/reports", method: .post,
                                             headers: [.contentType: "application/json", .init("X-Forwarded-For")!: forwarded],
                                             body: ByteBuffer(string: body)).status
                }
                let firstA = try await post("198.51.100.7")
                let secondA = try await post("10.9.9.9, 198.51.100.7")
                let firstB = try await post("198.51.100.8")
                XCTAssertEqual([firstA, secondA, firstB], [.created, .tooManyRequests, .created])
            }
        }
    }

    func testTrustedProxiesAndRateLimitsAreParsed() throws {
        let proxies = try XCTUnwrap(TrustedProxies("127.0.0.1, 10.0.0.0/8 ,fd00::/8"))
        XCTAssertTrue(proxies.contains("10.200.3.4"))
        XCTAssertFalse(proxies.contains("11.0.0.1"))
        XCTAssertTrue(proxies.contains("fd12::1"))
        XCTAssertFalse(proxies.contains("fe80::1"))
        XCTAssertEqual(proxies.client(peer: "10.0.0.5", forwardedFor: "1.2.3.4, 5.6.7.8, 10.0.0.9"), "5.6.7.8",
                       "the right-most address no trusted proxy added")
        XCTAssertEqual(proxies.client(peer: "10.0.0.5", forwardedFor: "garbage"), "10.0.0.5")
        XCTAssertEqual(proxies.client(peer: "8.8.8.8", forwardedFor: "1.2.3.4"), "8.8.8.8", "an untrusted peer is the client")
        XCTAssertEqual(TrustedProxies().client(peer: "8.8.8.8", forwardedFor: "1.2.3.4"), "8.8.8.8")
        XCTAssertNil(TrustedProxies("localhost"))
        XCTAssertNil(TrustedProxies("10.0.0.0/33"))
        XCTAssertEqual(RateLimit("10/hour"), RateLimit(count: 10, window: 3600))
        XCTAssertEqual(RateLimit(" 5/day "), RateLimit(count: 5, window: 86_400))
        XCTAssertNil(RateLimit("0/hour"))
        XCTAssertNil(RateLimit("10 per hour"))
    }
}
