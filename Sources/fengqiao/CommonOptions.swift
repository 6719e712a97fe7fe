import ArgumentParser
import FengqiaoStore
import Foundation
import Logging

/// Options every command shares. Each may also come from the environment; a flag wins over the
/// environment, which wins over the default.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "数据库地址 sqlite://PATH 或 postgres://user:pass@host:port/db (FENGQIAO_DATABASE_URL)")
    var databaseURL: String?

    @Option(name: .long, help: "数据加密密钥文件,不存在时自动创建 (FENGQIAO_KEY_FILE, 默认 ./data/fengqiao.key)")
    var keyFile: String?

    @Option(name: .long, help: "上传文件(案件附件)的保存目录 (FENGQIAO_UPLOAD_DIR, 默认 ./data/uploads;多实例时须共用同一目录)")
    var uploadDir: String?

    @Option(name: .long, help: "日志级别 trace|debug|info|notice|warning|error|critical (FENGQIAO_LOG_LEVEL, 默认 info)")
    var logLevel: String?

    static let environment = ProcessInfo.processInfo.environment

    /// The flag's value, else the environment's, with the name to blame when it is wrong.
    static func pick(_ flag: String?, flagName: String, env: String) -> (value: String, setting: String)? {
        if let flag { return (flag, flagName) }
        if let value = environment[env] { return (value, env) }
        return nil
    }

    func databaseLocation() throws -> DatabaseLocation {
        let (text, setting) = Self.pick(databaseURL, flagName: "--database-url", env: "FENGQIAO_DATABASE_URL")
            ?? (DatabaseLocation.defaultURL, "FENGQIAO_DATABASE_URL")
        do {
            return try DatabaseLocation(url: text)
        } catch {
            throw SettingError(setting: setting, reason: error.reason)
        }
    }

    func keyFileSetting() -> (path: String, setting: String) {
        let picked = Self.pick(keyFile, flagName: "--key-file", env: "FENGQIAO_KEY_FILE")
        return (picked?.value ?? "./data/fengqiao.key", picked?.setting ?? "FENGQIAO_KEY_FILE")
    }

    /// The directory uploaded files are kept in (created, mode 0700, when the first file arrives).
    func uploadDirectory() -> String {
        Self.pick(uploadDir, flagName: "--upload-dir", env: "FENGQIAO_UPLOAD_DIR")?.value ?? "./data/uploads"
    }

    func logLevelValue() throws -> Logger.Level {
        guard let (text, setting) = Self.pick(logLevel, flagName: "--log-level", env: "FENGQIAO_LOG_LEVEL") else { return .info }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw SettingError(setting: setting, reason: "应为 trace、debug、info、notice、warning、error 或 critical 之一,而不是 \"\(text)\"")
        }
        return level
    }

    /// Sets up logging to standard error at the chosen level and returns the root logger.
    func bootstrapLogging() throws -> Logger {
        let level = try logLevelValue()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "fengqiao")
    }
}
