import FengqiaoStore
import Foundation
import Logging

/// What every service needs: the database, the personal-data cipher, the clock, a logger and the
/// in-memory map. Built once at start-up and passed down; there are no singletons.
public struct Platform: Sendable {
    public let database: any Database
    public let cipher: PersonalDataCipher
    public let clock: any WallClock
    public let logger: Logger
    public let atlas: AreaAtlasCache

    public init(
        database: any Database, cipher: PersonalDataCipher, clock: any WallClock = SystemClock(), logger: Logger,
        atlas: AreaAtlasCache = AreaAtlasCache()
    ) {
        self.database = database
        self.cipher = cipher
        self.clock = clock
        self.logger = logger
        self.atlas = atlas
    }

    /// The current in-memory map.
    public func areaAtlas() async throws -> AreaAtlas { try await atlas.atlas(from: database) }
}
