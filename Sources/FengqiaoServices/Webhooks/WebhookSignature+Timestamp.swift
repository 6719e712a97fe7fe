import Foundation

extension WebhookSignature {
    /// The header carrying the Unix time (seconds) a subscriber's request was signed at.
    public static let timestampHeader = "X-Fengqiao-Timestamp"

    /// The signature of a subscriber's request: `sha256=` and the hex HMAC-SHA256 of `timestamp.body`, so
    /// that a receiver can refuse old requests replayed to it.
    public static func sign(timestamp: String, body: Data, secret: String) -> String {
        sign(Data((timestamp + ".").utf8) + body, secret: secret)
    }

    /// Whether `signature` signs `timestamp.body` under `secret` (constant time).
    public static func verify(_ signature: String, timestamp: String, body: Data, secret: String) -> Bool {
        verify(signature, body: Data((timestamp + ".").utf8) + body, secret: secret)
    }
}
