import ArgumentParser
import FengqiaoServices
import FengqiaoStore
import Foundation
import Logging

/// Where the audit log's seal lives, outside the database: the Ed25519 signing key (its public half
/// beside it in `<file>.pub`) and the append-only checkpoint file. Flag, else environment, else a
/// default next to the data key (the signing key) and named after the database (the checkpoints).
struct AuditOptions: ParsableArguments {
    @Option(help: "审计检查点签名私钥文件 (Ed25519),不存在时自动创建 (0600),公钥写在同名 .pub 文件 (FENGQIAO_AUDIT_KEY_FILE, 默认与数据密钥同目录的 fengqiao-audit.key)")
    var auditKeyFile: String?

    @Option(help: "审计签名检查点文件,只追加 (FENGQIAO_AUDIT_CHECKPOINT_FILE, 默认 <SQLite 数据库文件>.audit-checkpoints.jsonl;PostgreSQL 时为 <数据密钥文件>.audit-checkpoints.jsonl)")
    var auditCheckpointFile: String?

    func keyFileSetting(_ common: CommonOptions) -> (path: String, setting: String) {
        if let picked = CommonOptions.pick(auditKeyFile, flagName: "--audit-key-file", env: "FENGQIAO_AUDIT_KEY_FILE") {
            return (picked.value, picked.setting)
        }
        return (Self.beside(common.keyFileSetting().path, "fengqiao-audit.key"), "FENGQIAO_AUDIT_KEY_FILE")
    }

    func checkpointFileSetting(_ common: CommonOptions) throws -> (path: String, setting: String) {
        if let picked = CommonOptions.pick(auditCheckpointFile, flagName: "--audit-checkpoint-file",
                                           env: "FENGQIAO_AUDIT_CHECKPOINT_FILE") {
            return (picked.value, picked.setting)
        }
        // Named after what identifies the database, so two databases in one directory never share one:
        // the SQLite file, or on PostgreSQL the data key (a database accepts only the key it was made with).
        let base: String
        switch try common.databaseLocation() {
        case .sqlite(let path): base = path
        case .postgres: base = common.keyFileSetting().path
        }
        return (base + ".audit-checkpoints.jsonl", "FENGQIAO_AUDIT_CHECKPOINT_FILE")
    }

    /// The signing key (created with its public key on first use) and the checkpoint file.
    func seal(_ common: CommonOptions, logger: Logger) throws -> AuditSeal {
        let (keyPath, keySetting) = keyFileSetting(common)
        let (checkpointPath, checkpointSetting) = try checkpointFileSetting(common)
        let directory = (checkpointPath as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw SettingError(setting: checkpointSetting, reason: "目录 \(directory) 不存在")
        }
        do {
            let (key, created) = try AuditSigningKey.loadOrCreate(at: keyPath)
            if created {
                logger.notice("created audit signing key with mode 0600 and its public key beside it",
                              metadata: ["path": "\(keyPath)", "public": "\(AuditSigningKey.publicKeyPath(forKeyAt: keyPath))"])
            }
            return try AuditSeal(keyBytes: key, checkpoints: AuditCheckpointFile(path: checkpointPath))
        } catch {
            throw SettingError(setting: keySetting, reason: "\(keyPath): \(error)")
        }
    }

    /// `name` in the directory of `path`.
    static func beside(_ path: String, _ name: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }
}
