import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import ServiceLifecycle
import XCTest

/// The service `serve` runs beside the web server: it seals the log as it grows and purges it daily.
final class AuditKeeperTests: XCTestCase {
    func testTheKeeperSealsTheLogPurgesItOnceADayAndSealsTheTailOnShutdown() async throws {
        try await TestDatabases.each { db in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fq-keeper-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let keyPath = directory.appendingPathComponent("audit.key").path
            let (key, _) = try AuditSigningKey.loadOrCreate(at: keyPath)
            let checkpoints = AuditCheckpointFile(path: directory.appendingPathComponent("checkpoints.jsonl").path)
            let seal = try AuditSeal(keyBytes: key, checkpoints: checkpoints)
            let platform = try TestPlatform.make(database: db)
            for (index, daysAgo) in [300.0, 250, 200, 5].enumerated() {
                let at = TestPlatform.referenceDate.addingTimeInterval(-daysAgo * 86_400).millisecondsSince1970
                _ = try await db.write { sql in
                    try await AuditTrail.append(
                        AuditEntry(actorID: nil, actor: "system", role: "system", ip: "local", action: "account.create",
                                   objectType: "account", objectID: String(index)),
                        at: at, in: sql, kind: db.kind)
                }
            }

            let keeper = AuditKeeper(platform: platform, seal: seal, interval: .milliseconds(20), retentionDays: 180)
            let group = ServiceGroup(configuration: .init(services: [.init(service: keeper)], logger: TestDatabases.logger))
            let running = Task { try await group.run() }
            var anchor: AuditAnchor?
            for _ in 0..<500 where anchor == nil {
                try await Task.sleep(for: .milliseconds(20))
                anchor = try await db.read { try await AuditAnchor.load(from: $0) }
            }
            XCTAssertEqual(anchor?.id, 3, "\(db.kind): the three records older than 180 days are gone")
            // One purge a day: later ticks leave the log alone.
            try await Task.sleep(for: .milliseconds(100))
            await group.triggerGracefulShutdown()
            try await running.value

            let records = try await db.read { try await AuditRepository($0, kind: db.kind).records(afterID: 0, limit: 10) }
            XCTAssertEqual(records.map(\.action), ["account.create", "audit.purge"])
            XCTAssertEqual(records.last?.id, 5)
            let sealed = try checkpoints.lines().compactMap { line -> Int64? in
                if case .checkpoint(let checkpoint, _) = line { return checkpoint.id }
                return nil
            }
            XCTAssertEqual(sealed.first, 4, "the log's tail is sealed before the purge looks at it")
            XCTAssertTrue(sealed.contains(3), "the last purged record is signed")
            XCTAssertEqual(sealed.last, 5, "the purge record is sealed")
            XCTAssertEqual(Set(sealed).count, sealed.count, "only when the log grew")
            let verification = try await AuditVerifier(
                database: db, checkpoints: checkpoints,
                publicKey: try AuditSigningKey.loadPublicKey(at: AuditSigningKey.publicKeyPath(forKeyAt: keyPath))
            ).verify()
            XCTAssertNil(verification.fault)
            XCTAssertEqual(verification.records, 2)
        }
    }
}
