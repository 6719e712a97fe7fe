import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// The auditor's queries on both databases: filters, keyset paging, export, and the permission.
final class AuditLogBrowserTests: XCTestCase {
    static func caller(_ role: Role) -> Caller {
        Caller(staff: Staff(accountID: 9, username: "shen", displayName: "沈", role: role,
                            jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.city)!)), ip: "10.9.9.9")
    }

    func testFiltersPagingAndExportOnEveryDatabase() async throws {
        try await withAuditFixture { log in
            // 12 `person.update` records by zhang from 2026-11-23 10:00 Beijing, one a minute, then one export.
            try await log.append(12)
            try await log.append(1, start: TestPlatform.referenceDate.addingTimeInterval(86_400), action: "export.places")
            let browser = AuditLogBrowser(platform: try TestPlatform.make(database: log.db))
            let auditor = Self.caller(.auditor)

            let first = try await browser.page(AuditFilter(action: "person.update"), limit: 5, caller: auditor)
            XCTAssertEqual(first.records.map(\.id), [12, 11, 10, 9, 8])
            XCTAssertEqual(first.next, 8)
            let second = try await browser.page(AuditFilter(action: "person.update"), before: "8", limit: 5, caller: auditor)
            XCTAssertEqual(second.records.map(\.id), [7, 6, 5, 4, 3])
            let last = try await browser.page(AuditFilter(action: "person.update"), before: "3", limit: 5, caller: auditor)
            XCTAssertEqual(last.records.map(\.id), [2, 1])
            XCTAssertNil(last.next)

            let family = try await browser.page(AuditFilter(action: "export"), caller: auditor)
            XCTAssertEqual(family.records.map(\.action), ["export.places"])
            let notAFamily = try await browser.page(AuditFilter(action: "exp"), caller: auditor)
            XCTAssertEqual(notAFamily.records.count, 0)
            let byObject = try await browser.page(AuditFilter(objectType: "person", objectID: "3"), caller: auditor)
            XCTAssertEqual(byObject.records.map(\.id), [4])
            let byDay = try await browser.page(AuditFilter(fromDay: "2026-11-24", toDay: "2026-11-24"), caller: auditor)
            XCTAssertEqual(byDay.records.map(\.id), [13])
            XCTAssertEqual(byDay.records.first?.time, "2026-11-24 10:00:00")
            let byActor = try await browser.page(AuditFilter(actor: "zhang", toDay: "2026-11-23"), caller: auditor)
            XCTAssertEqual(byActor.records.count, 12)
            XCTAssertEqual(byActor.records.first?.role, "领导")

            let export = try await browser.xlsx(AuditFilter(actor: "zhang", toDay: "2026-11-23"), caller: auditor)
            XCTAssertEqual(export.rows, 12)
            let table = try SheetReader.read(data: export.data, filename: "a.xlsx")
            XCTAssertEqual(table.rows.map { $0.cells[0] }, (1...12).reversed().map(String.init))

            let own = try await log.db.read {
                try await AuditRepository($0, kind: log.db.kind).search(.init(action: "audit"), beforeID: nil, limit: 20)
            }
            XCTAssertEqual(own.map(\.action), ["audit.export"] + Array(repeating: "audit.read", count: 8))
            XCTAssertEqual(own.first?.summary, #"{"actor":"zhang","rows":12,"to":"2026-11-23"}"#)
            XCTAssertEqual(own.first?.ip, "10.9.9.9")
            // The reads and the export chain like everything else.
            let verification = try await log.verify()
            XCTAssertNil(verification.fault)
        }
    }

    func testOnlyTheAuditorMayReadOrExport() async throws {
        try await withAuditFixture { log in
            try await log.append(3)
            let browser = AuditLogBrowser(platform: try TestPlatform.make(database: log.db))
            for role in Role.allCases where role != .auditor {
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await browser.page(AuditFilter(), caller: Self.caller(role))
                }
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    _ = try await browser.xlsx(AuditFilter(fromDay: "nonsense"), caller: Self.caller(role))
                }
            }
            let count = try await log.db.read { try await $0.countRows(in: "audit_log") }
            XCTAssertEqual(count, 3, "refusals are not reads")
        }
    }
}
