import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging
import SQLKit

/// The deterministic demo data set (`fengqiao demo --seed N --scale …`): 包头市 with its areas and grids,
/// their 综治中心, departments with duty rosters, staff holding the grid posts, residents in households,
/// organisations, places, things and a year of cases with their histories, clocks and counters. The same seed,
/// scale and reference time give the same rows, except for AES-GCM ciphertexts and bcrypt salts, which
/// are random by nature. It is the shared fixture of tests, screenshots and benchmarks.
public struct DemoGenerator: Sendable {
    public let seed: UInt64
    public let scale: DemoScale
    /// How many cases to generate over the twelve months (the scale's own number unless asked otherwise),
    /// so that the same areas, people and staff can be loaded with fewer or more cases.
    public let cases: Int
    /// The reference time: cases span the twelve months before it.
    public let now: Date

    public init(seed: UInt64, scale: DemoScale, cases: Int? = nil, now: Date) {
        self.seed = seed
        self.scale = scale
        self.cases = cases ?? scale.cases
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
        // Each builder draws from its own random streams, so running them side by side with the
        // residents (whose counties run in parallel) fills the cores without changing any row.
        async let organizationsBuilt = DemoOrganizationBuilder(atlas: atlas, scale: scale, nowMs: nowMs)
            .build(seed: seed)
        async let placesBuilt = DemoPlaceBuilder(atlas: atlas, scale: scale, nowMs: nowMs).build(seed: seed)
        async let staffBuilt = DemoStaffBuilder(atlas: atlas, departments: departments, nowMs: nowMs)
            .build(seed: seed, cipher: cipher)
        async let centersBuilt = DemoCenterBuilder(atlas: atlas, createdAt: Self.areasCreatedAt(nowMs))
            .build(seed: seed)
        async let thingsBuilt = DemoThingBuilder(atlas: atlas, nowMs: nowMs).build(seed: seed)
        var residents = try await DemoResidentBuilder(
            atlas: atlas, scale: scale, nowMs: nowMs, currentYear: ChinaTime.year(now)
        ).build(seed: seed, cipher: cipher)
        var organizations = try await organizationsBuilt
        let places = try await placesBuilt
        let staff = try await staffBuilt
        let centers = try await centersBuilt
        let things = try await thingsBuilt
        let rosters = try DemoDutyRosterBuilder(teams: staff.rosterTeams, nowMs: nowMs).build()
        let postStatements = try staff.gridPostStatements(atlas: atlas)
        let baseStatements =
            departments.statements + residents.householdStatements + residents.statements + organizations.statements
            + places.statements + centers.statements + things.statements + postStatements + rosters.statements
        residents.statements = []
        residents.householdStatements = []
        organizations.statements = []
        logger.info(
            "demo base data generated",
            metadata: [
                "areas": "\(atlas.rows.count)", "departments": "\(departments.all.count)",
                "people": "\(residents.names.count)", "households": "\(residents.householdCount)",
                "organizations": "\(organizations.names.count)", "places": "\(places.count)",
                "things": "\(things.count)", "centers": "\(centers.count)", "accounts": "\(staff.accounts.count)",
                "gridPosts": "\(staff.posts.count)", "dutyRosterEntries": "\(rosters.count)", "elapsed": elapsed(),
            ])

        // bcrypt is the slowest fixed cost; it runs while the database is busy with cases.
        let passwordHashes = Task { await DemoPasswords.hashes() }
        let businessCalendar = try await HolidayCalendarCache().calendar(from: database, now: now, logger: logger)
        let context = DemoCaseContext(
            atlas: atlas, cases: cases, residents: residents, organizations: organizations, departments: departments,
            staff: staff, nowMs: nowMs, businessCalendar: businessCalendar, strangerPhones: try strangerPhones(cipher: cipher))
        let writer = DemoCaseWriter(logger: logger)
        let (areaRows, casesPerChunk, kind) = (atlas.rows, scale.casesPerChunk, database.kind)
        // One transaction: a load that fails or is interrupted leaves the database empty. On SQLite
        // it is as fast as committing every 100k cases (measured at `large`), and much faster than
        // committing every 20k, whose checkpoints rewrite the scattered index pages again and again.
        let (stream, counterRows, mediation) = try await database.write { db in
            let existing = try await Self.areaCount(db)
            guard existing == 0 else { throw Self.notEmpty(existing) }
            try await AreaRepository(db).insert(areaRows)
            // Bulk SQL: the cases' search index is rebuilt once afterwards instead of row by row.
            try await CaseSearchRepository.suspendIndexing(on: db, kind: kind)
            let stream = try await writer.write(
                DemoCaseStream(context: context, seed: seed), after: baseStatements, casesPerChunk: casesPerChunk,
                on: db)
            logger.info(
                "demo cases written",
                metadata: ["cases": "\(stream.caseCount)", "events": "\(stream.eventCount)", "elapsed": elapsed()])
            let counters = try stream.counterStatements()
            try await db.run(demoStatements: counters.statements)
            // The dashboard's rollups, from the case rows just written (month by month, grouped in pages).
            let rollups = try await CaseRollupRepository(db).rebuildAll()
            logger.info("demo rollups built", metadata: ["rows": "\(rollups)", "elapsed": elapsed()])
            try await db.run(demoStatements: try staff.statements(hashes: await passwordHashes.value))
            for (year, last) in stream.lastSequence.sorted(by: { $0.key < $1.key }) {
                try await CaseRepository(db).raiseSequences(last, year: year)
            }
            // The rows went in as bulk SQL, past the repositories: index their names and addresses now.
            try await BaseDataSearch.rebuild(on: db, kind: kind)
            try await CaseSearchRepository.resumeIndexing(on: db, kind: kind)
            if kind == .postgres {
                // Explicit ids do not advance PostgreSQL identity columns; move them past the demo rows.
                let tables = [
                    "departments", "accounts", "people", "households", "organizations", "places", "things", "cases",
                ]
                for table in tables {
                    try await db.raw(
                        """
                        SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'),
                                      (SELECT MAX(id) FROM \(ident: table)))
                        """
                    ).run()
                }
            }
            let mediation = try await DemoMediationWriter(
                atlas: atlas, seed: seed, now: now, cipher: cipher, calendar: businessCalendar, kind: kind
            ).write(on: db)
            logger.info(
                "demo mediation written",
                metadata: ["organizations": "\(mediation.organizations)", "mediators": "\(mediation.mediators)",
                           "mediations": "\(mediation.mediations)", "sessions": "\(mediation.sessions)",
                           "concluded": "\(mediation.concluded)"])
            let surveyed = try await DemoSurveyWriter(atlas: atlas, seed: seed, now: now, cipher: cipher).write(on: db)
            logger.info("demo survey written", metadata: ["numbers": "\(surveyed)", "elapsed": elapsed()])
            let fieldWork = try await DemoFieldWorkWriter(
                atlas: atlas, seed: seed, now: now, calendar: businessCalendar, kind: kind
            ).write(on: db)
            logger.info(
                "demo field work written",
                metadata: ["patrols": "\(fieldWork.patrols)", "points": "\(fieldWork.points)",
                           "visits": "\(fieldWork.visits)", "elapsed": elapsed()])
            return (stream, counters.rows, mediation)
        }
        let seconds = (clock.now - started) / .seconds(1)
        let summary = DemoSummary(
            areasByLevel: atlas.countsByLevel, departments: departments.all.count, people: residents.names.count,
            organizations: organizations.names.count, places: places.count, cases: stream.caseCount,
            events: stream.eventCount + mediation.events, accounts: staff.accounts.count, logins: staff.logins, seconds: seconds,
            centers: centers.count, households: residents.householdCount, things: things.count,
            gridPosts: staff.posts.count, gridsWithoutLeader: staff.gridsWithoutLeader,
            gridsWithoutPolice: staff.gridsWithoutPolice, dutyRosterEntries: rosters.count)
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
        DemoAtlasBuilder(scale: scale, createdAt: Self.areasCreatedAt(now.millisecondsSince1970)).build(seed: seed)
    }

    /// When the demo's areas and centres were set up: 400 days before the reference time.
    private static func areasCreatedAt(_ nowMs: Int64) -> Int64 { nowMs - 400 * DemoCaseCalendar.dayMs }

    /// Callers who are not registered residents: a pool of sealed mobiles that cases draw from.
    private func strangerPhones(cipher: PersonalDataCipher) throws -> [(cipher: String, masked: String)] {
        var random = DemoRandom(seed: seed, stream: "strangers")
        return try (0..<(scale == .tiny ? 50 : 2_000)).map { _ in
            let phone = DemoIdentifiers.mobile(&random)
            return (try cipher.seal(phone), PhoneNumber(phone)?.masked ?? "")
        }
    }
}
