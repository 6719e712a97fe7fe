import FengqiaoServices
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends text messages through an HTTP SMS gateway (`SMSGatewaySettings`): a 2xx answer (containing
/// the success marker, when one is set) is a message sent; anything else is an error that the
/// dispatcher retries. Errors say the status, never the URL, headers or answer (they may hold keys).
public struct SMSGatewayAdapter: NotificationAdapter {
    public let settings: SMSGatewaySettings
    let http: HTTPDelivery

    public init(settings: SMSGatewaySettings) {
        self.settings = settings
        http = HTTPDelivery(service: "短信网关", timeout: settings.timeout)
    }

    public var name: String { "短信网关" }

    public func deliver(_ message: OutboxMessage, to recipient: NotificationRecipient) async throws -> DeliveryOutcome {
        guard let phone = recipient.phone else { return .noAddress }
        let request = try self.request(message, phone: phone, recipient: recipient)
        let (data, status) = try await http.send(request)
        if let marker = settings.successMarker, !String(decoding: data, as: UTF8.self).contains(marker) {
            throw NotificationDeliveryError("短信网关返回 HTTP \(status),但应答中没有成功标志")
        }
        return .delivered
    }

    /// The request for one message to `phone`.
    func request(_ message: OutboxMessage, phone: String, recipient: NotificationRecipient) throws -> URLRequest {
        let values = [
            "phone": phone, "text": message.text, "title": message.title, "body": message.body,
            "name": recipient.displayName, "id": String(message.id), "key": "\(message.dedupeKey)#\(recipient.accountID)",
        ]
        guard let url = URL(string: settings.url.render(values, escaping: .percent)) else {
            throw NotificationDeliveryError("短信网关地址模板生成的地址无效")
        }
        var request = URLRequest(url: url)
        request.httpMethod = settings.method
        for header in settings.headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        if settings.method != "GET" {
            request.setValue(settings.contentType, forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(settings.body.render(values, escaping: settings.bodyEscaping).utf8)
        }
        return request
    }
}
