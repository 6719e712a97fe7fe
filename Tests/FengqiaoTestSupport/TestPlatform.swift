import FengqiaoServices
import FengqiaoStore
import Foundation

/// A `Platform` for tests: a fixed data key, a fixed clock unless one is given, and uploads in a fresh
/// temporary directory (tests that upload remove it).
public enum TestPlatform {
    /// 2026-11-23 10:00 Beijing time.
    public static let referenceDate = Date(timeIntervalSince1970: 1_795_399_200)

    public static let keyMaterial = Data((0..<32).map { UInt8($0) })

    public static func cipher() throws -> PersonalDataCipher { try PersonalDataCipher(keyMaterial: keyMaterial) }

    public static func make(database: any Database, clock: any WallClock = FixedClock(referenceDate)) throws -> Platform {
        Platform(database: database, cipher: try cipher(), clock: clock, logger: TestDatabases.logger,
                 uploads: UploadStore(directory: FileManager.default.temporaryDirectory
                    .appendingPathComponent("fq-uploads-\(UUID().uuidString)")))
    }
}
