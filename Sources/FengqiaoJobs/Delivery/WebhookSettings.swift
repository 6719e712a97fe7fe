import Foundation

/// Where the 12345 hotline platform takes status changes (FENGQIAO_HOTLINE_WEBHOOK_*): one signed JSON
/// POST per change. The secret is shared with the receiver out of band and never logged.
public struct WebhookSettings: Sendable {
    public var url: URL
    public var secret: String
    public var timeout: TimeInterval

    public init(url: String, secret: String?, timeout: TimeInterval = 10) throws(SettingProblem) {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
              !(parsed.host ?? "").isEmpty
        else { throw SettingProblem(setting: "FENGQIAO_HOTLINE_WEBHOOK_URL", reason: "应为 http:// 或 https:// 开头的接收地址") }
        guard let secret, secret.utf8.count >= 16 else {
            throw SettingProblem(setting: "FENGQIAO_HOTLINE_WEBHOOK_SECRET", reason: "设置了接收地址时必须设置签名密钥(至少16个字符)")
        }
        guard timeout > 0, timeout <= 120 else {
            throw SettingProblem(setting: "FENGQIAO_HOTLINE_WEBHOOK_TIMEOUT", reason: "应为 1–120 秒")
        }
        self.url = parsed
        self.secret = secret
        self.timeout = timeout
    }
}

/// The settings print without the secret or the URL (which may carry a key).
extension WebhookSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "WebhookSettings(url: redacted, secret: redacted, timeout: \(timeout))" }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["summary": description]) }
}
