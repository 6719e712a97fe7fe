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

    /// Exactly the links each role's navigation holds, and the menus they sit in (a menu with nothing
    /// for the role is left out). Written out by hand from the permissions table.
    static let navigation: [Role: (menus: [String], links: Set<String>)] = {
        let cases: Set<String> = ["/todo", "/cases", "/dashboard"]
        // Risk warnings and reports: who takes, dispatches or supervises cases, mediates or receives petitions.
        // 考核排名 (/assessment): who may view or score assessments.
        let warned = cases.union(["/warnings", "/reports"])
        let system: Set<String> = ["/admin/accounts", "/admin/case-categories", "/admin/calendar", "/admin/case-policy",
                                   "/admin/cameras", "/admin/alert-rules", "/admin/risk-rules", "/admin/outbox"]
        // Awards, deductions and appeals: whoever sees scores.
        let assessment: Set<String> = ["/assessment", "/assessment/awards", "/assessment/deductions", "/assessment/appeals"]
        let table: [Role: (menus: [String], links: Set<String>)] = [
            .intakeOperator: (["nav.work", "nav.baseData"],
                              warned.union(["/desk", "/hotline", "/alerts", "/admin/notices", "/areas", "/people"])),
            .dispatcher: (["nav.work", "nav.mediation", "nav.assessment", "nav.baseData"],
                          warned.union(["/desk", "/hotline", "/alerts", "/admin/notices", "/mediation", "/figures", "/areas",
                                        "/people"]).union(assessment)),
            .gridWorker: (["nav.work", "nav.baseData"], cases.union(["/areas", "/people"])),
            .gridLeader: (["nav.work", "nav.mediation", "nav.assessment", "nav.baseData"],
                          warned.union(["/mediation", "/figures", "/areas", "/people", "/imports"]).union(assessment)),
            .departmentHandler: (["nav.work", "nav.assessment", "nav.baseData"], cases.union(["/areas"]).union(assessment)),
            .mediator: (["nav.work", "nav.mediation", "nav.baseData"], warned.union(["/mediation", "/figures", "/areas", "/people"])),
            .petitionOfficer: (["nav.work", "nav.mediation", "nav.baseData"],
                               warned.union(["/desk", "/alerts", "/admin/notices", "/petitions", "/figures", "/areas",
                                             "/people"])),
            .leader: (["nav.work", "nav.mediation", "nav.assessment", "nav.baseData"],
                      warned.union(["/admin/notices", "/figures", "/areas", "/people"]).union(assessment)),
            .assessor: (["nav.work", "nav.assessment", "nav.baseData"],
                        cases.union(["/areas", "/admin/assessment-templates", "/admin/assessment-indicators"]).union(assessment)),
            .systemAdmin: (["nav.baseData", "nav.system"], system.union(["/areas", "/imports"])),
            .securityAdmin: (["nav.system"], ["/admin/accounts", "/admin/security", "/admin/tokens"]),
            .auditor: (["nav.system"], ["/audit"]),
        ]
        // Satisfaction surveys (under 工作台): who assesses, sees assessment or takes calls at the centre.
        let surveyed: Set<Role> = [.intakeOperator, .dispatcher, .gridLeader, .departmentHandler, .petitionOfficer, .leader,
                                   .assessor]
        return Dictionary(uniqueKeysWithValues: table.map { role, entry in
            (role, surveyed.contains(role) ? (entry.menus, entry.links.union(["/surveys"])) : entry)
        })
    }()

    func testNavigationHoldsExactlyTheLinksOfEachRole() async throws {
        try await withTestClient { client, platform in
            XCTAssertEqual(Set(Self.navigation.keys), Set(Role.allCases), "every role is pinned")
            // Everyone signed in: home, tracking, their inbox and their two-step verification.
            let personal: Set<String> = ["/", "/track", "/inbox", "/account/totp"]
            for (n, role) in Role.allCases.enumerated() {
                let expected = try XCTUnwrap(Self.navigation[role])
                try await TestAccounts.create("nav\(n)", role: role, area: SampleAreas.county, in: platform.database)
                let signedIn = try await Authentication(platform: platform).signIn(
                    username: "nav\(n)", password: TestAccounts.password, ip: "10.1.0.\(n)")
                let page = try await client.execute(uri: "/", method: .get,
                                                    headers: [.cookie: "fq_session=\(signedIn.token)", .accept: "text/html"])
                let header = try XCTUnwrap(firstMatch(#"(?s)<header class="top">(.*?)</header>"#, in: page.text))
                let nav = try XCTUnwrap(firstMatch(#"(?s)<nav aria-label="主导航">(.*?)</nav>"#, in: header))
                XCTAssertEqual(Set(allMatches(#"href="([^"]+)""#, in: header)), expected.links.union(personal), "\(role)")
                XCTAssertEqual(allMatches(#"data-menu="([^"]+)""#, in: nav), expected.menus, "\(role)")
                XCTAssertTrue(header.contains("action=\"/logout\""))
                // The header's search box: for who may view cases or base data.
                let search = role.permissions.contains(.viewCases) || role.permissions.contains(.viewBaseData)
                XCTAssertEqual(page.text.contains("action=\"/search\""), search, "\(role)")
                XCTAssertTrue(page.text.contains("<a class=\"skip\" href=\"#main\">跳到主要内容</a>"))
                XCTAssertTrue(page.text.contains("<main id=\"main\""))
            }
        }
    }

    func testTheCurrentSectionIsMarked() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("navhere", role: .leader, area: SampleAreas.county, in: platform.database)
            let signedIn = try await Authentication(platform: platform).signIn(
                username: "navhere", password: TestAccounts.password, ip: "10.1.1.1")
            let page = try await client.execute(uri: "/areas/\(SampleAreas.county)", method: .get,
                                                headers: [.cookie: "fq_session=\(signedIn.token)", .accept: "text/html"])
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"<li><a href="/areas" aria-current="page">治理地图</a></li>"#), page.text)
            XCTAssertTrue(page.text.contains(#"<details class="menu current" data-menu="nav.baseData">"#))
            XCTAssertTrue(page.text.contains(#"<details class="menu" data-menu="nav.work">"#))
            XCTAssertEqual(allMatches(#"(aria-current="page")"#, in: page.text).count, 1)
        }
    }
}

func allMatches(_ pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
        Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
}
