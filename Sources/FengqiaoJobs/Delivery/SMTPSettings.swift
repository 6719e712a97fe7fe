import FengqiaoDomain
import Foundation

/// How to reach the mail relay (FENGQIAO_SMTP_*). Plain SMTP on the intranet relay; AUTH PLAIN when a
/// username is set. The password is never logged.
public struct SMTPSettings: Sendable {
    public var host: String
    public var port: Int
    /// The envelope sender and From address.
    public var from: String
    /// The From display name.
    public var fromName: String
    /// What EHLO announces.
    public var heloName: String
    public var username: String?
    public var password: String?
    public var timeout: TimeInterval

    public init(
        host: String, port: Int = 25, from: String, fromName: String = "枫桥平台", heloName: String = "fengqiao.localdomain",
        username: String? = nil, password: String? = nil, timeout: TimeInterval = 30
    ) throws(SettingProblem) {
        guard !host.isEmpty, host.utf8.count <= 253, host.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "/" }) else {
            throw SettingProblem(setting: "FENGQIAO_SMTP_HOST", reason: "邮件服务器地址无效")
        }
        guard (1...65535).contains(port) else { throw SettingProblem(setting: "FENGQIAO_SMTP_PORT", reason: "应为 1–65535") }
        guard EmailAddress(from) != nil else {
            throw SettingProblem(setting: "FENGQIAO_SMTP_FROM", reason: "应为发件地址,如 noreply@zz.example.gov.cn")
        }
        guard !heloName.isEmpty, heloName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
        else { throw SettingProblem(setting: "FENGQIAO_SMTP_HELO", reason: "应为本机域名") }
        guard !fromName.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw SettingProblem(setting: "FENGQIAO_SMTP_FROM_NAME", reason: "不能包含换行")
        }
        if (username == nil) != (password == nil) {
            throw SettingProblem(setting: username == nil ? "FENGQIAO_SMTP_USERNAME" : "FENGQIAO_SMTP_PASSWORD",
                                 reason: "用户名和密码应同时设置")
        }
        guard timeout > 0, timeout <= 300 else { throw SettingProblem(setting: "FENGQIAO_SMTP_TIMEOUT", reason: "应为 1–300 秒") }
        self.host = host
        self.port = port
        self.from = from
        self.fromName = fromName
        self.heloName = heloName
        self.username = username
        self.password = password
        self.timeout = timeout
    }
}
