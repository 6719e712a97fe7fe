import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// A log of numbered records, a signing key and a checkpoint file in a temporary directory.
struct AuditFixture {
    let db: any Database
    let directory: URL
    let seal: AuditSeal

    init(_ db: any Database) throws {
        self.db = db
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fq-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (key, _) = try AuditSigningKey.loadOrCreate(at: directory.appendingPathComponent("audit.key").path)
        seal = try AuditSeal(
            keyBytes: key, checkpoints: AuditCheckpointFile(path: directory.appendingPathComponent("checkpoints.jsonl").path))
    }

    var checkpointPath: String { directory.appendingPathComponent("checkpoints.jsonl").path }
    var publicKeyPath: String { directory.appendingPathComponent("audit.key.pub").path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Appends `count` records, one minute apart from `start`.
    func append(_ count: Int, start: Date = TestPlatform.referenceDate, action: String = "person.update") async throws {
        let kind = db.kind
        for i in 0..<count {
            let at = start.addingTimeInterval(Double(i) * 60).millisecondsSince1970
            _ = try await db.write { db in
                try await AuditTrail.append(
                    AuditEntry(actorID: 1, actor: "zhang", role: "leader", ip: "10.0.0.\(i % 250)", action: action,
                               objectType: "person", objectID: String(i), summary: #"{"n":\#(i)}"#),
                    at: at, in: db, kind: kind)
            }
        }
    }

    /// Signs the newest record into the checkpoint file (with `seal`, or the fixture's own).
    @discardableResult
    func checkpointTail(with seal: AuditSeal? = nil) async throws -> AuditCheckpoint {
        let platform = try TestPlatform.make(database: db)
        let checkpoint = try await AuditCheckpointing(platform: platform, seal: seal ?? self.seal).checkpoint()
        return try XCTUnwrap(checkpoint)
    }

    func keyBytes() throws -> Data {
        try KeyFile.load(at: directory.appendingPathComponent("audit.key").path)
    }

    func verify(batchSize: Int = 4) async throws -> AuditVerification {
        try await AuditVerifier(database: db, checkpoints: seal.checkpoints,
                                publicKey: try AuditSigningKey.loadPublicKey(at: publicKeyPath), batchSize: batchSize).verify()
    }

    /// Runs SQL directly, as someone with database access would.
    func sql(_ text: String) async throws {
        _ = try await db.write { try await $0.raw(SQLQueryString(text)).run() }
    }

    func checkpointLines() throws -> [String] {
        try String(contentsOfFile: checkpointPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func writeCheckpointLines(_ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: checkpointPath, atomically: true, encoding: .utf8)
    }
}

/// Runs `body` with a fixture on every test database, removing its files after.
func withAuditFixture(_ body: (AuditFixture) async throws -> Void) async throws {
    try await TestDatabases.each { db in
        let fixture = try AuditFixture(db)
        defer { fixture.remove() }
        try await body(fixture)
    }
}
