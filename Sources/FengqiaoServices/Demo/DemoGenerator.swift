import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging
import SQLKit

/// The deterministic demo data set (`fengqiao demo --seed N --scale …`): 包头市 with its areas and grids,
/// departments, staff, residents, organisations, places and a year of cases with their histories and
/// counters. The same seed, scale and reference time give the same rows, except for AES-GCM
/// ciphertexts and bcrypt salts, which are random by nature. It is the shared fixture of tests,
/// screenshots and benchmarks.
public struct DemoGenerator: Sendable {
    public let seed: UInt64
    public let scale: DemoScale
    /// The reference time: cases span the twelve months before it.
    public let now: Date

    public init(seed: UInt64, scale: DemoScale, now: Date) {
        self.seed = seed
        self.scale = scale
        self.now = now
    }

    /// Loads into an empty, migrated database; throws if the database already has areas. The load is
    /// one transaction, so a failed or interrupted load leaves the database empty.
    public func load(
        into database: any Database, cipher: PersonalDataCipher, logger: Logger
    ) async throws -> DemoSummary {
        let clock = ContinuousClock()
        let started = clock.now
        @Sendable func elapsed() -> Logger.MetadataValue {
            "\(String(format: "%.2f", (clock.now - started) / .seconds(1)))s"
        }
        let (seed, scale) = (self.seed, self.scale)
        let nowMs = now.millisecondsSince1970
        logger.info("demo load started", metadata: ["seed": "\(seed)", "scale": "\(scale.rawValue)"])
        // Fail fast, before seconds of generation; the transaction below checks again.
        let existing = try await database.read { try await Self.areaCount($0) }
        guard existing == 0 else { throw Self.notEmpty(existing) }

        let atlas = atlas()
        let departments = try DemoDepartmentBuilder(atlas: atlas).build(seed: seed)
        var residents = try await DemoResidentBuilder(
            atlas: atlas, scale: scale, nowMs: nowMs, currentYear: ChinaTime.year(now)
        ).build(seed: seed, cipher: cipher)
        var organizations = try DemoOrganizationBuilder(atlas: atlas, scale: scale, nowMs: nowMs).build(seed: seed)
        let places = try DemoPlaceBuilder(atlas: atlas, scale: scale, nowMs: nowMs).build(seed: seed)
        let staff = try DemoStaffBuilder(atlas: atlas, departments: departments, nowMs: nowMs)
            .build(seed: seed, cipher: cipher)
        let baseStatements =
            departments.statements + residents.statements + organizations.statements + places.statements
        residents.statements = []
        organizations.statements = []
        logger.info(
            "demo base data generated",
            metadata: [
                "areas": "\(atlas.rows.count)", "departments": "\(departments.all.count)",
                "people": "\(residents.names.count)", "organizations": "\(organizations.names.count)",
                "places": "\(places.count)", "accounts": "\(staff.accounts.count)", "elapsed": elapsed(),
            ])

        // bcrypt is the slowest fixed cost; it runs while the database is busy with cases.
        let passwordHashes = Task { await DemoPasswords.hashes() }
        let context = DemoCaseContext(
            atlas: atlas, scale: scale, residents: residents, organizations: organizations, departments: departments,
            staff: staff, nowMs: nowMs, strangerPhones: try strangerPhones(cipher: cipher))
        let writer = DemoCaseWriter(logger: logger)
        let (areaRows, casesPerChunk, kind) = (atlas.rows, scale.casesPerChunk, database.kind)
        // One transaction: a load that fails or is interrupted leaves the database empty. On SQLite
        // it is as fast as committing every 100k cases (measured at `large`), and much faster than
        // committing every 20k, whose checkpoints rewrite the scattered index pages again and again.
        let (stream, counterRows) = try await database.write { db in
            let existing = try await Self.areaCount(db)
            guard existing == 0 else { throw Self.notEmpty(existing) }
            try await AreaRepository(db).insert(areaRows)
            let stream = try await writer.write(
                DemoCaseStream(context: context, seed: seed), after: baseStatements, casesPerChunk: casesPerChunk,
                on: db)
            logger.info(
                "demo cases written",
                metadata: ["cases": "\(stream.caseCount)", "events": "\(stream.eventCount)", "elapsed": elapsed()])
            let counters = try stream.counterStatements()
            try await db.run(demoStatements: counters.statements)
            try await db.run(demoStatements: try staff.statements(hashes: await passwordHashes.value))
            for (year, last) in stream.lastSequence.sorted(by: { $0.key < $1.key }) {
                try await CaseRepository(db).raiseSequences(last, year: year)
            }
            if kind == .postgres {
                // Explicit ids do not advance PostgreSQL identity columns; move them past the demo rows.
                for table in ["departments", "accounts", "people", "organizations", "places", "cases"] {
                    try await db.raw(
                        """
                        SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'),
                                      (SELECT MAX(id) FROM \(ident: table)))
                        """
                    ).run()
                }
            }
            return (stream, counters.rows)
        }
        let seconds = (clock.now - started) / .seconds(1)
        let summary = DemoSummary(
            areasByLevel: atlas.countsByLevel, departments: departments.all.count, people: residents.names.count,
            organizations: organizations.names.count, places: places.count, cases: stream.caseCount,
            events: stream.eventCount, accounts: staff.accounts.count, logins: staff.logins, seconds: seconds)
        logger.info(
            "demo load finished",
            metadata: [
                "cases": "\(summary.cases)", "events": "\(summary.events)", "counters": "\(counterRows)",
                "seconds": "\(String(format: "%.2f", seconds))", "casesPerSecond": "\(Int(summary.casesPerSecond))",
            ])
        return summary
    }

    private static func areaCount(_ db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("areas").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    private static func notEmpty(_ areas: Int) -> DomainError {
        .conflict(code: "demo_database_not_empty", message: "数据库中已有\(areas)个区域,演示数据只能装入空数据库")
    }

    /// The area rows a load writes — the tree with GeoJSON boundaries — without a database, e.g. for
    /// map previews and tests.
    public func areaRecords() -> [AreaRecord] { atlas().rows }

    private func atlas() -> DemoAtlas {
        let createdAt = now.millisecondsSince1970 - 400 * DemoCaseCalendar.dayMs
        return DemoAtlasBuilder(scale: scale, createdAt: createdAt).build(seed: seed)
    }

    /// Callers who are not registered residents: a pool of sealed mobiles that cases draw from.
    private func strangerPhones(cipher: PersonalDataCipher) throws -> [(cipher: String, masked: String)] {
        var random = DemoRandom(seed: seed, stream: "strangers")
        return try (0..<(scale == .tiny ? 50 : 2_000)).map { _ in
            let phone = DemoIdentifiers.mobile(&random)
            return (try cipher.seal(phone), PhoneNumber(phone)?.masked ?? "")
        }
    }
}
