/// A setting that cannot be used: which one, and why (in Chinese). Reported as one line, exit code 2.
struct SettingError: Error, CustomStringConvertible {
    /// The flag or environment variable, e.g. `FENGQIAO_DATABASE_URL` or `--port`.
    let setting: String
    let reason: String

    var description: String { "配置错误 \(setting): \(reason)" }
}
