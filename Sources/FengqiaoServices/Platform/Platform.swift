import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging

/// What every service needs: the database, the personal-data cipher, the clock, a logger, the
/// in-memory map, the security policy, the case policy, the holiday calendar, recently seen sessions
/// and tokens, the upload store and the document printer. Built once at start-up and passed down; there are no singletons.
public struct Platform: Sendable {
    public let database: any Database
    public let cipher: PersonalDataCipher
    public let clock: any WallClock
    public let logger: Logger
    public let atlas: AreaAtlasCache
    public let securityPolicies: PolicyCache<SecurityPolicy>
    public let holidayCalendars: HolidayCalendarCache
    public let casePolicies: PolicyCache<CasePolicy>
    public let sessions: RecentlySeen<SeenSession>
    public let apiTokens: RecentlySeen<ApiTokenRecord>
    /// Where uploaded files (case attachments) are kept.
    public let uploads: UploadStore
    /// Public intake's writes: reports arriving together are filed together, in one transaction and a
    /// few multi-row statements (`ReportIntake.fileBatch`).
    public let intake: BatchWriter<CaseFiling, ReportReceipt>
    /// Prints documents (协议书, 告知书, 答复意见书) as PDF.
    public let printer: any PDFPrinter

    public init(
        database: any Database, cipher: PersonalDataCipher, clock: any WallClock = SystemClock(), logger: Logger,
        atlas: AreaAtlasCache = AreaAtlasCache(), securityPolicies: PolicyCache<SecurityPolicy> = PolicyCache(),
        holidayCalendars: HolidayCalendarCache = HolidayCalendarCache(), casePolicies: PolicyCache<CasePolicy> = PolicyCache(),
        sessions: RecentlySeen<SeenSession> = RecentlySeen(), apiTokens: RecentlySeen<ApiTokenRecord> = RecentlySeen(),
        uploads: UploadStore = UploadStore(directory: URL(fileURLWithPath: "data/uploads")),
        printer: any PDFPrinter = ChromiumPDFPrinter()
    ) {
        self.database = database
        self.cipher = cipher
        self.clock = clock
        self.logger = logger
        self.atlas = atlas
        self.securityPolicies = securityPolicies
        self.holidayCalendars = holidayCalendars
        self.casePolicies = casePolicies
        self.sessions = sessions
        self.apiTokens = apiTokens
        self.uploads = uploads
        self.printer = printer
        self.intake = BatchWriter(database: database) { try await ReportIntake.fileBatch($0, in: $1) }
    }

    /// The current in-memory map.
    public func areaAtlas() async throws -> AreaAtlas { try await atlas.atlas(from: database) }

    /// The security policy in force (as the security admin last saved it, else the defaults).
    public func securityPolicy() async throws -> SecurityPolicy {
        try await securityPolicies.policy(from: database, now: clock.now(), logger: logger)
    }

    /// The case policy in force (as the system admin last saved it, else the defaults).
    public func casePolicy() async throws -> CasePolicy {
        try await casePolicies.policy(from: database, now: clock.now(), logger: logger)
    }

    /// The business calendar in force: the official built-in years, replaced or extended by the
    /// schedules administrators saved.
    public func businessCalendar() async throws -> BusinessCalendar {
        try await holidayCalendars.calendar(from: database, now: clock.now(), logger: logger)
    }
}
