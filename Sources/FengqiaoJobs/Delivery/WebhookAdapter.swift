import FengqiaoServices
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts the hotline's status messages (`webhook` rows addressed to `webhook:hotline12345`) to the
/// configured URL: the row's JSON payload as the body, signed with HMAC-SHA256 in
/// `X-Fengqiao-Signature: sha256=<hex>`, the row's key in `X-Fengqiao-Delivery` (the same on every
/// retry, for receivers that de-duplicate). A 2xx answer is delivered; anything else is an error the
/// dispatcher retries with backoff. Errors say the status, never the URL or the answer.
public struct WebhookAdapter: NotificationAdapter {
    public static let endpoint = "webhook:hotline12345"

    public let settings: WebhookSettings
    let http: HTTPDelivery

    public init(settings: WebhookSettings) {
        self.settings = settings
        http = HTTPDelivery(service: "回传接口", timeout: settings.timeout)
    }

    public var name: String { "12345热线回传接口" }

    public func deliver(_ message: OutboxMessage, to recipient: NotificationRecipient) async throws -> DeliveryOutcome {
        guard recipient.username == Self.endpoint else { return .noAddress }
        _ = try await http.send(try request(message))
        return .delivered
    }

    /// The signed request for one message.
    func request(_ message: OutboxMessage) -> URLRequest {
        let body = Data(message.body.utf8)
        var request = URLRequest(url: settings.url)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(WebhookSignature.sign(body, secret: settings.secret), forHTTPHeaderField: WebhookSignature.header)
        request.setValue(message.dedupeKey, forHTTPHeaderField: "X-Fengqiao-Delivery")
        request.httpBody = body
        return request
    }
}
