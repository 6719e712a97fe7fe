import FengqiaoServices
import FengqiaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

final class HomePageTests: XCTestCase {
    func testHomePageSaysWhatThePlatformIsInChineseWithLiveCounts() async throws {
        try await withTestClient { client, platform in
            _ = try await ReportIntake(platform: platform).submit(.init(kind: "dispute", description: "邻居装修噪音扰民"))
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                let html = response.text
                XCTAssertTrue(html.contains("<html lang=\"zh-CN\">"))
                XCTAssertTrue(containsChinese(html, atLeast: 8))
                XCTAssertTrue(html.contains("包头市社会治理综合服务平台"), "named after the root area")
                XCTAssertTrue(html.contains("案件(共 1 件,在办 1 件)"), html)
                XCTAssertTrue(html.contains("href=\"/track\""))
                XCTAssertTrue(html.contains("href=\"/static/app.css\""))
            }
            try await client.execute(uri: "/static/app.css", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("Noto Sans CJK SC"))
            }
        }
    }

    func testAnEmptyPlatformSaysHowToLoadDemoData() async throws {
        try await withTestClient(areas: false) { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("fengqiao serve --demo"))
            }
        }
    }
}
