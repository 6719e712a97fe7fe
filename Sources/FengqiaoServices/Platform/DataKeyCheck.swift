import FengqiaoStore

/// Binds the database to its data-encryption key: the first start records the key's fingerprint,
/// later starts with another key are refused (the encrypted identifiers would be unreadable).
public enum DataKeyCheck {
    static let settingName = "data_key_fingerprint"

    /// Throws `DataKeyMismatch` when the database was set up with another key.
    public static func verify(database: any Database, cipher: PersonalDataCipher) async throws {
        let fingerprint = cipher.keyFingerprint
        let stored = try await database.write { db in
            try await SettingsRepository(db).setIfAbsent(settingName, to: fingerprint)
        }
        guard stored == fingerprint else { throw DataKeyMismatch() }
    }
}

public struct DataKeyMismatch: Error, Sendable, CustomStringConvertible {
    public var description: String { "密钥与数据库不匹配(该数据库由另一个密钥文件初始化)" }
}
