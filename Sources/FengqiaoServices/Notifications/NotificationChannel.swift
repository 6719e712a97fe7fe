/// How an outbox row is delivered (`notification_outbox.channel`).
public enum NotificationChannel: String, Sendable, CaseIterable, Codable {
    /// The in-app inbox.
    case app
    /// A text message through the SMS gateway.
    case sms
    /// A phone call: without a call adapter, a task "请电话联系" in the recipients' in-app inbox.
    case call
    /// E-mail over SMTP.
    case email
    /// A signed JSON POST to a machine (the 12345 hotline platform's status webhook), not to people.
    case webhook
    /// A signed JSON POST of a case event to a webhook subscriber (`/admin/webhooks`), recipient `subscription:ID`.
    case subscription

    public var chineseName: String {
        switch self {
        case .app: "站内消息"
        case .sms: "短信"
        case .call: "电话任务"
        case .email: "电子邮件"
        case .webhook: "Webhook回传"
        case .subscription: "Webhook订阅"
        }
    }

    /// What a person needs to be reached on this channel, for "nobody has one" errors.
    var addressName: String {
        switch self {
        case .app, .call: "账号"
        case .sms: "手机号"
        case .email: "电子邮箱"
        case .webhook, .subscription: "接收地址"
        }
    }

    /// The setting that switches the channel on, for "not configured" errors.
    var setting: String {
        switch self {
        case .app, .call: "内置"
        case .sms: "FENGQIAO_SMS_URL"
        case .email: "FENGQIAO_SMTP_HOST"
        case .webhook: "FENGQIAO_HOTLINE_WEBHOOK_URL"
        case .subscription: "/admin/webhooks"
        }
    }
}
