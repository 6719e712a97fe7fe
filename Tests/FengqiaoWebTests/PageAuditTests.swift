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

/// Every HTML page each role may open (the GET routes the access oracle allows it, on the access world's
/// objects inside the jurisdiction), and the public pages, checked by `HTMLAudit`; and every HTML answer
/// carries the Content-Security-Policy without inline script.
final class PageAuditTests: XCTestCase {
    func testEveryPageEachRoleMayOpenPassesTheAudit() async throws {
        let (problems, pages, controls, audited) = try await TestDatabases.withSQLite { db in
            let platform = try TestPlatform.make(database: db)
            let world = try await AccessWorld.make(platform)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            return try await app.test(.router) { client in
                var problems: [String] = []
                var pages = 0
                var controls = 0
                var audited: Set<String> = []
                let principals: [AccessMatrixTests.Principal] = [.nobody] + Role.allCases.map(AccessMatrixTests.Principal.staff)
                for (index, principal) in principals.enumerated() {
                    var cookie: String?
                    if let role = principal.role {
                        let signedIn = try await Authentication(platform: platform).signIn(
                            username: AccessWorld.username(role), password: TestAccounts.password, ip: "10.2.0.\(index)")
                        cookie = "fq_session=\(signedIn.token)"
                    }
                    // The oracle's GET routes, then the error pages (unknown page, a case outside the jurisdiction).
                    var requests: [(String, AccessWorld.Request)] = []
                    for (route, entry) in AccessOracle.entries.sorted(by: { $0.key < $1.key }) where route.hasPrefix("GET ") {
                        guard entry.rule != .exempt, entry.expected(principal, scope: .inside) == .allowed else { continue }
                        requests.append((route, world.request(route, entry, .inside, role: principal.role)))
                    }
                    requests.append(("GET /no-such-page", AccessWorld.Request(method: .get, uri: "/no-such-page")))
                    requests.append(("GET /cases/{outside}", AccessWorld.Request(method: .get, uri: "/cases/" + world.outside.caseNumber)))
                    for (route, request) in requests {
                        var headers: HTTPFields = [.accept: "text/html,application/xhtml+xml"]
                        headers[.cookie] = cookie
                        let response = try await client.execute(uri: request.uri, method: .get, headers: headers)
                        guard (response.headers[.contentType] ?? "").hasPrefix("text/html") else { continue }
                        pages += 1
                        audited.insert(route)
                        controls += HTMLAudit.tags(response.text).filter { ["input", "select", "textarea"].contains($0.name) }.count
                        let csp = response.headers[.contentSecurityPolicy] ?? ""
                        let scripts = csp.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("script-src") }
                            ?? csp.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("default-src") }
                        if scripts == nil || scripts?.contains("unsafe-inline") == true {
                            problems.append("\(route) as \(principal): CSP \(csp)")
                        }
                        for problem in HTMLAudit.problems(response.text) {
                            problems.append("\(route) (\(request.uri)) as \(principal): \(problem)")
                        }
                    }
                }
                return (problems, pages, controls, audited)
            }
        }
        let unique = Array(Set(problems)).sorted()
        XCTAssertEqual(unique, [], "\(unique.count) problems on \(pages) pages:\n" + unique.joined(separator: "\n"))
        XCTAssertGreaterThan(pages, 150, "the audit reached the pages")
        XCTAssertGreaterThan(controls, 500, "and their forms")
        for route in ["GET /", "GET /login", "GET /todo", "GET /cases", "GET /cases/{number}", "GET /desk", "GET /petitions/new",
                      "GET /mediation/new", "GET /people", "GET /areas/{code}", "GET /admin/accounts/new"] {
            XCTAssertTrue(audited.contains(route), "\(route) audited")
        }
    }

    /// The audit itself catches what it is for.
    func testTheAuditCatchesEachFault() {
        let good = #"<html lang="zh-CN"><body><h1>标题</h1><form><label for="a">名</label><input id="a" name="a">"#
            + #"<label>备注 <textarea name="b"></textarea></label><select name="c" aria-label="类型"></select>"#
            + #"<input type="hidden" name="_csrf" value="x"><img src="/x.png" alt="图"><script src="/static/x.js"></script></form></body></html>"#
        XCTAssertEqual(HTMLAudit.problems(good), [])
        let faults: [(String, String)] = [
            (good.replacingOccurrences(of: #" lang="zh-CN""#, with: ""), "lang"),
            (good.replacingOccurrences(of: "<h1>标题</h1>", with: ""), "<h1>"),
            (good + "<h1>二</h1>", "<h1>"),
            (good + "<script>alert(1)</script>", "inline <script>"),
            (good + ##"<a href="#" onclick="x()">a</a>"##, "onclick"),
            (good + #"<p style="color:red">a</p>"#, "style="),
            (good + #"<img src="/y.png">"#, "alt"),
            (good + #"<input name="q">"#, "unlabelled <input>"),
            (good + #"<select name="s"></select>"#, "unlabelled <select>"),
            (good + #"<label for="other">x</label><textarea id="t"></textarea>"#, "unlabelled <textarea>"),
        ]
        for (html, expected) in faults {
            let found = HTMLAudit.problems(html)
            XCTAssertTrue(found.contains { $0.contains(expected) }, "\(expected) not caught: \(found)")
        }
    }
}
