import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The auditor's page: filters, keyset paging newest first, the XLSX export, and nobody else may look.
final class AuditRoutesTests: XCTestCase {
    static let threeDaysAgo = TestPlatform.referenceDate.addingTimeInterval(-3 * 86_400)
    static let yesterday = TestPlatform.referenceDate.addingTimeInterval(-86_400)

    /// 60 edits by zhang three days ago; an export and a reveal by li yesterday (2026-11-22 10:00 Beijing).
    static func seed(_ platform: Platform) async throws {
        let kind = platform.database.kind
        func append(_ entry: AuditEntry, _ at: Date) async throws {
            _ = try await platform.database.write { db in
                try await AuditTrail.append(entry, at: at.millisecondsSince1970, in: db, kind: kind)
            }
        }
        for i in 0..<60 {
            try await append(AuditEntry(actorID: 7, actor: "zhang", role: "gridWorker", ip: "10.1.1.1", action: "person.update",
                                        objectType: "person", objectID: String(100 + i), summary: #"{"n":\#(i)}"#),
                             threeDaysAgo.addingTimeInterval(Double(i) * 60))
        }
        try await append(AuditEntry(actorID: 8, actor: "li", role: "leader", ip: "10.2.2.2", action: "export.people",
                                    objectType: "area", objectID: SampleAreas.county, summary: #"{"rows":12}"#), yesterday)
        try await append(AuditEntry(actorID: 8, actor: "li", role: "leader", ip: "10.2.2.2", action: "person.reveal",
                                    objectType: "person", objectID: "42"), yesterday.addingTimeInterval(60))
    }

    static func rows(_ html: String) -> Int { html.components(separatedBy: "<tr><td>").count - 1 }

    func testTheAuditorFiltersAndPagesTheLogAndEveryViewIsAudited() async throws {
        try await withTestClient { client, platform in
            try await Self.seed(platform)
            try await TestAccounts.create("shen", role: .auditor, area: SampleAreas.city, in: platform.database)
            let auditor = try await signIn(client, username: "shen")

            let first = try await client.execute(uri: "/audit", method: .get, headers: auditor.headers)
            XCTAssertEqual(first.status, .ok)
            XCTAssertEqual(first.headers[.cacheControl], "no-store")
            XCTAssertEqual(Self.rows(first.text), 50)
            XCTAssertTrue(first.text.contains("<td>shen</td><td>审计员</td>"), "the auditor's own sign-in is on top")
            XCTAssertTrue(first.text.contains("2026-11-22 10:01:00"), "Beijing time")
            XCTAssertTrue(first.text.contains("查看完整证件号码/电话"))
            let next = try XCTUnwrap(firstMatch(#"href="(/audit\?before=\d+)""#, in: first.text))
            let second = try await client.execute(uri: next, method: .get, headers: auditor.headers)
            XCTAssertEqual(Self.rows(second.text), 63 - 50, "60 + 2 seeded + the sign-in")
            XCTAssertFalse(second.text.contains("更早的记录"))
            XCTAssertTrue(second.text.contains(#"<td>1</td>"#), "the oldest record is on the last page")

            for (query, expected, absent) in [
                ("actor=li", 2, "10.1.1.1"),
                ("action=export", 1, "person.reveal"),
                ("action=person.reveal", 1, "export.people"),
                ("objectType=person&objectId=42", 1, "export.people"),
                ("from=2026-11-22&to=2026-11-22", 2, "zhang"),
                ("actor=zhang&from=2026-11-21", 0, "zhang"),
                ("actor=+li+&action=export.people", 1, "person.reveal"),
            ] {
                let page = try await client.execute(uri: "/audit?\(query)", method: .get, headers: auditor.headers)
                XCTAssertEqual(page.status, .ok, query)
                XCTAssertEqual(Self.rows(page.text), expected, query)
                XCTAssertFalse(page.text.contains("<td>\(absent)</td>") || page.text.contains("<code>\(absent)</code>"), query)
            }

            // Paging keeps the filters.
            let zhang = try await client.execute(uri: "/audit?actor=zhang", method: .get, headers: auditor.headers)
            XCTAssertEqual(Self.rows(zhang.text), 50)
            XCTAssertTrue(zhang.text.contains(#"value="zhang""#), "the form shows the filter")
            let zhangNext = try XCTUnwrap(firstMatch(#"href="(/audit\?actor=zhang&amp;before=\d+)""#, in: zhang.text))
            let zhangRest = try await client.execute(uri: zhangNext.replacingOccurrences(of: "&amp;", with: "&"),
                                                     method: .get, headers: auditor.headers)
            XCTAssertEqual(Self.rows(zhangRest.text), 10)
            XCTAssertTrue(zhangRest.text.contains("<td>10.1.1.1</td>"))
            XCTAssertFalse(zhangRest.text.contains("<td>li</td>"))

            let reads = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).latest(action: "audit.read", limit: 50)
            }
            XCTAssertEqual(reads.count, 11, "every view is recorded")
            XCTAssertTrue(reads.allSatisfy { $0.actor == "shen" && $0.role == "auditor" })
            XCTAssertTrue(reads.contains { $0.summary.contains(#""actor":"li""#) }, "\(reads.map(\.summary))")
        }
    }

    func testBadFiltersAreRefusedFieldByField() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("shen", role: .auditor, area: SampleAreas.city, in: platform.database)
            let auditor = try await signIn(client, username: "shen")
            for (query, field) in [("from=2026-02-30", "开始日期"), ("to=yesterday", "结束日期"),
                                   ("from=2026-11-23&to=2026-11-01", "结束日期不能早于开始日期"),
                                   ("actor=\(String(repeating: "x", count: 101))", "操作人"), ("before=abc", "翻页位置")] {
                let page = try await client.execute(uri: "/audit?\(query)", method: .get, headers: auditor.headers)
                XCTAssertEqual(page.status, .unprocessableContent, query)
                XCTAssertTrue(page.text.contains(field), query)
            }
            let api = try await client.execute(uri: "/audit?from=2026-13-01", method: .get, headers: [.cookie: auditor.cookie])
            XCTAssertEqual(try api.json()["code"] as? String, "validation_failed")
        }
    }

    func testTheExportHoldsTheFilteredRecordsAndIsAudited() async throws {
        try await withTestClient { client, platform in
            try await Self.seed(platform)
            try await TestAccounts.create("shen", role: .auditor, area: SampleAreas.city, in: platform.database)
            let auditor = try await signIn(client, username: "shen")
            let page = try await client.execute(uri: "/audit?actor=li", method: .get, headers: auditor.headers)
            XCTAssertTrue(page.text.contains(#"href="/audit/export.xlsx?actor=li""#))
            let file = try await client.execute(uri: "/audit/export.xlsx?actor=li", method: .get, headers: [.cookie: auditor.cookie])
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(file.headers[.contentType], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            XCTAssertEqual(file.headers[.contentDisposition], #"attachment; filename="audit-log-2026-11-23.xlsx""#)
            let table = try SheetReader.read(data: Data(buffer: file.body), filename: "audit.xlsx")
            XCTAssertEqual(table.header, AuditLogBrowser.exportHeader)
            XCTAssertEqual(table.rows.count, 2)
            let newest = try XCTUnwrap(table.rows.first).cells
            XCTAssertEqual(newest, ["62", "2026-11-22 10:01:00", "li", "领导", "10.2.2.2", "person.reveal", "查看完整证件号码/电话",
                                    "person", "42", "{}"])
            let all = try await client.execute(uri: "/audit/export.xlsx", method: .get, headers: [.cookie: auditor.cookie])
            let everything = try SheetReader.read(data: Data(buffer: all.body), filename: "audit.xlsx")
            XCTAssertEqual(everything.rows.count, 65, "62 seeded, the sign-in, one page view, one export")

            let exports = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).latest(action: "audit.export", limit: 5)
            }
            XCTAssertEqual(exports.map(\.summary), [#"{"rows":65}"#, #"{"actor":"li","rows":2}"#])
            XCTAssertEqual(exports.first?.actor, "shen")
        }
    }

    func testOnlyTheAuditorMayReadTheLog() async throws {
        try await withTestClient { client, platform in
            try await Self.seed(platform)
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.city, in: platform.database)
            try await TestAccounts.create("admin", role: .systemAdmin, area: SampleAreas.city, in: platform.database)
            try await TestAccounts.create("sec", role: .securityAdmin, area: SampleAreas.city, in: platform.database)
            for username in ["lead", "admin", "sec"] {
                let browser = try await signIn(client, username: username)
                for uri in ["/audit", "/audit?actor=li&from=bad", "/audit/export.xlsx"] {
                    let response = try await client.execute(uri: uri, method: .get, headers: browser.headers)
                    XCTAssertEqual(response.status, .forbidden, "\(username) \(uri)")
                    XCTAssertFalse(response.text.contains("10.2.2.2"), "\(username) \(uri)")
                }
            }
            let signedOut = try await client.execute(uri: "/audit?actor=li", method: .get, headers: htmlHeaders)
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.headers[.location]?.hasPrefix("/login?next=") ?? false)
            let api = try await client.execute(uri: "/audit/export.xlsx", method: .get)
            XCTAssertEqual(api.status, .unauthorized)
            let refused = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).search(.init(action: "audit"), beforeID: nil, limit: 5)
            }
            XCTAssertTrue(refused.isEmpty, "a refused look is not a read")
        }
    }
}
