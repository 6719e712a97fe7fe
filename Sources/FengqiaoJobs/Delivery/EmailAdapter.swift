import FengqiaoServices
import Foundation

/// Sends notifications as e-mail through the SMTP relay, one message per person with an address.
public struct EmailAdapter: NotificationAdapter {
    public let client: SMTPClient
    let clock: @Sendable () -> Date

    public init(settings: SMTPSettings, clock: @escaping @Sendable () -> Date = { Date() }) {
        client = SMTPClient(settings: settings)
        self.clock = clock
    }

    public var name: String { "邮件服务器" }

    public func deliver(_ message: OutboxMessage, to recipient: NotificationRecipient) async throws -> DeliveryOutcome {
        guard let email = recipient.email else { return .noAddress }
        let settings = client.settings
        let domain = settings.from.split(separator: "@").last.map(String.init) ?? "fengqiao"
        let mail = MailMessage(
            from: settings.from, fromName: settings.fromName, to: email, subject: message.title,
            body: "\(recipient.displayName):\r\n\r\n\(message.body.isEmpty ? message.title : message.body)\r\n\r\n"
                + "— 枫桥基层社会治理平台(系统邮件,请勿回复)\r\n",
            date: clock(), messageID: "outbox-\(message.id)-\(recipient.accountID)@\(domain)")
        do {
            try await client.send(mail)
        } catch let error as SMTPError {
            throw NotificationDeliveryError(error.description)
        } catch {
            throw NotificationDeliveryError("无法连接邮件服务器(\(String(describing: error).prefix(120)))")
        }
        return .delivered
    }
}
