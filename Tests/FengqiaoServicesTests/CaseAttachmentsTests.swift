import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Case attachments on SQLite and PostgreSQL: typed by content, stored once, listed on the case,
/// downloaded only through their own case, refused on finished cases, audited.
final class CaseAttachmentsTests: XCTestCase {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x11, count: 500)
    static let pdf = Data("%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n".utf8)

    func caller(_ role: Role, _ area: String, department: Int64? = nil) throws -> Caller {
        Caller(staff: Staff(accountID: 9, username: "wang", displayName: "王网格", role: role,
                            jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(area))), departmentID: department),
               ip: "test")
    }

    func storedFiles(_ platform: Platform) -> [String] {
        let enumerator = FileManager.default.enumerator(at: platform.uploads.directory, includingPropertiesForKeys: nil)
        var names: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.count == 32 { names.append(url.lastPathComponent) }
        }
        return names
    }

    func testUploadListDownloadAndAudit() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db, clock: ManualClock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let engine = CaseEngine(platform: platform)
            let attachments = CaseAttachments(platform: platform)
            let grid = try caller(.gridWorker, SampleAreas.grid)
            let opened = try await engine.open(CaseOpening(channel: "gridWorker", kind: "safetyHazard",
                                                           description: "楼道电动车充电,存在火灾隐患",
                                                           gridCode: SampleAreas.grid), caller: grid)
            let n = opened.number
            XCTAssertEqual(opened.attachments, [])

            let photo = try await attachments.upload(Self.jpeg, filename: "C:\\fakepath\\现场照片.jpg", caseNumber: n, caller: grid)
            XCTAssertEqual(photo.name, "现场照片.jpg")
            XCTAssertEqual(photo.type, "jpeg")
            XCTAssertEqual(photo.mediaType, "image/jpeg")
            XCTAssertEqual(photo.size, Int64(Self.jpeg.count))
            XCTAssertEqual(photo.uploadedBy, "account:9:王网格")
            let letter = try await attachments.upload(Self.pdf, filename: "来信.exe", caseNumber: n, caller: grid)
            XCTAssertEqual(letter.name, "来信.exe.pdf", "the name ends as the content is")
            XCTAssertEqual(storedFiles(platform).count, 2)

            let listed = try await attachments.list(caseNumber: n, caller: try caller(.intakeOperator, SampleAreas.township))
            XCTAssertEqual(listed, [photo, letter])
            let view = try await engine.view(caseNumber: n, caller: grid)
            XCTAssertEqual(view.attachments, [photo, letter], "the case detail lists its attachments")

            let file = try await attachments.download(caseNumber: n, id: photo.id, caller: try caller(.leader, SampleAreas.county))
            XCTAssertEqual(file.data, Self.jpeg)
            XCTAssertEqual(file.type, .jpeg)
            XCTAssertEqual(file.name, "现场照片.jpg")

            let audit = try await db.read { db in
                try await db.select().column("action").column("object_id").column("summary").from("audit_log")
                    .where("action", .like, "case_attachment.%").orderBy("id").all()
                    .map { (try $0.decode(column: "action", as: String.self), try $0.decode(column: "object_id", as: String.self),
                            try $0.decode(column: "summary", as: String.self)) }
            }
            XCTAssertEqual(audit.map(\.0), ["case_attachment.upload", "case_attachment.upload", "case_attachment.download"])
            XCTAssertEqual(Set(audit.map(\.1)), [n])
            XCTAssertTrue(audit[0].2.contains("现场照片.jpg") && audit[0].2.contains(photo.sha256), audit[0].2)
        }
    }

    func testRefusalsStoreNothing() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db, clock: ManualClock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let engine = CaseEngine(platform: platform)
            let attachments = CaseAttachments(platform: platform)
            let desk = try caller(.dispatcher, SampleAreas.township)
            let opening = CaseOpening(channel: "walkIn", kind: "dispute", description: "邻居装修噪音扰民", gridCode: SampleAreas.grid)
            let n = try await engine.open(opening, caller: desk).number
            let other = try await engine.open(opening, caller: desk).number
            let otherFile = try await attachments.upload(Self.jpeg, filename: "a.jpg", caseNumber: other, caller: desk)

            func expect(_ code: String, field: String? = nil, line: UInt = #line, _ call: () async throws -> Void) async {
                do {
                    try await call()
                    XCTFail("expected \(code)", line: line)
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, code, "\(error)", line: line)
                    if let field, case .validation(let fields) = error {
                        XCTAssertEqual(fields.map(\.field), [field], line: line)
                    }
                } catch {
                    XCTFail("\(error)", line: line)
                }
            }
            // Disguised, empty and oversized files: a field error, nothing stored.
            let script = Data("#!/bin/sh\nrm -rf /\n".utf8)
            await expect("validation_failed", field: "file") {
                _ = try await attachments.upload(script, filename: "photo.jpg", caseNumber: n, caller: desk)
            }
            await expect("validation_failed", field: "file") {
                _ = try await attachments.upload(Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), filename: "x.png", caseNumber: n,
                                                 caller: desk)
            }
            await expect("validation_failed", field: "file") {
                _ = try await attachments.upload(Data(), filename: "x.png", caseNumber: n, caller: desk)
            }
            let huge = Data([0xFF, 0xD8, 0xFF]) + Data(count: CaseAttachments.maximumBytes)
            await expect("validation_failed", field: "file") {
                _ = try await attachments.upload(huge, filename: "big.jpg", caseNumber: n, caller: desk)
            }
            // Roles and scope.
            await expect("forbidden") {
                _ = try await attachments.upload(Self.jpeg, filename: "a.jpg", caseNumber: n,
                                                 caller: try self.caller(.leader, SampleAreas.county))
            }
            await expect("not_found") {
                _ = try await attachments.upload(Self.jpeg, filename: "a.jpg", caseNumber: n,
                                                 caller: try self.caller(.dispatcher, "150207002000"))
            }
            await expect("not_found") {
                _ = try await attachments.list(caseNumber: n, caller: try self.caller(.dispatcher, "150207002000"))
            }
            await expect("forbidden") {
                _ = try await attachments.list(caseNumber: n, caller: try self.caller(.auditor, SampleAreas.county))
            }
            // Another case's attachment, an unknown id, a case out of sight.
            await expect("not_found") { _ = try await attachments.download(caseNumber: n, id: otherFile.id, caller: desk) }
            await expect("not_found") { _ = try await attachments.download(caseNumber: n, id: 999, caller: desk) }
            await expect("not_found") {
                _ = try await attachments.download(caseNumber: other, id: otherFile.id,
                                                   caller: try self.caller(.dispatcher, "150207002000"))
            }
            XCTAssertEqual(storedFiles(platform).count, 1, "only the one accepted file is stored")

            // Finished cases take no more files: rejected, and archived.
            var body = CaseCommandBody()
            body.reason = "不属于受理范围"
            body.channel = "phone"
            _ = try await engine.perform(CaseCommandRequest(name: .reject, body: body), caseNumber: n, caller: desk)
            await expect("case_finished") {
                _ = try await attachments.upload(Self.jpeg, filename: "a.jpg", caseNumber: n, caller: desk)
            }
            try await db.write { db in
                try await db.update("cases").set("state", to: "archived").where("number", .equal, other).run()
            }
            await expect("case_archived") {
                _ = try await attachments.upload(Self.jpeg, filename: "a.jpg", caseNumber: other, caller: desk)
            }
            XCTAssertEqual(storedFiles(platform).count, 1)
            let rows = try await db.read { try await $0.countRows(in: "case_attachments") }
            XCTAssertEqual(rows, 1)
            let uploads = try await db.read { db in
                try await db.select().column("id").from("audit_log").where("action", .equal, "case_attachment.upload").all().count
            }
            XCTAssertEqual(uploads, 1, "refused uploads leave no audit record of an upload")

            // A file whose row cannot be written is removed again.
            let open = try await engine.open(opening, caller: desk).number
            try await db.write { db in try await db.raw("DROP TABLE case_attachments").run() }
            do {
                _ = try await attachments.upload(Self.jpeg, filename: "a.jpg", caseNumber: open, caller: desk)
                XCTFail("the insert fails without its table")
            } catch {}
            XCTAssertEqual(storedFiles(platform).count, 1, "the file of the failed insert is gone")
        }
    }
}
