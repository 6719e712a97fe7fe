import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// `AuditVerifier` names the first record that was changed, removed or reordered, and a log cut short
/// or rewritten behind the hash chain's back, on SQLite and PostgreSQL. Batches of 4 records make
/// every fault sit away from a batch's start.
final class AuditVerifierTests: XCTestCase {
    func testAnIntactLogVerifiesAcrossBatches() async throws {
        try await withAuditFixture { log in
            try await log.append(10)
            try await log.checkpointTail()
            try await log.append(15)
            try await log.checkpointTail()
            for batchSize in [1, 4, 25, 1000] {
                let result = try await log.verify(batchSize: batchSize)
                XCTAssertNil(result.fault, "\(result.fault.map(String.init(describing:)) ?? "")")
                XCTAssertEqual(result.records, 25)
                XCTAssertEqual(result.lastID, 25)
                XCTAssertEqual(result.checkpoints, 2)
            }
        }
    }

    func testAnEmptyLogWithoutCheckpointsVerifies() async throws {
        try await withAuditFixture { log in
            let result = try await AuditVerifier(database: log.db, checkpoints: log.seal.checkpoints, publicKey: nil).verify()
            XCTAssertTrue(result.isIntact)
            XCTAssertEqual(result.records, 0)
        }
    }

    func testARowEditedInPlaceIsNamed() async throws {
        try await withAuditFixture { log in
            try await log.append(20)
            try await log.checkpointTail()
            try await log.sql(#"UPDATE audit_log SET summary = '{"n":0}' WHERE id = 7"#)
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .edited)
            XCTAssertEqual(fault?.recordID, 7)
            XCTAssertEqual(fault?.description, "第 7 条记录被修改 (record 7 was edited)")
        }
    }

