import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Public reports with photos and the five-colour bags, and their acceptance clock, on SQLite and PostgreSQL.
final class ReportIntakePhotosTests: XCTestCase {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x11, count: 500)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 2, count: 300)
    let submission = ReportSubmission(
        description: "希望给小区的老人装几把长椅", gridCode: SampleAreas.grid, contactPhone: "13812345678", bag: "green")

    func storedFiles(_ platform: Platform) -> [String] {
        let enumerator = FileManager.default.enumerator(at: platform.uploads.directory, includingPropertiesForKeys: nil)
        var names: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.count == 32 { names.append(url.lastPathComponent) }
        }
        return names
    }

    func testPhotosBecomeAttachmentsOfTheNewCaseAndTheAcceptanceClockStartsAtArrival() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let receipt = try await ReportIntake(platform: platform).submit(self.submission, photos: [
                ReportPhoto(data: Self.jpeg, filename: "长椅.jpg"), ReportPhoto(data: Self.png, filename: "C:\\fakepath\\现场.exe"),
            ])
            let (record, attachments, clocks, dueAt) = try await db.read { sql in
                let found = try await CaseRepository(sql).find(number: receipt.number)
                let record = try XCTUnwrap(found)
                let id = try XCTUnwrap(record.id)
                let due = try await sql.select().column("due_at").from("cases").where("id", .equal, id).first()?
                    .decode(column: "due_at", as: Int64?.self)
                return (record, try await CaseAttachmentRepository(sql).list(caseId: id),
                        try await CaseClockRepository(sql).clocks(caseId: id), due)
            }
            XCTAssertEqual(record.channel, "fiveColorBag", "\(db.kind)")
            XCTAssertEqual(record.category, "五色袋·心愿")
            XCTAssertEqual(record.kind, "livelihood")
            XCTAssertEqual(attachments.map(\.fileType), ["jpeg", "png"])
            XCTAssertEqual(attachments.map(\.originalName), ["长椅.jpg", "现场.exe.png"])
            XCTAssertEqual(attachments.first?.uploadedBy, "channel:fiveColorBag")
            XCTAssertEqual(Set(self.storedFiles(platform)), Set(attachments.map(\.storedName)))
            XCTAssertEqual(try platform.uploads.read(attachments[0].storedName), Self.jpeg)
            // The acceptance clock runs from the report's arrival, as for cases staff open.
            XCTAssertEqual(clocks.map(\.kind), ["acceptance"], "\(db.kind)")
            XCTAssertEqual(clocks.first?.startedAt, record.reportedAt)
            XCTAssertNil(clocks.first?.stoppedAt)
            XCTAssertEqual(dueAt, clocks.first?.dueAt)
            XCTAssertNotNil(dueAt)
        }
    }

    func testABadPhotoFilesNoCaseAndKeepsNoFile() async throws {
        try await TestDatabases.withSQLite { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let disguised = ReportPhoto(data: Data("%PDF-1.7\n".utf8), filename: "photo.jpg")
            var bad = self.submission
            bad.contactPhone = "12345"
            do {
                _ = try await ReportIntake(platform: platform).submit(bad, photos: [ReportPhoto(data: Self.jpeg), disguised])
                XCTFail("a disguised photo is refused")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.field), ["contactPhone", "photos"], "every problem at once")
                XCTAssertEqual(errors.last?.code, "unsupported_type")
            }
            let count = try await db.read { try await CaseRepository($0).count() }
            XCTAssertEqual(count, 0)
            XCTAssertEqual(self.storedFiles(platform), [])
        }
    }

    func testWhenTheCaseCannotBeFiledNoPhotoRemains() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            var unknownGrid = self.submission
            unknownGrid.gridCode = "150207001001999"  // well-formed, so the photos are stored; the filing fails
            do {
                _ = try await ReportIntake(platform: platform).submit(unknownGrid, photos: [ReportPhoto(data: Self.jpeg)])
                XCTFail("an unknown grid is refused")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.code), ["unknown"])
            }
            let (cases, rows, clocks) = try await db.read { sql in
                (try await CaseRepository(sql).count(), try await sql.countRows(in: "case_attachments"),
                 try await sql.countRows(in: "case_clocks"))
            }
            XCTAssertEqual([cases, rows, clocks], [0, 0, 0], "\(db.kind)")
            XCTAssertEqual(self.storedFiles(platform), [], "\(db.kind): the stored photo is removed again")
        }
    }

    func testARetriedSubmissionKeepsTheFirstPhotosOnly() async throws {
        try await TestDatabases.withSQLite { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            var keyed = self.submission
            keyed.idempotencyKey = "retry-1"
            let first = try await ReportIntake(platform: platform).submit(keyed, photos: [ReportPhoto(data: Self.jpeg)])
            let again = try await ReportIntake(platform: platform).submit(keyed, photos: [ReportPhoto(data: Self.jpeg)])
            XCTAssertTrue(again.replayed)
            XCTAssertEqual(again.number, first.number)
            XCTAssertEqual(self.storedFiles(platform).count, 1)
            let rows = try await db.read { try await $0.countRows(in: "case_attachments") }
            XCTAssertEqual(rows, 1)
        }
    }
}
