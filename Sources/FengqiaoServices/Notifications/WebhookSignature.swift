import Crypto
import Foundation

/// The signature of a webhook body: HMAC-SHA256 with the shared secret, sent as
/// `X-Fengqiao-Signature: sha256=<hex>`. The receiver computes the same over the raw body it got and
/// compares in constant time.
public enum WebhookSignature {
    public static let header = "X-Fengqiao-Signature"

    /// `sha256=` and the lowercase hex HMAC-SHA256 of `body` under `secret`.
    public static func sign(_ body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is the signature of `body` under `secret` (compared in constant time).
    public static func verify(_ signature: String, body: Data, secret: String) -> Bool {
        let expected = Array(sign(body, secret: secret).utf8), given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
