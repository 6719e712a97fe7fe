import Foundation

/// How to reach the SMS gateway (FENGQIAO_SMS_*): one HTTP request per text message. The URL and the
/// body are templates with the placeholders in `placeholders`; header values are sent as they are and
/// never logged.
public struct SMSGatewaySettings: Sendable {
    /// What templates may use: the mobile number, the whole text, its title and body, the person's
    /// name, the outbox row id, and a key unique per row and person (for gateways that de-duplicate).
    public static let placeholders: Set<String> = ["phone", "text", "title", "body", "name", "id", "key"]
    public static let defaultBody = #"{"phone":"{{phone}}","text":"{{text}}"}"#

    public var url: PlaceholderTemplate
    public var method: String
    public var headers: [(name: String, value: String)]
    public var body: PlaceholderTemplate
    public var contentType: String
    /// When set, a 2xx answer counts as sent only if its body contains this text (many gateways answer
    /// 200 with an error code inside).
    public var successMarker: String?
    public var timeout: TimeInterval

    public init(
        url: String, method: String = "POST", headers: [(name: String, value: String)] = [],
        body: String = SMSGatewaySettings.defaultBody, contentType: String = "application/json; charset=utf-8",
        successMarker: String? = nil, timeout: TimeInterval = 10
    ) throws(SettingProblem) {
        guard let parsed = URL(string: url.replacingOccurrences(of: "{{", with: "").replacingOccurrences(of: "}}", with: "")),
              ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), !(parsed.host ?? "").isEmpty
        else { throw SettingProblem(setting: "FENGQIAO_SMS_URL", reason: "应为 http:// 或 https:// 开头的短信网关地址") }
        do {
            self.url = try PlaceholderTemplate(url, allowed: Self.placeholders)
        } catch {
            throw SettingProblem(setting: "FENGQIAO_SMS_URL", reason: Self.describe(error))
        }
        do {
            self.body = try PlaceholderTemplate(body, allowed: Self.placeholders)
        } catch {
            throw SettingProblem(setting: "FENGQIAO_SMS_BODY", reason: Self.describe(error))
        }
        let method = method.uppercased()
        guard ["GET", "POST", "PUT"].contains(method) else {
            throw SettingProblem(setting: "FENGQIAO_SMS_METHOD", reason: "应为 GET、POST 或 PUT")
        }
        for header in headers where header.name.isEmpty || header.name.contains(where: { !$0.isASCII || $0 == ":" || $0.isWhitespace })
            || header.value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" })
        {
            throw SettingProblem(setting: "FENGQIAO_SMS_HEADERS", reason: "请求头“\(header.name.prefix(40))”无效")
        }
        guard timeout > 0, timeout <= 120 else {
            throw SettingProblem(setting: "FENGQIAO_SMS_TIMEOUT", reason: "应为 1–120 秒")
        }
        self.method = method
        self.headers = headers
        self.contentType = contentType
        self.successMarker = successMarker
        self.timeout = timeout
    }

    static func describe(_ error: PlaceholderTemplate.TemplateError) -> String {
        switch error {
        case .unclosed: "占位符缺少 }}"
        case .unknown(let name):
            "未知占位符 {{\(name.prefix(30))}},可用:\(placeholders.sorted().map { "{{\($0)}}" }.joined(separator: " "))"
        }
    }

    /// How values are escaped in the body, from its content type.
    var bodyEscaping: PlaceholderTemplate.Escaping {
        let type = contentType.lowercased()
        if type.contains("json") { return .json }
        if type.contains("x-www-form-urlencoded") { return .percent }
        return .none
    }
}

/// A delivery setting that cannot be used: which one and why (in Chinese).
public struct SettingProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var setting: String
    public var reason: String

    public init(setting: String, reason: String) {
        self.setting = setting
        self.reason = reason
    }

    public var description: String { "\(setting): \(reason)" }
}
