import FengqiaoServices
import FengqiaoStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts case events to webhook subscribers (outbox rows on channel `subscription`, recipient
/// `subscription:ID`): the row's JSON as the body; `X-Fengqiao-Timestamp` the Unix time and
/// `X-Fengqiao-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">` under the subscriber's secret;
/// `X-Fengqiao-Delivery` the row's key (the same on every retry). Every attempt is logged with the
/// receiver's status in `webhook_attempts`. A 2xx answer is delivered; anything else is an error the
/// dispatcher retries with backoff. A disabled or removed subscription has no address (the row fails).
public struct SubscriptionWebhookAdapter: NotificationAdapter {
    let platform: Platform
    let session: URLSession

    public init(platform: Platform, timeout: TimeInterval = 10) {
        self.platform = platform
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    public var name: String { "Webhook订阅" }

    public func deliver(_ message: OutboxMessage, to recipient: NotificationRecipient) async throws -> DeliveryOutcome {
        let prefix = "subscription:"
        guard recipient.username.hasPrefix(prefix), let id = Int64(recipient.username.dropFirst(prefix.count)) else {
            return .noAddress
        }
        let record = try await platform.database.read { try await WebhookRepository($0).find(id: id) }
        guard let record, record.disabledAt == nil, let url = URL(string: record.url) else { return .noAddress }
        let secret = try platform.cipher.open(record.secretCipher)
        let body = Data(message.body.utf8)
        let timestamp = String(Int64(platform.clock.now().timeIntervalSince1970))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("Fengqiao-Webhook/1", forHTTPHeaderField: "User-Agent")
        request.setValue(timestamp, forHTTPHeaderField: WebhookSignature.timestampHeader)
        request.setValue(WebhookSignature.sign(timestamp: timestamp, body: body, secret: secret),
                         forHTTPHeaderField: WebhookSignature.header)
        request.setValue(message.dedupeKey, forHTTPHeaderField: "X-Fengqiao-Delivery")
        request.httpBody = body

        let started = ContinuousClock.now
        var status: Int?
        var failure: String?
        do {
            let (_, response) = try await session.data(for: request)
            status = (response as? HTTPURLResponse)?.statusCode
            if status == nil { failure = "接收方的应答无效" }
        } catch let error as URLError {
            failure = "无法连接接收方(\(HTTPDelivery.reason(error)))"
        } catch {
            failure = "无法连接接收方"
        }
        if let status, !(200..<300).contains(status) { failure = "接收方返回 HTTP \(status)" }
        let elapsed = ContinuousClock.now - started
        let attempt = WebhookAttemptRecord(
            subscriptionId: id, outboxId: message.id, statusCode: status, error: failure,
            at: platform.clock.now().millisecondsSince1970,
            durationMs: elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        try await platform.database.write { try await WebhookRepository($0).insertAttempt(attempt) }
        if let failure { throw NotificationDeliveryError(failure) }
        return .delivered
    }
}
