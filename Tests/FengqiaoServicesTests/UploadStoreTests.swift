import FengqiaoDomain
import FengqiaoServices
import Foundation
import XCTest

final class UploadStoreTests: XCTestCase {
    let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 100)

    func withStore(_ body: (UploadStore, URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fq-uploads-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(UploadStore(directory: dir), dir)
    }

    func testStoresUnderARandomPrivateNameAndReadsBack() throws {
        try withStore { store, dir in
            let first = try store.store(png, rule: .attachment())
            let second = try store.store(png, rule: .attachment())
            XCTAssertNotEqual(first.name, second.name, "the same file twice gets two names")
            XCTAssertEqual(first.type, "png")
            XCTAssertEqual(first.size, png.count)
            XCTAssertEqual(first.sha256.count, 64)
            XCTAssertEqual(try store.read(first.name), png)
            let path = dir.appendingPathComponent(String(first.name.prefix(2))).appendingPathComponent(first.name).path
            let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            XCTAssertEqual(mode & 0o777, 0o600)
        }
    }

    func testRefusedUploadsLeaveNothingBehind() throws {
        try withStore { store, dir in
            XCTAssertThrowsError(try store.store(Data("#!/bin/sh\nrm -rf /\n".utf8), rule: .attachment()))
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path), "nothing written for a refused file")
        }
    }

    func testNamesThatAreNotOursAreNotFound() throws {
        try withStore { store, _ in
            for name in ["../../etc/passwd", "ABCDEF0123456789ABCDEF0123456789", "", String(repeating: "a", count: 33),
                         "0123456789abcdef0123456789abcdef"] {
                XCTAssertThrowsError(try store.read(name)) { error in
                    XCTAssertEqual(error as? DomainError, .notFound(what: "附件"), name)
                }
            }
        }
    }
}
