import FengqiaoServices
import FengqiaoStore
import Foundation
import Logging
import PostgresNIO

/// Opens what every command needs — the key, the database, the schema — in an order that leaves
/// nothing behind when a setting is wrong: an existing key is checked first, the database is opened
/// next (its directory created only now), and a new key file is written only once the database answers.
struct PlatformStartup {
    let options: CommonOptions
    let logger: Logger

    func open(migrate: Bool) async throws -> Platform {
        let location = try options.databaseLocation()
        let (keyPath, keySetting) = options.keyFileSetting()
        let existingKey: Data?
        if FileManager.default.fileExists(atPath: keyPath) {
            do { existingKey = try KeyFile.load(at: keyPath) } catch {
                throw SettingError(setting: keySetting, reason: "\(keyPath): \(error)")
            }
        } else {
            existingKey = nil
        }

        var created = CreatedPaths()
        do {
            let database = try await openDatabase(location, created: &created)
            do {
                let key = try existingKey ?? createKey(at: keyPath, setting: keySetting, created: &created)
                let cipher = try PersonalDataCipher(keyMaterial: key)
                if migrate {
                    try await Migrator(database: database, logger: logger).migrate()
                    do {
                        try await DataKeyCheck.verify(database: database, cipher: cipher)
                    } catch let error as DataKeyMismatch {
                        throw SettingError(setting: keySetting, reason: "\(keyPath): \(error)")
                    }
                }
                return Platform(database: database, cipher: cipher, logger: logger,
                                uploads: UploadStore(directory: URL(fileURLWithPath: options.uploadDirectory())),
                                printer: ChromiumPDFPrinter(executable: CommonOptions.environment["FENGQIAO_CHROMIUM"]))
            } catch {
                await database.close()
                throw error
            }
        } catch {
            created.removeAll()
            throw error
        }
    }

    private func openDatabase(_ location: DatabaseLocation, created: inout CreatedPaths) async throws -> any Database {
        switch location {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            try created.makeDirectory(directory.isEmpty ? "." : directory, setting: "FENGQIAO_DATABASE_URL")
            let existed = FileManager.default.fileExists(atPath: path)
            if !existed { created.note(path, path + "-wal", path + "-shm") }
            do {
                return try await SQLiteStorage.open(path: path, logger: logger)
            } catch {
                throw SettingError(setting: "FENGQIAO_DATABASE_URL", reason: "无法打开 SQLite 数据库 \(path): \(error)")
            }
        case .postgres(let settings):
            do {
                return try await PostgresStorage.connect(settings, logger: logger)
            } catch {
                throw SettingError(
                    setting: "FENGQIAO_DATABASE_URL",
                    reason: "无法连接 PostgreSQL \(settings.host):\(settings.port)/\(settings.database): \(Self.shortReason(error))"
                )
            }
        }
    }

    private func createKey(at path: String, setting: String, created: inout CreatedPaths) throws -> Data {
        let directory = (path as NSString).deletingLastPathComponent
        try created.makeDirectory(directory.isEmpty ? "." : directory, setting: setting)
        do {
            let (key, _) = try KeyFile.loadOrCreate(at: path)
            created.note(path)
            logger.notice("created data-encryption key file with mode 0600; back it up — without it encrypted personal data cannot be read",
                          metadata: ["path": "\(path)"])
            return key
        } catch {
            throw SettingError(setting: setting, reason: "\(path): \(error)")
        }
    }

    /// One line for a connection failure, without PostgresNIO's multi-line dump.
    static func shortReason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return String(describing: underlying) }
            return "\(error.code)"
        }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "未知错误"
    }
}

/// Files and directories a start-up created, removed again if the start-up fails.
struct CreatedPaths {
    private var paths: [String] = []

    mutating func note(_ newPaths: String...) { paths.append(contentsOf: newPaths) }

    /// Creates `directory` (and missing parents), remembering each one it created.
    mutating func makeDirectory(_ directory: String, setting: String) throws {
        var missing: [String] = []
        var current = directory
        while !current.isEmpty, current != "/", current != ".", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for dir in missing.reversed() {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
                paths.append(dir)
            } catch {
                throw SettingError(setting: setting, reason: "无法创建目录 \(dir)")
            }
        }
    }

    func removeAll() {
        for path in paths.reversed() { try? FileManager.default.removeItem(atPath: path) }
    }
}
