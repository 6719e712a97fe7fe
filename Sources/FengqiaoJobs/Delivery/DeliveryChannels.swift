import FengqiaoServices

/// The outside channels this installation is configured for; a channel left nil is skipped (its rows
/// end `skipped` with a message naming the setting). The in-app inbox needs no setting.
public struct DeliveryChannels: Sendable {
    public var sms: SMSGatewaySettings?
    public var smtp: SMTPSettings?
    /// The 12345 hotline platform's status webhook.
    public var webhook: WebhookSettings?

    public init(sms: SMSGatewaySettings? = nil, smtp: SMTPSettings? = nil, webhook: WebhookSettings? = nil) {
        self.sms = sms
        self.smtp = smtp
        self.webhook = webhook
    }

    /// The adapters for the dispatcher. Phone-call tasks have no adapter of their own: they go to the
    /// recipients' in-app inbox as tasks (请电话联系).
    public func adapters() -> [NotificationChannel: any NotificationAdapter] {
        var adapters: [NotificationChannel: any NotificationAdapter] = [:]
        if let sms { adapters[.sms] = SMSGatewayAdapter(settings: sms) }
        if let smtp { adapters[.email] = EmailAdapter(settings: smtp) }
        if let webhook { adapters[.webhook] = WebhookAdapter(settings: webhook) }
        return adapters
    }
}
