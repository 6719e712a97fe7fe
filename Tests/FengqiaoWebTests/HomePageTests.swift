import FengqiaoDomain
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

    func testNavigationOffersOnlyWhatTheRoleMayOpen() async throws {
        try await withTestClient { client, platform in
            let expectations: [(Role, shown: [String], hidden: [String])] = [
                (.leader, ["/areas", "/people", "/account/totp"],
                 ["/admin/accounts", "/audit", "/imports", "/admin/case-categories", "/admin/calendar", "/petitions"]),
                (.petitionOfficer, ["/petitions", "/desk"], ["/hotline", "/admin/accounts"]),
                (.auditor, ["/audit"], ["/areas", "/people", "/admin/accounts", "/admin/security"]),
                (.securityAdmin, ["/admin/accounts", "/admin/security", "/admin/tokens"], ["/areas", "/people", "/audit"]),
                (.systemAdmin, ["/areas", "/admin/accounts", "/admin/case-categories", "/admin/calendar", "/admin/case-policy",
                                "/admin/cameras", "/admin/outbox"],
                 ["/people", "/audit", "/admin/security", "/desk", "/hotline"]),
                // The desk imports 12345 work orders but no base data: no link to the base-data imports.
                (.intakeOperator, ["/desk", "/hotline", "/alerts", "/inbox"], ["/imports", "/admin/cameras", "/admin/outbox", "/petitions"]),
                // Mediation: who mediates (viewCases + mediate) or keeps the registry (manageMediation).
                (.mediator, ["/mediation"], ["/desk"]), (.gridLeader, ["/mediation"], []),
                (.dispatcher, ["/mediation"], []), (.gridWorker, [], ["/mediation"]),
                // 信访调解统计: who mediates, keeps the registry, receives petitions or supervises.
                (.leader, ["/figures"], []), (.petitionOfficer, ["/figures"], []), (.gridWorker, [], ["/figures"]),
                (.intakeOperator, [], ["/figures"]),
            ]
            for (n, expectation) in expectations.enumerated() {
                try await TestAccounts.create("nav\(n)", role: expectation.0, area: SampleAreas.county, in: platform.database)
                let signedIn = try await Authentication(platform: platform).signIn(
                    username: "nav\(n)", password: TestAccounts.password, ip: "10.1.0.\(n)")
                let page = try await client.execute(uri: "/", method: .get,
                                                    headers: [.cookie: "fq_session=\(signedIn.token)", .accept: "text/html"])
                let nav = try XCTUnwrap(firstMatch(#"(?s)<nav>(.*?)</nav>"#, in: page.text))
                for link in expectation.shown { XCTAssertTrue(nav.contains("href=\"\(link)\""), "\(expectation.0) should see \(link)") }
                for link in expectation.hidden { XCTAssertFalse(nav.contains("href=\"\(link)\""), "\(expectation.0) should not see \(link)") }
            }
        }
    }
}
