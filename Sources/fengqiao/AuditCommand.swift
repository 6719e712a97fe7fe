import ArgumentParser
import FengqiaoServices
import FengqiaoStore
import Foundation
import Logging

/// `fengqiao audit verify | checkpoint | purge`: checks the hash-chained audit log against its
/// signed checkpoints, seals it now, or deletes what is past the retention period.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "审计日志:校验、签名检查点、过期清理 (audit log: verify, checkpoint, purge)",
        subcommands: [Verify.self, Checkpoint.self, Purge.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "校验审计日志;完整时退出码 0,否则退出码 1 并指出第一条有问题的记录 (verify the audit log)")

        @OptionGroup var options: CommonOptions
        @OptionGroup var audit: AuditOptions

        @Option(help: "验证签名用的公钥文件 (FENGQIAO_AUDIT_PUBLIC_KEY_FILE, 默认签名私钥文件旁的 .pub);只需公钥,无需私钥")
        var auditPublicKey: String?

        func run() async throws {
            let logger = try options.bootstrapLogging()
            let started = ContinuousClock.now
            let (checkpointPath, _) = try audit.checkpointFileSetting(options)
            let publicKey = try loadPublicKey()
            let database = try await AuditCommand.openExistingDatabase(options, logger: logger)
            let result: AuditVerification
            do {
                result = try await AuditVerifier(
                    database: database, checkpoints: AuditCheckpointFile(path: checkpointPath),
                    publicKey: publicKey?.key
                ).verify()
            } catch let error as AuditPublicKeyMissing {
                await database.close()
                throw SettingError(setting: publicKey?.setting ?? "FENGQIAO_AUDIT_PUBLIC_KEY_FILE", reason: "\(error)")
            } catch {
                await database.close()
                throw error
            }
            await database.close()
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if let fault = result.fault {
                say("\(fault)")
                say("审计日志校验未通过 (audit log verification failed)")
                throw ExitCode(1)
            }
            let range = result.records == 0 ? "" : "第 \((result.lastID ?? 0) - Int64(result.records) + 1)–\(result.lastID ?? 0) 条, "
            say("审计日志完整 (audit log intact): \(result.records) 条记录 (\(result.records) records), \(range)"
                + "\(result.checkpoints) 个签名检查点 (checkpoints), "
                + "校验于 \(AuditLogEntry.time(Date().millisecondsSince1970)) 北京时间, 用时 \(String(format: "%.2f", seconds)) 秒")
            if result.checkpoints == 0 {
                say("注意:检查点文件 \(checkpointPath) 中没有签名检查点,无法发现末尾记录被删除 (no checkpoints: a truncated tail cannot be detected)")
            }
        }

        /// The public key, when its file exists (it may not before the first checkpoint).
        private func loadPublicKey() throws -> (key: AuditPublicKey, setting: String)? {
            let (path, setting): (String, String)
            if let picked = CommonOptions.pick(auditPublicKey, flagName: "--audit-public-key",
                                               env: "FENGQIAO_AUDIT_PUBLIC_KEY_FILE") {
                (path, setting) = picked
            } else {
                path = AuditSigningKey.publicKeyPath(forKeyAt: audit.keyFileSetting(options).path)
                setting = "FENGQIAO_AUDIT_PUBLIC_KEY_FILE"
                guard FileManager.default.fileExists(atPath: path) else { return nil }
            }
            do {
                return (try AuditSigningKey.loadPublicKey(at: path), setting)
            } catch {
                throw SettingError(setting: setting, reason: "\(path): \(error)")
            }
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint", abstract: "立即为最新一条审计记录写入签名检查点 (write a signed checkpoint now)")

        @OptionGroup var options: CommonOptions
        @OptionGroup var audit: AuditOptions

        func run() async throws {
            let logger = try options.bootstrapLogging()
            let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: false)
            do {
                let seal = try audit.seal(options, logger: logger)
                if let checkpoint = try await AuditCheckpointing(platform: platform, seal: seal).checkpoint() {
                    say("已写入签名检查点 (checkpoint written): 第 \(checkpoint.id) 条记录 → \(seal.checkpoints.path)")
                } else {
                    say("审计日志为空,未写入检查点 (the audit log is empty; no checkpoint written)")
                }
            } catch {
                await platform.database.close()
                throw error
            }
            await platform.database.close()
        }
    }

    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "删除超过保留期的审计记录;先校验并签名检查点,清理本身也记入审计日志 (purge expired records)")

        @OptionGroup var options: CommonOptions
        @OptionGroup var audit: AuditOptions

        @Option(help: "保留天数,不少于 180 (默认 FENGQIAO_AUDIT_RETENTION_DAYS 或 180)")
        var days: String?

        func run() async throws {
            let logger = try options.bootstrapLogging()
            let days = try AuditScheduleOptions.retentionDays(flag: self.days, flagName: "--days")
            let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: false)
            do {
                let seal = try audit.seal(options, logger: logger)
                let actor = "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")"
                if let purge = try await AuditRetention(platform: platform, seal: seal).purge(olderThanDays: days, actor: actor) {
                    say("已清理 (purged) \(purge.deleted) 条 \(days) 天前的审计记录,至第 \(purge.anchor.id) 条;清理记录为第 \(purge.recordID) 条")
                } else {
                    say("没有超过 \(days) 天的审计记录 (nothing older than \(days) days)")
                }
            } catch {
                await platform.database.close()
                throw error
            }
            await platform.database.close()
        }
    }

    /// Opens the database named by the settings without creating anything: `verify` must not make a
    /// database file or a data key where there was none (it needs neither the data key nor the signing key).
    static func openExistingDatabase(_ options: CommonOptions, logger: Logger) async throws -> any Database {
        switch try options.databaseLocation() {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw SettingError(setting: "FENGQIAO_DATABASE_URL", reason: "SQLite 数据库文件 \(path) 不存在")
            }
            do {
                return try await SQLiteStorage.open(path: path, logger: logger)
            } catch {
                throw SettingError(setting: "FENGQIAO_DATABASE_URL", reason: "无法打开 SQLite 数据库 \(path): \(error)")
            }
        case .postgres(let settings):
            do {
                return try await PostgresStorage.connect(settings, maxConnections: 2, logger: logger)
            } catch {
                throw SettingError(
                    setting: "FENGQIAO_DATABASE_URL",
                    reason: "无法连接 PostgreSQL \(settings.host):\(settings.port)/\(settings.database): \(PlatformStartup.shortReason(error))")
            }
        }
    }
}
