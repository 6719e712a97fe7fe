import FengqiaoStore
import Foundation
import Logging

/// What every service needs: the database, the personal-data cipher, the clock and a logger.
/// Built once at start-up and passed down; there are no singletons.
public struct Platform: Sendable {
    public let database: any Database
    public let cipher: PersonalDataCipher
    public let clock: any WallClock
    public let logger: Logger

    public init(database: any Database, cipher: PersonalDataCipher, clock: any WallClock = SystemClock(), logger: Logger) {
        self.database = database
        self.cipher = cipher
        self.clock = clock
        self.logger = logger
    }
}
