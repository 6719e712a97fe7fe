import FengqiaoServices
import FengqiaoTestSupport
import Foundation
import XCTest

final class SecurityTests: XCTestCase {
    func testCipherRoundTripsAndRandomisesNonces() throws {
        let cipher = try TestPlatform.cipher()
        let a = try cipher.seal("150207198001011234")
        let b = try cipher.seal("150207198001011234")
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(try cipher.open(a), "150207198001011234")
        XCTAssertEqual(cipher.blindIndex("x"), cipher.blindIndex("x"))
        XCTAssertNotEqual(cipher.blindIndex("x"), cipher.blindIndex("y"))
    }

    func testAnotherKeyCannotOpenAndTamperingIsDetected() throws {
        let sealed = try TestPlatform.cipher().seal("13812345678")
        let other = try PersonalDataCipher(keyMaterial: Data(repeating: 7, count: 32))
        XCTAssertThrowsError(try other.open(sealed))
        var bytes = try XCTUnwrap(Data(base64Encoded: sealed))
        bytes[bytes.count - 1] ^= 1
        XCTAssertThrowsError(try TestPlatform.cipher().open(bytes.base64EncodedString()))
        XCTAssertThrowsError(try TestPlatform.cipher().open("not base64!"))
        XCTAssertThrowsError(try PersonalDataCipher(keyMaterial: Data(count: 16)))
    }

    func testKeyFileIsCreatedOwnerOnlyAndReadBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fq-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("k").path
        let (key, created) = try KeyFile.loadOrCreate(at: path)
        XCTAssertTrue(created)
        XCTAssertEqual(key.count, 32)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let (again, createdAgain) = try KeyFile.loadOrCreate(at: path)
        XCTAssertEqual(again, key)
        XCTAssertFalse(createdAgain)
    }

    /// Instances starting together on one data directory (the scale-out setup) must end up with ONE key
    /// each kind: exactly one creates it, every other reads that very file, and none reads it half-written.
    func testKeysCreatedByManyAtOnceAreOneKey() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fengqiao-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataKey = directory.appendingPathComponent("fengqiao.key").path
        let auditKey = directory.appendingPathComponent("fengqiao-audit.key").path
        let results = try await withThrowingTaskGroup(of: (Data, Bool, Data, Bool).self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let (data, dataCreated) = try KeyFile.loadOrCreate(at: dataKey)
                    let (audit, auditCreated) = try AuditSigningKey.loadOrCreate(at: auditKey)
                    return (data, dataCreated, audit, auditCreated)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(Set(results.map(\.0)).count, 1, "one data key")
        XCTAssertEqual(results.filter(\.1).count, 1, "created once")
        XCTAssertEqual(Set(results.map(\.2)).count, 1, "one audit signing key")
        XCTAssertEqual(results.filter(\.3).count, 1, "created once")
        XCTAssertEqual(try KeyFile.load(at: dataKey), results.first?.0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    func testBadKeyFilesAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fq-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let garbage = dir.appendingPathComponent("garbage").path
        FileManager.default.createFile(atPath: garbage, contents: Data("hello world".utf8))
        XCTAssertThrowsError(try KeyFile.load(at: garbage)) { XCTAssertEqual($0 as? KeyFileError, .notBase64) }
        let short = dir.appendingPathComponent("short").path
        FileManager.default.createFile(atPath: short, contents: Data(Data(count: 16).base64EncodedString().utf8))
        XCTAssertThrowsError(try KeyFile.load(at: short)) { XCTAssertEqual($0 as? KeyFileError, .wrongLength(16)) }
        XCTAssertThrowsError(try KeyFile.loadOrCreate(at: dir.appendingPathComponent("no/such/dir/key").path)) {
            XCTAssertEqual($0 as? KeyFileError, .missingDirectory(dir.appendingPathComponent("no/such/dir").path))
        }
    }

    func testTheDatabaseRemembersItsKey() async throws {
        try await TestDatabases.each { db in
            try await DataKeyCheck.verify(database: db, cipher: try TestPlatform.cipher())
            try await DataKeyCheck.verify(database: db, cipher: try TestPlatform.cipher())
            let other = try PersonalDataCipher(keyMaterial: Data(repeating: 9, count: 32))
            do {
                try await DataKeyCheck.verify(database: db, cipher: other)
                XCTFail("\(db.kind): a second key was accepted")
            } catch is DataKeyMismatch {}
        }
    }
}

final class BlindIndexFormatTests: XCTestCase {
    /// The index is stored; its format must never change (HMAC-SHA256 as 64 lower-case hex digits).
    func testBlindIndexIsLowerCaseHexOfTheHMAC() throws {
        let index = try TestPlatform.cipher().blindIndex("150207198001011234")
        XCTAssertEqual(index.count, 64)
        XCTAssertTrue(index.allSatisfy { "0123456789abcdef".contains($0) })
        // Known answer: HKDF-SHA256(key, info "fengqiao blind index v1") then HMAC-SHA256, computed independently.
        XCTAssertEqual(index, "7f55ddc9f610a26be15949deb29c57983ca0cf7572cef2e101a0a457fe4a13a4")
    }
}
