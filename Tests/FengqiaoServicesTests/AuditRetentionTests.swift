import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Purging records past the retention period: refused below 180 days and on a log that does not
/// verify; signs the last purged record before deleting; anchors the chain; audits itself.
final class AuditRetentionTests: XCTestCase {
    static let old = TestPlatform.referenceDate.addingTimeInterval(-200 * 86_400)
    static let recent = TestPlatform.referenceDate.addingTimeInterval(-10 * 86_400)

    func retention(_ log: AuditFixture) throws -> AuditRetention {
        AuditRetention(platform: try TestPlatform.make(database: log.db), seal: log.seal)
    }

    func testPurgeDeletesOldRecordsAnchorsTheChainAndIsAudited() async throws {
        try await withAuditFixture { log in
            try await log.append(10, start: Self.old)
            try await log.append(5, start: Self.recent)
            let purge = try await self.retention(log).purge(olderThanDays: 180, actor: "system")
            XCTAssertEqual(purge?.deleted, 10)
            XCTAssertEqual(purge?.anchor.id, 10)
            XCTAssertEqual(purge?.recordID, 16)
            let kind = log.db.kind
            let remaining = try await log.db.read { try await AuditRepository($0, kind: kind).records(afterID: 0, limit: 100) }
            XCTAssertEqual(remaining.map(\.id), Array(11...16))
            let record = try XCTUnwrap(remaining.last)
            XCTAssertEqual(record.action, "audit.purge")
            XCTAssertTrue(record.summary.contains(#""through":10"#), record.summary)
            XCTAssertTrue(record.summary.contains(#""deleted":10"#), record.summary)
            // The anchor was signed before anything was deleted.
            let lines = try log.checkpointLines()
            XCTAssertEqual(lines.count, 1)
            XCTAssertTrue(lines[0].contains(#""id":10"#))

            let result = try await log.verify()
            XCTAssertNil(result.fault, "\(result.fault.map(String.init(describing:)) ?? "")")
            XCTAssertEqual(result.records, 6)
            XCTAssertEqual(result.anchor?.id, 10)

            let again = try await self.retention(log).purge(olderThanDays: 180, actor: "system")
            XCTAssertNil(again, "nothing more is old enough")

            try await log.sql(#"UPDATE audit_log SET summary = '{}' WHERE id = 11"#)
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .edited)
            XCTAssertEqual(fault?.recordID, 11)
        }
    }

    func testAnAnchorWithoutItsSignedCheckpointIsNamed() async throws {
        try await withAuditFixture { log in
            try await log.append(10, start: Self.old)
            try await log.append(5, start: Self.recent)
            _ = try await self.retention(log).purge(olderThanDays: 180, actor: "system")
            try log.writeCheckpointLines([])
            var fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .removed)
            XCTAssertEqual(fault?.recordID, 10)

            // Deleting records and setting an anchor by hand does not verify either.
            try await log.checkpointTail()
            try await log.sql("DELETE FROM audit_log WHERE id <= 13")
            let hash = try await log.db.read { try await SettingsRepository($0).value("audit_anchor") }
            XCTAssertNotNil(hash)
            try await log.sql(#"UPDATE platform_settings SET value = '{"id":13,"hash":"\#(String(repeating: "a", count: 64))"}' WHERE name = 'audit_anchor'"#)
            fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .removed)
            XCTAssertEqual(fault?.recordID, 13)
        }
    }

    func testAfterEverythingIsPurgedTheChainGoesOnFromTheAnchor() async throws {
        try await withAuditFixture { log in
            try await log.append(4, start: Self.old)
            let purge = try await self.retention(log).purge(olderThanDays: 180, actor: "cli:root")
            XCTAssertEqual(purge?.anchor.id, 4)
            XCTAssertEqual(purge?.recordID, 5, "the purge's own record stays")
            try await log.append(2, start: Self.recent)
            let result = try await log.verify()
            XCTAssertNil(result.fault)
            XCTAssertEqual(result.records, 3)
            // Should the table ever be empty, appends go on from the anchor instead of starting again at 1.
            try await log.sql("DELETE FROM audit_log")
            try await log.append(1, start: Self.recent)
            let records = try await log.db.read { try await AuditRepository($0, kind: log.db.kind).records(afterID: 0, limit: 5) }
            XCTAssertEqual(records.map(\.id), [5])
            XCTAssertEqual(records.first?.previousHash, purge?.anchor.hash)
        }
    }

    func testPurgeIsRefusedBelow180DaysAndOnALogThatDoesNotVerify() async throws {
        try await withAuditFixture { log in
            try await log.append(10, start: Self.old)
            try await log.append(2, start: Self.recent)
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await self.retention(log).purge(olderThanDays: 179, actor: "system")
            }
            try await log.sql("DELETE FROM audit_log WHERE id = 3")
            await XCTAssertThrowsDomainError(code: "audit_log_not_intact") {
                _ = try await self.retention(log).purge(olderThanDays: 180, actor: "system")
            }
            let count = try await log.db.read { try await $0.countRows(in: "audit_log") }
            XCTAssertEqual(count, 11, "nothing deleted")
            XCTAssertFalse(FileManager.default.fileExists(atPath: log.checkpointPath), "nothing signed")
            let anchor = try await log.db.read { try await SettingsRepository($0).value("audit_anchor") }
            XCTAssertNil(anchor)
        }
    }
}
