import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import Synchronization
import XCTest

/// Public reports filed together by `Platform.intake` (one transaction, a few multi-row statements per
/// batch), on SQLite and PostgreSQL. A gate holds the first report's transaction open until all the
/// others queue behind it, so that they form one batch.
final class ReportIntakeBatchTests: XCTestCase {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x11, count: 500)
    let gridReport = ReportSubmission(
        category: "噪音扰民", description: "楼上夜间噪音扰民,多次沟通无果", gridCode: SampleAreas.grid, contactPhone: "13812345678")
    let unplacedReport = ReportSubmission(category: "电动车楼道充电", description: "三单元楼道里每天晚上都有电动车充电")

    struct Filed {
        var first: Result<ReportReceipt, any Error>
        var batch: [Result<ReportReceipt, any Error>]
    }

    /// Files `first` alone while holding its transaction, queues `batch` in order behind it, then lets
    /// everything run.
    func file(
        first: (ReportSubmission, [ReportPhoto]), batch: [(ReportSubmission, [ReportPhoto])], platform: Platform,
        gated: GatedDatabase
    ) async throws -> Filed {
        let intake = ReportIntake(platform: platform)
        let leader = Task { try await intake.submit(first.0, photos: first.1) }
        while gated.writes.withLock({ $0 }) == 0 { await Task.yield() }
        var tasks: [Task<ReportReceipt, any Error>] = []
        for (index, (submission, photos)) in batch.enumerated() {
            tasks.append(Task { try await intake.submit(submission, photos: photos) })
            while await platform.intake.waiting < index + 1 { await Task.yield() }
        }
        gated.open()
        var results: [Result<ReportReceipt, any Error>] = []
        for task in tasks { results.append(await task.result) }
        return Filed(first: await leader.result, batch: results)
    }

    func storedFiles(_ platform: Platform) -> [String] {
        let enumerator = FileManager.default.enumerator(at: platform.uploads.directory, includingPropertiesForKeys: nil)
        var names: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.count == 32 { names.append(url.lastPathComponent) }
        }
        return names
    }

    func testConcurrentReportsAreFiledTogetherWithConsecutiveNumbersClocksAndSummedCounters() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let gated = GatedDatabase(db)
            let platform = try TestPlatform.make(database: gated)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            // Every third report is unplaced (filed under the city centre, numbered in its county).
            let batch = (0..<30).map { i in (i % 3 == 0 ? self.unplacedReport : self.gridReport, [ReportPhoto]()) }
            let filed = try await self.file(first: (self.gridReport, []), batch: batch, platform: platform, gated: gated)
            XCTAssertEqual(gated.writes.withLock { $0 }, 2, "\(db.kind): the first alone, then all others in one transaction")
            let first = try filed.first.get()
            let receipts = try filed.batch.map { try $0.get() }
            XCTAssertEqual(first.number, "150207-2026-000001")
            var grid = 1, city = 0
            for (i, receipt) in receipts.enumerated() {
                XCTAssertFalse(receipt.replayed)
                if i % 3 == 0 {
                    city += 1
                    XCTAssertEqual(receipt.number, String(format: "150200-2026-%06d", city), "\(db.kind) \(i)")
                    XCTAssertEqual(receipt.areaCode, SampleAreas.city)
                } else {
                    grid += 1
                    XCTAssertEqual(receipt.number, String(format: "150207-2026-%06d", grid), "\(db.kind) \(i)")
                    XCTAssertEqual(receipt.gridCode, SampleAreas.grid)
                }
            }
            XCTAssertEqual(Set(receipts.map(\.trackingCode) + [first.trackingCode]).count, 31)

            let calendar = try await platform.businessCalendar()
            let policy = try await platform.casePolicy()
            let (counters, sequences) = try await db.write { sql in
                let cases = CaseRepository(sql)
                for receipt in receipts + [first] {
                    let found = try await cases.find(number: receipt.number)
                    let record = try XCTUnwrap(found, "\(db.kind) \(receipt.number)")
                    let id = try XCTUnwrap(record.id)
                    XCTAssertEqual(record.trackingCode, TrackingCode(receipt.trackingCode)?.rawValue)
                    let events = try await cases.events(caseId: id)
                    XCTAssertEqual(events.map(\.type), ["reported"])
                    let row = try await sql.select().columns("version", "due_at", "clock_status").from("cases")
                        .where("id", .equal, id).first()
                    let version = try row?.decode(column: "version", as: Int.self)
                    let dueAt = try row?.decode(column: "due_at", as: Int64?.self)
                    let status = try row?.decode(column: "clock_status", as: String.self)
                    let clocks = try await CaseClockRepository(sql).clocks(caseId: id)
                    XCTAssertEqual(version, 1, "\(db.kind): the version counts the events")
                    XCTAssertEqual(clocks.map(\.kind), ["acceptance"])
                    XCTAssertEqual(clocks.first?.startedAt, record.reportedAt)
                    XCTAssertEqual(clocks.first?.status, "running")
                    XCTAssertEqual(dueAt, clocks.first?.dueAt)
                    XCTAssertEqual(status, "running")
                    // The clock book, asked to bring the case's clocks up to date, finds nothing to change.
                    try await CaseClockBook.sync(
                        .init(caseId: id, number: record.number, location: record.gridCode ?? record.areaCode),
                        events: try CaseEventCodec.events(events), now: TestPlatform.referenceDate, calendar: calendar,
                        policy: policy, promote: false, in: sql)
                    let synced = try await CaseClockRepository(sql).clocks(caseId: id)
                    XCTAssertEqual(synced, clocks, "\(db.kind) \(record.number)")
                    let after = try await sql.select().columns("due_at", "clock_status").from("cases")
                        .where("id", .equal, id).first()
                    XCTAssertEqual(try after?.decode(column: "due_at", as: Int64?.self), dueAt)
                }
                let counters = try await sql.select().columns("area_code", "count").from("case_daily_counts").all()
                    .reduce(into: [String: Int]()) {
                        $0[try $1.decode(column: "area_code", as: String.self)] = try $1.decode(column: "count", as: Int.self)
                    }
                let sequences = try await sql.select().columns("county_code", "last_sequence").from("case_number_sequences")
                    .all().reduce(into: [String: Int]()) {
                        $0[try $1.decode(column: "county_code", as: String.self)] =
                            try $1.decode(column: "last_sequence", as: Int.self)
                    }
                return (counters, sequences)
            }
            XCTAssertEqual(counters, [SampleAreas.village: 21, SampleAreas.city: 10], "\(db.kind): one cell each, summed")
            XCTAssertEqual(sequences, ["150207": 21, "150200": 10], "\(db.kind)")
        }
    }

    func testTheSameIdempotencyKeyTwiceInOneBatchFilesOneCase() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let gated = GatedDatabase(db)
            let platform = try TestPlatform.make(database: gated)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            var stored = self.gridReport
            stored.idempotencyKey = "stored-before"
            var twice = self.gridReport
            twice.idempotencyKey = "twice-in-one-batch"
            let photo = [ReportPhoto(data: Self.jpeg, filename: "现场.jpg")]
            let filed = try await self.file(
                first: (stored, []), batch: [(twice, photo), (self.unplacedReport, []), (twice, photo), (stored, photo)],
                platform: platform, gated: gated)
            XCTAssertEqual(gated.writes.withLock { $0 }, 2, "\(db.kind)")
            let first = try filed.first.get()
            let receipts = try filed.batch.map { try $0.get() }
            XCTAssertEqual(receipts.map(\.replayed), [false, false, true, true], "\(db.kind)")
            var repeated = receipts[2]
            repeated.replayed = false
            XCTAssertEqual(repeated, receipts[0], "\(db.kind): the repeat answers the case its key filed")
            var replayed = receipts[3]
            replayed.replayed = false
            XCTAssertEqual(replayed, first, "\(db.kind): a key stored before answers its case")
            let (cases, keyed, attachments) = try await db.read { sql in
                (try await CaseRepository(sql).count(),
                 try await sql.countRows(in: "cases", where: ("idempotency_key", "twice-in-one-batch")),
                 try await sql.select().column("stored_name").from("case_attachments").all()
                    .map { try $0.decode(column: "stored_name", as: String.self) })
            }
            XCTAssertEqual(cases, 3, "\(db.kind)")
            XCTAssertEqual(keyed, 1, "\(db.kind)")
            XCTAssertEqual(attachments.count, 1, "\(db.kind): the photo of the report that was filed")
            XCTAssertEqual(self.storedFiles(platform), attachments, "\(db.kind): the repeats' photos are removed")
        }
    }

    /// A case row with the number the city's sequence gives next (written without advancing it) makes
    /// the batch's insert fail: the batch is rolled back and each report is filed alone. The others are
    /// filed; the one that collides gets its error and leaves nothing, not even its photo.
    func testABatchThatCannotBeInsertedIsFiledReportByReport() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let now = TestPlatform.referenceDate.millisecondsSince1970
            try await db.write { sql in
                try await CaseRepository(sql).insert(CaseRecord(
                    number: "150200-2026-000001", trackingCode: "TAKEN", kind: "dispute", category: "其他", channel: "web",
                    state: "reported", urgency: "normal", areaCode: SampleAreas.city, description: "number taken",
                    reportedDay: "2026-11-23", reportedAt: now, updatedAt: now), events: [])
            }
            let gated = GatedDatabase(db)
            let platform = try TestPlatform.make(database: gated)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let photo = [ReportPhoto(data: Self.jpeg, filename: "现场.jpg")]
            var keyed = self.gridReport
            keyed.idempotencyKey = "fallback-key"
            let batch = [(self.gridReport, photo), (keyed, []), (self.unplacedReport, photo), (self.gridReport, []),
                         (keyed, [])]
            let filed = try await self.file(first: (self.gridReport, []), batch: batch, platform: platform, gated: gated)
            XCTAssertEqual(gated.writes.withLock { $0 }, 1 + 1 + 5, "\(db.kind): the first, the failed batch, each alone")
            XCTAssertEqual(try filed.first.get().number, "150207-2026-000001")
            XCTAssertEqual(try filed.batch[0].get().number, "150207-2026-000002", "\(db.kind)")
            XCTAssertEqual(try filed.batch[1].get().number, "150207-2026-000003")
            XCTAssertEqual(try filed.batch[3].get().number, "150207-2026-000004")
            XCTAssertEqual(try filed.batch[4].get(), try filed.batch[1].get().replaying, "\(db.kind): the key's case")
            guard case .failure(let error) = filed.batch[2] else {
                return XCTFail("\(db.kind): a report whose number is taken is not filed")
            }
            XCTAssertFalse(error is DomainError, "\(db.kind): \(error)")
            let (cases, events, clocks, counted, sequences, attachments) = try await db.read { sql in
                (try await CaseRepository(sql).count(), try await sql.countRows(in: "case_events"),
                 try await sql.countRows(in: "case_clocks"), try await CaseRepository(sql).totalsByState(),
                 try await sql.select().column("county_code").from("case_number_sequences").all()
                    .map { try $0.decode(column: "county_code", as: String.self) },
                 try await sql.select().column("stored_name").from("case_attachments").all()
                    .map { try $0.decode(column: "stored_name", as: String.self) })
            }
            XCTAssertEqual([cases, events, clocks], [5, 4, 4], "\(db.kind): the taken number's row and four reports")
            XCTAssertEqual(counted, ["reported": 5], "\(db.kind)")
            XCTAssertEqual(sequences, ["150207"], "\(db.kind): the city's sequence was not advanced")
            XCTAssertEqual(attachments.count, 1)
            XCTAssertEqual(self.storedFiles(platform), attachments, "\(db.kind): the refused report's photo is removed")
        }
    }
}

extension ReportReceipt {
    /// The answer to a repeat of this report.
    var replaying: ReportReceipt {
        var receipt = self
        receipt.replayed = true
        return receipt
    }
}

/// Holds the first write transaction until `open()`; counts every write transaction.
final class GatedDatabase: Database {
    let base: any Database
    let writes = Mutex(0)
    private let gate: AsyncStream<Void>
    private let opener: AsyncStream<Void>.Continuation

    init(_ base: any Database) {
        self.base = base
        (gate, opener) = AsyncStream<Void>.makeStream()
    }

    func open() { opener.yield() }

    var kind: DatabaseKind { base.kind }
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T { try await base.read(body) }
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let count = writes.withLock { count in
            count += 1
            return count
        }
        if count == 1 { for await _ in gate { break } }
        return try await base.write(body)
    }
    func ping() async throws { try await base.ping() }
    func poolUsage() async -> PoolUsage { await base.poolUsage() }
    func close() async {}
}
