import FengqiaoServices
import FengqiaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

final class ReportAPITests: XCTestCase {
    static let valid = #"{"category":"电动车楼道充电","description":"三单元楼道里每天晚上都有电动车充电","contactPhone":"13812345678"}"#

    func testAReportIsFiledAndCanBeTracked() async throws {
        try await withTestClient { client, _ in
            let tracking = try await client.execute(uri: "/api/v1/reports", method: .post, headers: jsonHeaders, body: ByteBuffer(string: Self.valid)) { response in
                XCTAssertEqual(response.status, .created)
                let json = try response.json()
                XCTAssertEqual(json["number"] as? String, "150200-2026-000001")
                XCTAssertEqual(json["stateName"] as? String, "已上报")
                return try XCTUnwrap(json["trackingCode"] as? String)
            }
            try await client.execute(uri: "/api/v1/reports/\(tracking)", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let json = try response.json()
                XCTAssertEqual(json["number"] as? String, "150200-2026-000001")
                XCTAssertFalse(response.text.contains("13812345678"))
            }
            try await client.execute(uri: "/track?code=\(tracking)", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("150200-2026-000001"))
                XCTAssertTrue(response.text.contains("已上报"))
            }
        }
    }

    func testAReplayedSubmissionAnswers200WithTheSameCase() async throws {
        try await withTestClient { client, _ in
            let body = #"{"kind":"dispute","description":"邻居装修噪音扰民","idempotencyKey":"k-1"}"#
            let first = try await client.execute(uri: "/api/v1/reports", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) { response in
                XCTAssertEqual(response.status, .created)
                return try response.json()["number"] as? String
            }
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(try response.json()["number"] as? String, first)
                XCTAssertEqual(try response.json()["replayed"] as? Bool, true)
            }
        }
    }

    func testInvalidFieldsAre422WithEveryField() async throws {
        try await withTestClient { client, _ in
            let body = #"{"kind":"dispute","description":"短","contactPhone":"123"}"#
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) { response in
                XCTAssertEqual(response.status, .unprocessableContent)
                XCTAssertEqual(response.headers[.contentType], "application/problem+json; charset=utf-8")
                let problem = try response.json()
                XCTAssertEqual(problem["code"] as? String, "validation_failed")
                let errors = try XCTUnwrap(problem["errors"] as? [[String: String]])
                XCTAssertEqual(errors.map { $0["field"] }, ["description", "contactPhone"])
                XCTAssertEqual(errors.map { $0["code"] }, ["too_short", "invalid_format"])
                XCTAssertEqual(errors[1]["message"], "联系电话格式不正确")
            }
        }
    }

    func testMalformedJSONIs400AndNamesTheField() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"description": "x"#)) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual(try response.json()["code"] as? String, "malformed_body")
            }
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"kind":"dispute","description":"邻居装修噪音扰民","latitude":"north"}"#)) { response in
                XCTAssertEqual(response.status, .badRequest)
                let problem = try response.json()
                XCTAssertEqual((problem["errors"] as? [[String: String]])?.first?["field"], "latitude")
                XCTAssertTrue((problem["detail"] as? String)?.contains("latitude") ?? false)
            }
        }
    }

    func testWrongContentTypeIs415() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: Self.valid)) { response in
                XCTAssertEqual(response.status, .unsupportedMediaType)
                XCTAssertEqual(try response.json()["code"] as? String, "unsupported_media_type")
            }
        }
    }

    func testOversizedBodiesAre413AndWriteNothing() async throws {
        try await withTestClient { client, platform in
            let huge = #"{"kind":"dispute","description":""# + String(repeating: "长", count: 400_000) + #""}"#
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: jsonHeaders, body: ByteBuffer(string: huge)) { response in
                XCTAssertEqual(response.status, .contentTooLarge)
                XCTAssertEqual(try response.json()["code"] as? String, "payload_too_large")
            }
            let summary = try await PlatformOverview(platform: platform).summary()
            XCTAssertEqual(summary.totalCases, 0)
        }
    }

    func testUnknownTrackingCodesAre404() async throws {
        try await withTestClient { client, _ in
            try await client.execute(uri: "/api/v1/reports/ZZZZ-ZZZZ-ZZZZ", method: .get) { XCTAssertEqual($0.status, .notFound) }
            try await client.execute(uri: "/api/v1/reports/not-a-code", method: .get) { XCTAssertEqual($0.status, .unprocessableContent) }
            try await client.execute(uri: "/track?code=ZZZZ-ZZZZ-ZZZZ", method: .get) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertTrue(response.text.contains("未找到"), response.text)
            }
        }
    }
}
