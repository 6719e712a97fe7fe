import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

final class ReportIntakeTests: XCTestCase {
    let submission = ReportSubmission(
        category: "电动车楼道充电", description: "三单元楼道里每天晚上都有电动车充电", contactName: "王女士", contactPhone: "13812345678"
    )

    func testAReportBecomesACaseWithNumberEventAndCounter() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let receipt = try await ReportIntake(platform: platform).submit(self.submission)
            XCTAssertEqual(receipt.number, "150200-2026-000001", "\(db.kind): unplaced reports go to the city centre")
            XCTAssertEqual(receipt.state, .reported)
            XCTAssertFalse(receipt.replayed)
            let second = try await ReportIntake(platform: platform).submit(self.submission)
            XCTAssertEqual(second.number, "150200-2026-000002")
            XCTAssertNotEqual(second.trackingCode, receipt.trackingCode)

            let (record, events, totals) = try await db.read { sql in
                let repo = CaseRepository(sql)
                let record = try await repo.find(number: receipt.number)
                return (record, try await repo.events(caseId: record?.id ?? -1), try await repo.totalsByState())
            }
            XCTAssertEqual(record?.kind, "safetyHazard")
            XCTAssertEqual(record?.reportedDay, "2026-11-23")
            XCTAssertEqual(events.map(\.type), ["reported"])
            let event = try XCTUnwrap(events.first.flatMap(CaseEventCodec.event))
            guard case .reported(let kind, let channel, _, _, _, let tracking) = event.payload else {
                return XCTFail("the first event is CaseEvent.reported")
            }
            XCTAssertEqual(kind, .safetyHazard)
            XCTAssertEqual(channel, .web)
            XCTAssertEqual(tracking, TrackingCode(receipt.trackingCode)?.rawValue)
            XCTAssertEqual(events.first?.actor, "channel:web")
            XCTAssertEqual(totals, ["reported": 2])
        }
    }

    func testThePhoneIsStoredEncryptedAndMasked() async throws {
        try await TestDatabases.withSQLite { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let receipt = try await ReportIntake(platform: platform).submit(self.submission)
            let record = try await db.read { try await CaseRepository($0).find(number: receipt.number) }
            let cipherText = try XCTUnwrap(record?.contactPhoneCipher)
            XCTAssertFalse(cipherText.contains("13812345678"))
            XCTAssertEqual(try platform.cipher.open(cipherText), "13812345678")
            XCTAssertEqual(record?.contactPhoneMasked, "138****5678")
        }
    }

    func testReportsArePlacedByGridCodeOrLocation() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let intake = ReportIntake(platform: try TestPlatform.make(database: db))
            var byGrid = self.submission
            byGrid.gridCode = SampleAreas.grid
            let r1 = try await intake.submit(byGrid)
            XCTAssertEqual(r1.gridCode, SampleAreas.grid)
            XCTAssertEqual(r1.areaCode, SampleAreas.village)
            XCTAssertEqual(r1.number, "150207-2026-000001", "\(db.kind): numbered in the grid's county")

            var byPoint = self.submission
            byPoint.latitude = SampleAreas.pointInGrid.latitude
            byPoint.longitude = SampleAreas.pointInGrid.longitude
            let r2 = try await intake.submit(byPoint)
            XCTAssertEqual(r2.gridCode, SampleAreas.grid)

            var inVillageOnly = self.submission
            inVillageOnly.latitude = 40.615
            inVillageOnly.longitude = 109.815
            let r3 = try await intake.submit(inVillageOnly)
            XCTAssertNil(r3.gridCode)
            XCTAssertEqual(r3.areaCode, SampleAreas.village)
        }
    }

    func testUnknownGridIsAFieldErrorAndNothingIsWritten() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            var bad = self.submission
            bad.gridCode = "150207001001999"
            do {
                _ = try await ReportIntake(platform: try TestPlatform.make(database: db)).submit(bad)
                XCTFail("expected a validation error")
            } catch let error as DomainError {
                XCTAssertEqual(error, .validation([FieldError(field: "gridCode", code: "unknown", message: "网格编码不存在")]))
            }
            let count = try await db.read { try await CaseRepository($0).count() }
            XCTAssertEqual(count, 0)
            let sequences = try await db.read { try await $0.select().column("*").from("case_number_sequences").all() }
            XCTAssertTrue(sequences.isEmpty, "\(db.kind): no number was used up")
        }
    }

    func testTheSameIdempotencyKeyGivesTheSameCase() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let intake = ReportIntake(platform: try TestPlatform.make(database: db))
            var keyed = self.submission
            keyed.idempotencyKey = "phone-42-report-7"
            let first = try await intake.submit(keyed)
            let again = try await intake.submit(keyed)
            XCTAssertEqual(again.number, first.number)
            XCTAssertEqual(again.trackingCode, first.trackingCode)
            XCTAssertTrue(again.replayed)
            let count = try await db.read { try await CaseRepository($0).count() }
            XCTAssertEqual(count, 1, "\(db.kind)")
        }
    }

    func testWithoutAnyAreasIntakeSaysSo() async throws {
        try await TestDatabases.withSQLite { db in
            do {
                _ = try await ReportIntake(platform: try TestPlatform.make(database: db)).submit(self.submission)
                XCTFail("expected not_configured")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "not_configured")
            }
        }
    }

    func testTrackingShowsProgressButNoPersonalData() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let receipt = try await ReportIntake(platform: platform).submit(self.submission)
            let status = try await CaseTracking(platform: platform).status(trackingCode: receipt.trackingCode.lowercased())
            XCTAssertEqual(status.number, receipt.number)
            XCTAssertEqual(status.stateName, "已上报")
            XCTAssertEqual(status.steps.map(\.state), [.reported])
            let json = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
            XCTAssertFalse(json.contains("王女士") || json.contains("5678"), "no contact data in public status")
            do {
                _ = try await CaseTracking(platform: platform).status(trackingCode: "ZZZZ-ZZZZ-ZZZZ")
                XCTFail()
            } catch let error as DomainError { XCTAssertEqual(error.code, "not_found") }
            do {
                _ = try await CaseTracking(platform: platform).status(trackingCode: "nope")
                XCTFail()
            } catch let error as DomainError { XCTAssertEqual(error.code, "validation_failed") }
        }
    }
}
