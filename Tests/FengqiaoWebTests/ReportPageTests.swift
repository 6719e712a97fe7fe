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

/// The residents' report page as a browser without JavaScript uses it: bags, categories, photos,
/// location, every refusal, the honeypot and the rate limits.
final class ReportPageTests: XCTestCase {
    static let description = ("description", "小区门口每天晚上都有人占道摆摊")

    func testThePageOffersTheBagsCategoriesPhotosAndLocationWithoutInlineScript() async throws {
        try await ReportClient.run { r in
            let page = try await r.client.execute(uri: "/report?grid=\(SampleAreas.grid)", method: .get, headers: htmlHeaders)
            let html = page.text
            XCTAssertTrue(html.contains("康乐社区第1网格"), "the grid of the QR code is named")
            for bag in FiveColorBag.allCases {
                XCTAssertTrue(html.contains(bag.label) && html.contains(bag.meaning), bag.label)
                XCTAssertTrue(html.contains(#"fill="\#(bag.colour)""#), "each bag shows its colour")
                XCTAssertTrue(html.contains(#"class="bag bag-\#(bag.rawValue)""#))
            }
            XCTAssertTrue(html.contains(#"<optgroup label="矛盾纠纷"><option>邻里纠纷</option>"#), html)
            XCTAssertTrue(html.contains(#"enctype="multipart/form-data""#))
            XCTAssertTrue(html.contains(#"name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple"#))
            XCTAssertTrue(html.contains(#"name="latitude""#) && html.contains(#"name="longitude""#))
            XCTAssertTrue(html.contains(#"<script src="/static/report.js" defer></script>"#))
            XCTAssertNil(html.range(of: #"<script(?![^>]*\bsrc=)"#, options: .regularExpression), "no inline script")
            XCTAssertNil(html.range(of: #"\s(style|on[a-z]+)="#, options: .regularExpression), "no inline style or handler")
            XCTAssertTrue(html.contains(#"id="locate" class="secondary" hidden"#), "the location button waits for the script")
            XCTAssertTrue(html.contains(#"name="website""#), "the honeypot")

            let script = try await r.client.execute(uri: "/static/report.js", method: .get)
            XCTAssertEqual(script.status, .ok)
            XCTAssertEqual(script.headers[.contentType], "text/javascript; charset=utf-8")
            XCTAssertTrue(script.text.contains("navigator.geolocation"))
            let style = try await r.client.execute(uri: "/static/report.css", method: .get)
            XCTAssertTrue(style.text.contains(".bag-red"))

            let general = try await r.client.execute(uri: "/report", method: .get, headers: htmlHeaders)
            XCTAssertFalse(general.text.contains("所在网格"))
        }
    }

    func testABagWithPhotosFromAGridsQRCodeBecomesACaseWithAttachments() async throws {
        try await ReportClient.run(each: true) { r in
            let response = try await r.submit(grid: SampleAreas.grid, [
                ("bag", "yellow"), ("category", ""), Self.description, ("latitude", "40.605"), ("longitude", "109.805"),
                ("contactName", "王女士"), ("contactPhone", "13812345678"),
            ], photos: [(ReportClient.jpeg, "摊位.jpg"), (ReportClient.png, "夜里.png"), (Data(), "")])
            XCTAssertEqual(response.status, .created, response.text)
            XCTAssertTrue(response.text.contains("已收到您的反映"))
            XCTAssertTrue(response.text.contains("已上传照片 2 张"), "the empty file input is no photo")
            let record = try await r.filedCase(from: response)
            XCTAssertEqual(record.channel, "fiveColorBag")
            XCTAssertEqual(record.category, "五色袋·吐槽")
            XCTAssertEqual(record.gridCode, SampleAreas.grid)
            XCTAssertEqual(record.lat, 40.605)
            XCTAssertEqual(record.contactPhoneMasked, "138****5678")
            let (attachments, clocks) = try await r.platform.database.read { db in
                (try await CaseAttachmentRepository(db).list(caseId: record.id ?? -1),
                 try await CaseClockRepository(db).clocks(caseId: record.id ?? -1))
            }
            XCTAssertEqual(attachments.map(\.originalName), ["摊位.jpg", "夜里.png"])
            XCTAssertEqual(clocks.map(\.kind), ["acceptance"])
            XCTAssertEqual(r.storedFiles().count, 2)
        }
    }

    func testTheGeneralLinkFilesOnChannelWebAndAQRCodeWithoutABagOnQRCode() async throws {
        try await ReportClient.run { r in
            let web = try await r.submit([("bag", ""), ("category", "占道经营"), Self.description])
            XCTAssertEqual(web.status, .created, web.text)
            let general = try await r.filedCase(from: web)
            XCTAssertEqual(general.channel, "web")
            XCTAssertEqual(general.kind, "urbanManagement")
            let qr = try await r.submit(grid: SampleAreas.grid, [("bag", ""), ("category", "邻里纠纷"), Self.description])
            XCTAssertEqual(qr.status, .created, qr.text)
            let fromCode = try await r.filedCase(from: qr)
            XCTAssertEqual(fromCode.channel, "qrCode")
            XCTAssertEqual(fromCode.gridCode, SampleAreas.grid)
        }
    }

    func testEveryRejectionIsAFieldMessageAndSavesNothing() async throws {
        let long = String(repeating: "长", count: ReportSubmission.descriptionLimit + 1)
        let big = ReportClient.jpeg + Data(count: ReportPhotos.maxBytes)
        let cases: [(String, [(String, String)], [(Data, String)], String)] = [
            ("bad grid", [("gridCode", "150207001001999"), ("category", "邻里纠纷"), Self.description], [], "网格编码不存在"),
            ("bad phone", [("category", "邻里纠纷"), Self.description, ("contactPhone", "12345")], [], "联系电话格式不正确"),
            ("too long", [("category", "邻里纠纷"), ("description", long)], [], "问题描述不能超过2000个字"),
            ("no choice", [("bag", ""), ("category", ""), Self.description], [], "请填写事件类型"),
            ("bag and category", [("bag", "red"), ("category", "邻里纠纷"), Self.description], [], "五色袋和事项类别只能选一项"),
            ("bad latitude", [("category", "邻里纠纷"), Self.description, ("latitude", "north"), ("longitude", "109.8")], [],
             "纬度应为数字"),
            ("outside China", [("category", "邻里纠纷"), Self.description, ("latitude", "1"), ("longitude", "1")], [],
             "位置坐标不在有效范围内"),
            ("too many photos", [("category", "邻里纠纷"), Self.description],
             Array(repeating: (ReportClient.jpeg, "a.jpg"), count: ReportPhotos.limit + 1), "最多上传4张照片"),
            ("too large photo", [("category", "邻里纠纷"), Self.description], [(big, "big.jpg")], "第1张照片:文件不能超过5 MB"),
            ("disguised photo", [("category", "邻里纠纷"), Self.description],
             [(ReportClient.jpeg, "ok.jpg"), (ReportClient.disguised, "photo.jpg")], "第2张照片:文件内容不是允许的类型"),
        ]
        try await ReportClient.run { r in
            for (name, fields, photos, message) in cases {
                let response = try await r.submit(fields, photos: photos)
                XCTAssertEqual(response.status, .unprocessableContent, "\(name): \(response.text.prefix(300))")
                XCTAssertTrue(response.text.contains(message), "\(name): \(message)")
                XCTAssertTrue(response.text.contains("aria-invalid=\"true\"") || name == "bad grid", name)
                if name != "too long" {
                    XCTAssertTrue(response.text.contains("小区门口每天晚上都有人占道摆摊"), "\(name): the text typed is kept")
                }
            }
            let count = try await r.caseCount()
            XCTAssertEqual(count, 0)
            XCTAssertEqual(r.storedFiles(), [], "no photo of a refused report is kept")
            // A forged post (no token from the page) is refused too.
            let forged = try await r.client.execute(
                uri: "/report", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(ReportClient.boundary)", .accept: "text/html"],
                body: ReportClient.multipart([("_csrf", "x"), ("category", "邻里纠纷"), Self.description]))
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertTrue(forged.text.contains("页面已过期"))
        }
    }

    func testAFilledHoneypotAnswersLikeSuccessStoresNothingAndIsCounted() async throws {
        try await ReportClient.run { r in
            let before = try await Self.honeypotCount(r.client)
            let response = try await r.submit(grid: SampleAreas.grid, [
                ("website", "http://spam.example"), ("category", "邻里纠纷"), Self.description,
            ], photos: [(ReportClient.jpeg, "a.jpg")])
            XCTAssertEqual(response.status, .created)
            XCTAssertTrue(response.text.contains("已收到您的反映"))
            let code = try XCTUnwrap(firstMatch(#"track\?code=([A-Z0-9-]+)"#, in: response.text))
            XCTAssertNotNil(firstMatch(#"<strong>(150200-2026-\d{6})</strong>"#, in: response.text), "a number like a real one")
            let count = try await r.caseCount()
            XCTAssertEqual(count, 0)
            XCTAssertEqual(r.storedFiles(), [])
            let after = try await Self.honeypotCount(r.client)
            XCTAssertEqual(after, before + 1)
            let tracked = try await r.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
            XCTAssertEqual(tracked.status, .notFound)
        }
    }

    /// The honeypot counter on `/metrics` (one registry per process, so read before and after).
    static func honeypotCount(_ client: any TestClientProtocol) async throws -> Int {
        let metrics = try await client.execute(uri: "/metrics", method: .get).text
        return Int(firstMatch(#"(?m)^fengqiao_report_honeypot_total (\d+)"#, in: metrics) ?? "0") ?? 0
    }

    func testSubmissionsArePerAddressAndPerPhoneLimitedWithAChineseMessage() async throws {
        let clock = ManualClock()
        let limits = ReportLimits(perAddress: RateLimit(count: 3, window: 3600), perPhone: RateLimit(count: 1, window: 86_400))
        try await ReportClient.run(limits: limits, clock: clock) { r in
            let first = try await r.submit([("category", "邻里纠纷"), Self.description, ("contactPhone", "13812345678")])
            XCTAssertEqual(first.status, .created)
            let samePhone = try await r.submit([("category", "邻里纠纷"), Self.description, ("contactPhone", "138 1234 5678")])
            XCTAssertEqual(samePhone.status, .tooManyRequests)
            XCTAssertTrue(samePhone.text.contains("该号码提交过于频繁,请24小时后再试"), samePhone.text)
            XCTAssertEqual(samePhone.headers[.retryAfter], "86400")
            XCTAssertTrue(samePhone.text.contains("小区门口每天晚上都有人占道摆摊"), "the text typed is kept")
            let otherPhone = try await r.submit([("category", "邻里纠纷"), Self.description, ("contactPhone", "13900001111")])
            XCTAssertEqual(otherPhone.status, .created)
            let fourth = try await r.submit([("category", "邻里纠纷"), Self.description])
            XCTAssertEqual(fourth.status, .tooManyRequests)
            XCTAssertTrue(fourth.text.contains("提交过于频繁,请60分钟后再试"), fourth.text)
            XCTAssertEqual(fourth.headers[.retryAfter], "3600")
            // Without trusted proxies a forwarded address changes nothing.
            let forwarded = try await r.submit([("category", "邻里纠纷"), Self.description],
                                               headers: [.init("X-Forwarded-For")!: "203.0.113.9"])
            XCTAssertEqual(forwarded.status, .tooManyRequests)
            clock.advance(minutes: 61)
            let later = try await r.submit([("category", "邻里纠纷"), Self.description])
            XCTAssertEqual(later.status, .created, "the window slides")
            let count = try await r.caseCount()
            XCTAssertEqual(count, 3)
        }
    }

    func testARefusedReportDoesNotUseUpThePhonesQuota() async throws {
        let limits = ReportLimits(perAddress: nil, perPhone: RateLimit(count: 1, window: 86_400))
        try await ReportClient.run(limits: limits) { r in
            let refused = try await r.submit([("category", "邻里纠纷"), ("description", "短"), ("contactPhone", "13812345678")])
            XCTAssertEqual(refused.status, .unprocessableContent)
            let filed = try await r.submit([("category", "邻里纠纷"), Self.description, ("contactPhone", "13812345678")])
            XCTAssertEqual(filed.status, .created, filed.text)
        }
    }
}
