import ArgumentParser
import FengqiaoServices

/// How often `serve` seals the audit log and how long it keeps it.
struct AuditScheduleOptions: ParsableArguments {
    @Option(help: "审计日志保留天数,不少于 180 (FENGQIAO_AUDIT_RETENTION_DAYS, 默认 180)")
    var auditRetentionDays: String?

    @Option(help: "写签名检查点的间隔秒数,仅在日志增长时写入 (FENGQIAO_AUDIT_CHECKPOINT_SECONDS, 默认 300)")
    var auditCheckpointSeconds: String?

    func retentionDays() throws -> Int {
        try Self.retentionDays(flag: auditRetentionDays, flagName: "--audit-retention-days")
    }

    /// The flag's days, else `FENGQIAO_AUDIT_RETENTION_DAYS`, else 180; fewer than 180 is refused.
    static func retentionDays(flag: String?, flagName: String) throws -> Int {
        guard let (text, setting) = CommonOptions.pick(flag, flagName: flagName, env: "FENGQIAO_AUDIT_RETENTION_DAYS")
        else { return AuditRetention.defaultDays }
        guard let days = Int(text), days >= AuditRetention.minimumDays, days <= 36_500 else {
            throw SettingError(setting: setting, reason: "应为不少于 \(AuditRetention.minimumDays) 的天数(等保要求审计日志保留不少于 6 个月),而不是 \"\(text)\"")
        }
        return days
    }

    func checkpointInterval() throws -> Duration {
        guard let (text, setting) = CommonOptions.pick(auditCheckpointSeconds, flagName: "--audit-checkpoint-seconds",
                                                      env: "FENGQIAO_AUDIT_CHECKPOINT_SECONDS")
        else { return .seconds(300) }
        guard let seconds = Int(text), (1...86_400).contains(seconds) else {
            throw SettingError(setting: setting, reason: "应为 1–86400 之间的秒数,而不是 \"\(text)\"")
        }
        return .seconds(seconds)
    }
}
