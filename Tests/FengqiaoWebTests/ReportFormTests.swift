import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class ReportFormTests: XCTestCase {
    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"]

    func testResidentReportsThroughTheGridFormAndGetsATrackingCode() async throws {
        try await withTestClient { client, platform in
            let page = try await client.execute(uri: "/report?grid=\(SampleAreas.grid)", method: .get, headers: htmlHeaders)
            XCTAssertTrue(page.text.contains("沙河街道 · 康乐社区 · 康乐社区第1网格"), page.text)
            let token = try XCTUnwrap(cookieValue("fq_report_csrf", in: page))
            var headers = Self.formType
            headers[.cookie] = "fq_report_csrf=\(token)"
            let body = "_csrf=\(token)&gridCode=\(SampleAreas.grid)&kind=dispute&description=%E6%A5%BC%E4%B8%8A%E5%8D%AB%E7%94%9F%E9%97%B4%E6%BC%8F%E6%B0%B4&contactPhone=13800138000"
            let response = try await client.execute(uri: "/report", method: .post, headers: headers, body: ByteBuffer(string: body))
            XCTAssertEqual(response.status, .created, response.text)
            XCTAssertTrue(response.text.contains("已收到您的反映"))
            let code = try XCTUnwrap(firstMatch(#"track\?code=([A-Z0-9-]+)"#, in: response.text))
            let status = try await CaseTracking(platform: platform).status(trackingCode: code)
            XCTAssertEqual(status.kindName, CaseKind.dispute.chineseName)
            let record = try await platform.database.read { try await CaseRepository($0).find(number: status.number) }
            XCTAssertEqual(record?.gridCode, SampleAreas.grid)
            XCTAssertEqual(record?.areaCode, SampleAreas.village)
            XCTAssertEqual(record?.channel, Channel.qrCode.rawValue)
            XCTAssertEqual(record?.contactPhoneMasked, "138****8000")
            // Pressing submit twice files one case.
            let again = try await client.execute(uri: "/report", method: .post, headers: headers, body: ByteBuffer(string: body))
            XCTAssertEqual(again.status, .ok)
            let count = try await platform.database.read { try await CaseRepository($0).count() }
            XCTAssertEqual(count, 1)
        }
    }

    func testBadReportsKeepWhatWasTypedAndSaveNothing() async throws {
        try await withTestClient { client, platform in
            let page = try await client.execute(uri: "/report?grid=\(SampleAreas.grid)", method: .get, headers: htmlHeaders)
            let token = try XCTUnwrap(cookieValue("fq_report_csrf", in: page))
            var headers = Self.formType
            headers[.cookie] = "fq_report_csrf=\(token)"
            let response = try await client.execute(
                uri: "/report", method: .post, headers: headers,
                body: ByteBuffer(string: "_csrf=\(token)&gridCode=\(SampleAreas.grid)&description=&address=%E5%BA%B7%E4%B9%90%E5%B0%8F%E5%8C%BA&contactPhone=12345"))
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertTrue(response.text.contains("康乐小区"), "the address typed is kept")
            XCTAssertTrue(response.text.contains("请填写问题描述"), response.text)
            XCTAssertTrue(response.text.contains("联系电话格式不正确"), response.text)
            XCTAssertTrue(response.text.contains("aria-invalid=\"true\""))
            let forged = try await client.execute(
                uri: "/report", method: .post, headers: Self.formType,
                body: ByteBuffer(string: "_csrf=x&gridCode=\(SampleAreas.grid)&description=abc"))
            XCTAssertEqual(forged.status, .forbidden)
            let count = try await platform.database.read { try await CaseRepository($0).count() }
            XCTAssertEqual(count, 0)
        }
    }

    func testAnUnknownGridStillGivesAPlainForm() async throws {
        try await withTestClient { client, _ in
            let page = try await client.execute(uri: "/report?grid=%3Cscript%3E", method: .get, headers: htmlHeaders)
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.text.contains("<script>"))
            XCTAssertFalse(page.text.contains("所在网格"))
        }
    }
}
