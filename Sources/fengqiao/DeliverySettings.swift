import FengqiaoJobs
import Foundation

/// The outside notification channels, from the environment only (they hold secrets, which must not
/// appear in a process list):
///
/// - SMS: `FENGQIAO_SMS_URL` (switches it on), `FENGQIAO_SMS_METHOD` (POST), `FENGQIAO_SMS_HEADERS` (a JSON
///   object of header names and values), `FENGQIAO_SMS_BODY` (template, default `{"phone":"{{phone}}","text":"{{text}}"}`),
///   `FENGQIAO_SMS_CONTENT_TYPE` (application/json), `FENGQIAO_SMS_SUCCESS` (text a 2xx answer must
///   contain), `FENGQIAO_SMS_TIMEOUT` (seconds, 10).
/// - E-mail: `FENGQIAO_SMTP_HOST` (switches it on), `FENGQIAO_SMTP_PORT` (25), `FENGQIAO_SMTP_FROM`,
///   `FENGQIAO_SMTP_FROM_NAME` (枫桥平台), `FENGQIAO_SMTP_HELO`, `FENGQIAO_SMTP_USERNAME` and
///   `FENGQIAO_SMTP_PASSWORD` (AUTH PLAIN), `FENGQIAO_SMTP_TIMEOUT` (seconds, 30).
/// - 12345 hotline status webhook: `FENGQIAO_HOTLINE_WEBHOOK_URL` (switches it on),
///   `FENGQIAO_HOTLINE_WEBHOOK_SECRET` (the HMAC-SHA256 key, at least 16 characters),
///   `FENGQIAO_HOTLINE_WEBHOOK_TIMEOUT` (seconds, 10).
enum DeliverySettings {
    static func channels(_ env: [String: String] = CommonOptions.environment) throws -> DeliveryChannels {
        func value(_ name: String) -> String? {
            guard let text = env[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        func seconds(_ name: String, default fallback: TimeInterval) throws -> TimeInterval {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text) else { throw SettingError(setting: name, reason: "应为秒数,而不是 \"\(text)\"") }
            return TimeInterval(number)
        }
        var channels = DeliveryChannels()
        do {
            if let url = value("FENGQIAO_SMS_URL") {
                channels.sms = try SMSGatewaySettings(
                    url: url, method: value("FENGQIAO_SMS_METHOD") ?? "POST", headers: try headers(value("FENGQIAO_SMS_HEADERS")),
                    body: env["FENGQIAO_SMS_BODY"].flatMap { $0.isEmpty ? nil : $0 } ?? SMSGatewaySettings.defaultBody,
                    contentType: value("FENGQIAO_SMS_CONTENT_TYPE") ?? "application/json; charset=utf-8",
                    successMarker: value("FENGQIAO_SMS_SUCCESS"), timeout: try seconds("FENGQIAO_SMS_TIMEOUT", default: 10))
            }
            if let host = value("FENGQIAO_SMTP_HOST") {
                var port = 25
                if let text = value("FENGQIAO_SMTP_PORT") {
                    guard let number = Int(text) else {
                        throw SettingError(setting: "FENGQIAO_SMTP_PORT", reason: "应为端口号,而不是 \"\(text)\"")
                    }
                    port = number
                }
                guard let from = value("FENGQIAO_SMTP_FROM") else {
                    throw SettingError(setting: "FENGQIAO_SMTP_FROM", reason: "设置了 FENGQIAO_SMTP_HOST 时必须设置发件地址")
                }
                channels.smtp = try SMTPSettings(
                    host: host, port: port, from: from, fromName: value("FENGQIAO_SMTP_FROM_NAME") ?? "枫桥平台",
                    heloName: value("FENGQIAO_SMTP_HELO") ?? Self.heloName(),
                    username: value("FENGQIAO_SMTP_USERNAME"), password: env["FENGQIAO_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
                    timeout: try seconds("FENGQIAO_SMTP_TIMEOUT", default: 30))
            }
            if let url = value("FENGQIAO_HOTLINE_WEBHOOK_URL") {
                channels.webhook = try WebhookSettings(
                    url: url, secret: env["FENGQIAO_HOTLINE_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 },
                    timeout: try seconds("FENGQIAO_HOTLINE_WEBHOOK_TIMEOUT", default: 10))
            }
        } catch let problem as SettingProblem {
            throw SettingError(setting: problem.setting, reason: problem.reason)
        }
        return channels
    }

    /// `{"Authorization":"Bearer …"}` as header pairs, sorted by name.
    static func headers(_ text: String?) throws -> [(name: String, value: String)] {
        guard let text else { return [] }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              object.values.allSatisfy({ $0 is String })
        else {
            throw SettingError(setting: "FENGQIAO_SMS_HEADERS", reason: "应为 JSON 对象,如 {\"Authorization\":\"Bearer …\"}")
        }
        return object.keys.sorted().map { ($0, object[$0] as? String ?? "") }
    }

    /// This machine's name when it is a plain host name, else a neutral one.
    static func heloName() -> String {
        let name = ProcessInfo.processInfo.hostName
        return !name.isEmpty && name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            ? name : "fengqiao.localdomain"
    }
}
