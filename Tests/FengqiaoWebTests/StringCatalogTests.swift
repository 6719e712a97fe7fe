@testable import FengqiaoWeb
import FengqiaoDomain
import FengqiaoServices
import FengqiaoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

final class StringCatalogTests: XCTestCase {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/FengqiaoWeb/Resources")

    func testEveryKeyATemplateUsesIsInTheChineseCatalog() throws {
        let catalog = try StringCatalog.load()
        let chinese = try XCTUnwrap(catalog.tables[.zhHans])
        let templates = Self.resources.appendingPathComponent("templates")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "mustache" }
        XCTAssertGreaterThan(files.count, 20)
        var used: Set<String> = []
        for file in files {
            used.formUnion(allMatches(#"\{\{[#^/]?t\.([A-Za-z0-9_.]+)\}\}"#, in: try String(contentsOf: file, encoding: .utf8)))
        }
        XCTAssertTrue(used.contains("nav.skip") && used.contains("login.username") && used.contains("search.cases"))
        XCTAssertEqual(used.subtracting(chinese.keys), [], "keys missing from zh-Hans.json")
        // And the navigation's own keys.
        let navigation = try Role.allCases.flatMap { role in
            Navigation.menus(for: Staff(accountID: 1, username: "x", displayName: "x", role: role,
                                        jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.city)))))
                .flatMap { [$0.key] + $0.links.map(\.key) }
        }
        XCTAssertEqual(Set(navigation).subtracting(chinese.keys), [])
    }

    func testEveryEnglishKeyIsAChineseKeyAndMissingOnesFallBackOneByOne() throws {
        let catalog = try StringCatalog.load()
        let chinese = try XCTUnwrap(catalog.tables[.zhHans]), english = try XCTUnwrap(catalog.tables[.en])
        XCTAssertEqual(Set(english.keys).subtracting(chinese.keys), [], "en keys unknown to zh-Hans")
        XCTAssertEqual(catalog.text("nav.cases", .en), "Cases")
        let small = StringCatalog(tables: [.zhHans: ["a": "甲", "b": "乙"], .en: ["a": "A"]])
        XCTAssertEqual(small.strings(.en), ["a": "A", "b": "乙"])
        XCTAssertEqual(small.strings(.zhHans), ["a": "甲", "b": "乙"])
        XCTAssertEqual(small.text("b", .en), "乙")
        XCTAssertEqual(small.text("c", .en), "c")
        XCTAssertEqual(Views.nested(["nav.cases": "案件", "nav.todo": "待办", "site": "枫桥"]) as NSDictionary,
                       ["nav": ["cases": "案件", "todo": "待办"], "site": "枫桥"] as NSDictionary)
    }

    func testTheLocaleComesFromTheCookieThenAcceptLanguageThenChinese() {
        XCTAssertEqual(UILocale.resolve(cookie: nil, acceptLanguage: nil), .zhHans)
        XCTAssertEqual(UILocale.resolve(cookie: "en", acceptLanguage: "zh-CN"), .en)
        XCTAssertEqual(UILocale.resolve(cookie: "zh-Hans", acceptLanguage: "en"), .zhHans)
        XCTAssertEqual(UILocale.resolve(cookie: "<script>", acceptLanguage: "en-GB,en;q=0.9"), .en)
        XCTAssertEqual(UILocale.resolve(cookie: nil, acceptLanguage: "fr-FR, zh;q=0.5, en;q=0.4"), .zhHans)
        XCTAssertEqual(UILocale.resolve(cookie: nil, acceptLanguage: "en;q=0.2, zh-TW;q=0.8"), .zhHans)
        XCTAssertEqual(UILocale.resolve(cookie: nil, acceptLanguage: "fr, de"), .zhHans)
        XCTAssertEqual(UILocale.resolve(cookie: nil, acceptLanguage: "en;q=abc, ;;, zh;q=0"), .zhHans)
        XCTAssertEqual(UILocale.resolve(cookie: nil, acceptLanguage: "english"), .zhHans)
    }

    func testPagesSpeakChineseByDefaultAndEnglishWhenAsked() async throws {
        try await withTestClient { client, _ in
            let chinese = try await client.execute(uri: "/login", method: .get, headers: htmlHeaders)
            XCTAssertTrue(chinese.text.contains(#"<html lang="zh-CN">"#))
            XCTAssertTrue(chinese.text.contains("工作人员登录") && chinese.text.contains("跳到主要内容"))
            XCTAssertTrue(chinese.text.contains(#"href="/language?lang=en&amp;back=/login""#), chinese.text)

            var headers = htmlHeaders
            headers[.acceptLanguage] = "en-US,en;q=0.9"
            let english = try await client.execute(uri: "/login", method: .get, headers: headers)
            XCTAssertTrue(english.text.contains(#"<html lang="en">"#))
            XCTAssertTrue(english.text.contains("Staff sign-in") && english.text.contains("Skip to main content"))
            XCTAssertTrue(english.text.contains(#"<label for="username">Username</label>"#))
            XCTAssertFalse(english.text.contains("工作人员登录"))

            // The cookie wins over the header; a bad cookie is ignored.
            headers[.cookie] = "lang=zh-Hans"
            let back = try await client.execute(uri: "/login", method: .get, headers: headers)
            XCTAssertTrue(back.text.contains(#"<html lang="zh-CN">"#))
            let bad = try await client.execute(uri: "/login", method: .get,
                                               headers: [.accept: "text/html", .cookie: "lang=%3Cscript%3E"])
            XCTAssertEqual(bad.status, .ok)
            XCTAssertTrue(bad.text.contains(#"<html lang="zh-CN">"#))

            // The error pages too.
            let missing = try await client.execute(uri: "/no-such-page", method: .get,
                                                   headers: [.accept: "text/html", .cookie: "lang=en"])
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertTrue(missing.text.contains("Back to the home page") && missing.text.contains(#"<html lang="en">"#))
        }
    }

    func testTheLanguageSwitchSetsTheCookieAndReturnsToALocalPage() async throws {
        try await withTestClient { client, _ in
            let switched = try await client.execute(uri: "/language?lang=en&back=/track", method: .get)
            XCTAssertEqual(switched.status, .seeOther)
            XCTAssertEqual(switched.headers[.location], "/track")
            XCTAssertEqual(cookieValue("lang", in: switched), "en")

            for query in ["lang=xx&back=/track", "lang=%3Cscript%3E", "lang=", "back=/track"] {
                let ignored = try await client.execute(uri: "/language?\(query)", method: .get)
                XCTAssertEqual(ignored.status, .seeOther, query)
                XCTAssertNil(cookieValue("lang", in: ignored), query)
            }
            for back in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                let encoded = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let response = try await client.execute(uri: "/language?lang=en&back=\(encoded)", method: .get)
                XCTAssertEqual(response.headers[.location], "/", back)
            }
        }
    }
}