    func testAnEditThatAlsoFixesTheStoredHashIsStillNamed() async throws {
        try await withAuditFixture { log in
            try await log.append(20)
            // The editor recomputes record 7's hash but cannot fix record 8, which chained to the old one.
            let record = try await log.db.read { try await AuditRepository($0, kind: log.db.kind).records(afterID: 6, limit: 1) }
            var edited = try XCTUnwrap(record.first)
            edited.ip = "192.168.1.1"
            try await log.sql("UPDATE audit_log SET ip = '192.168.1.1', hash = '\(AuditTrail.hash(of: edited))' WHERE id = 7")
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .removed, "the record 8 chained to is gone")
            XCTAssertEqual(fault?.recordID, 7)
        }
    }

    func testADeletedRowIsNamed() async throws {
        try await withAuditFixture { log in
            try await log.append(20)
            try await log.sql("DELETE FROM audit_log WHERE id = 7")
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .removed)
            XCTAssertEqual(fault?.recordID, 7)
            XCTAssertEqual(fault?.description, "第 7 条记录被删除 (record 7 was removed)")
            try await log.sql("DELETE FROM audit_log WHERE id = 1")
            let first = try await log.verify().fault
            XCTAssertEqual(first?.recordID, 1, "the first record is checked too")
        }
    }

    func testSwappedRowsAreNamed() async throws {
        try await withAuditFixture { log in
            try await log.append(20)
            try await log.sql("UPDATE audit_log SET id = -7 WHERE id = 7")
            try await log.sql("UPDATE audit_log SET id = 7 WHERE id = 8")
            try await log.sql("UPDATE audit_log SET id = 8 WHERE id = -7")
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .reordered)
            XCTAssertEqual(fault?.recordID, 7)
            XCTAssertTrue(fault?.description.hasPrefix("第 7 条记录的顺序被调换 (record 7 was reordered)") ?? false)
        }
    }

    func testRowsSwappedFarApartAreNamed() async throws {
        try await withAuditFixture { log in
            try await log.append(20)
            try await log.sql("UPDATE audit_log SET id = -5 WHERE id = 5")
            try await log.sql("UPDATE audit_log SET id = 5 WHERE id = 18")
            try await log.sql("UPDATE audit_log SET id = 18 WHERE id = -5")
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .reordered)
            XCTAssertEqual(fault?.recordID, 5)
        }
    }

    func testATruncatedTailIsNamedThroughTheCheckpoint() async throws {
        try await withAuditFixture { log in
            try await log.append(25)
            try await log.checkpointTail()
            try await log.sql("DELETE FROM audit_log WHERE id > 20")
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .truncated)
            XCTAssertEqual(fault?.recordID, 21)
            // New records appended after the cut fill the ids again, with other hashes.
            try await log.append(5)
            let refilled = try await log.verify().fault
            XCTAssertEqual(refilled?.kind, .truncated)
            XCTAssertEqual(refilled?.recordID, 25)
        }
    }

    func testAChainRewrittenFromSomeRecordOnDisagreesWithTheCheckpoint() async throws {
        try await withAuditFixture { log in
            try await log.append(15)
            try await log.checkpointTail()
            try await log.append(5)
            // Record 12 edited and every hash from there on recomputed: the chain itself is intact again.
            var records = try await log.db.read { try await AuditRepository($0, kind: log.db.kind).records(afterID: 11, limit: 100) }
            var previous = records[0].previousHash
            for index in records.indices {
                if index == 0 { records[index].summary = #"{"n":99}"# }
                records[index].previousHash = previous
                records[index].hash = AuditTrail.hash(of: records[index])
                previous = records[index].hash
                let r = records[index]
                try await log.sql("UPDATE audit_log SET summary = '\(r.summary)', previous_hash = '\(r.previousHash)', hash = '\(r.hash)' WHERE id = \(r.id)")
            }
            let withoutCheckpoints = try await AuditVerifier(database: log.db, checkpoints: AuditCheckpointFile(path: log.checkpointPath + ".none"),
                                                             publicKey: nil).verify()
            XCTAssertNil(withoutCheckpoints.fault, "the chain alone cannot tell")
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .truncated)
            XCTAssertEqual(fault?.recordID, 15, "the checkpoint of record 15 no longer matches")
            XCTAssertEqual(fault?.checkpointLine, 1)
        }
    }

    func testATamperedCheckpointFileIsNamed() async throws {
        try await withAuditFixture { log in
            try await log.append(10)
            try await log.checkpointTail()
            try await log.append(10)
            try await log.checkpointTail()
            let intact = try await log.verify()
            XCTAssertNil(intact.fault)
            let lines = try log.checkpointLines()
            XCTAssertEqual(lines.count, 2)

            // A forged line: the id changed, so the signature no longer matches.
            try log.writeCheckpointLines([lines[0], lines[1].replacingOccurrences(of: #""id":20"#, with: #""id":30"#)])
            var fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .badCheckpoint)
            XCTAssertEqual(fault?.recordID, 30)
            XCTAssertEqual(fault?.checkpointLine, 2)

            // A line that is not a checkpoint at all.
            try log.writeCheckpointLines([lines[0], "{\"id\":", lines[1]])
            fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .badCheckpoint)
            XCTAssertNil(fault?.recordID)
            XCTAssertEqual(fault?.checkpointLine, 2)
            XCTAssertEqual(fault?.description, "检查点文件第 2 行无法读取 (checkpoint line 2 is unreadable)")

            // A line signed with another key.
            try log.writeCheckpointLines(lines)
            let other = try AuditFixture(log.db)
            defer { other.remove() }
            let foreignSeal = try AuditSeal(keyBytes: try other.keyBytes(), checkpoints: log.seal.checkpoints)
            try await log.checkpointTail(with: foreignSeal)
            fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .badCheckpoint)
            XCTAssertEqual(fault?.recordID, 20)
            XCTAssertEqual(fault?.checkpointLine, 3)
        }
    }

    func testTheEarliestFaultIsReported() async throws {
        try await withAuditFixture { log in
            try await log.append(20)
            try await log.checkpointTail()
            try log.writeCheckpointLines(try log.checkpointLines().map { $0.replacingOccurrences(of: #""at":"#, with: #""at":1"#) })
            try await log.sql(#"UPDATE audit_log SET actor = 'li' WHERE id = 12"#)
            let fault = try await log.verify().fault
            XCTAssertEqual(fault?.kind, .edited, "record 12 comes before the forged checkpoint of record 20")
            XCTAssertEqual(fault?.recordID, 12)
        }
    }

    func testCheckpointsWithoutAPublicKeyAreRefused() async throws {
        try await withAuditFixture { log in
            try await log.append(3)
            try await log.checkpointTail()
            do {
                _ = try await AuditVerifier(database: log.db, checkpoints: log.seal.checkpoints, publicKey: nil).verify()
                XCTFail("verified signatures without a key")
            } catch is AuditPublicKeyMissing {}
        }
    }

    func testCheckpointsAreWrittenOnlyWhenTheLogGrew() async throws {
        try await withAuditFixture { log in
            let checkpointing = AuditCheckpointing(platform: try TestPlatform.make(database: log.db), seal: log.seal)
            let empty = try await checkpointing.checkpoint()
            XCTAssertNil(empty, "nothing to seal in an empty log")
            try await log.append(3)
            let first = try await checkpointing.checkpoint(unlessAtOrBelow: try checkpointing.newestCheckpointID())
            XCTAssertEqual(first?.id, 3)
            let again = try await checkpointing.checkpoint(unlessAtOrBelow: try checkpointing.newestCheckpointID())
            XCTAssertNil(again)
            try await log.append(1)
            let grown = try await checkpointing.checkpoint(unlessAtOrBelow: try checkpointing.newestCheckpointID())
            XCTAssertEqual(grown?.id, 4)
            XCTAssertEqual(try log.checkpointLines().count, 2)
            let attributes = try FileManager.default.attributesOfItem(atPath: log.directory.appendingPathComponent("audit.key").path)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        }
    }

    func testASigningKeyWhosePublicKeyFileWasSwappedIsRefused() async throws {
        try await withAuditFixture { log in
            let other = try AuditFixture(log.db)
            defer { other.remove() }
            try FileManager.default.removeItem(atPath: log.publicKeyPath)
            try FileManager.default.copyItem(atPath: other.publicKeyPath, toPath: log.publicKeyPath)
            XCTAssertThrowsError(try AuditSigningKey.loadOrCreate(at: log.directory.appendingPathComponent("audit.key").path))
        }
    }
}
