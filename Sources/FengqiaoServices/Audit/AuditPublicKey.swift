@preconcurrency import Crypto
import Foundation

/// The public half of the audit signing key: all a verifier needs.
public struct AuditPublicKey: Sendable, Equatable {
    /// The 32 raw bytes (kept as bytes: the key type is not `Sendable`).
    public let rawRepresentation: Data

    public init(rawRepresentation: Data) throws {
        _ = try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
        self.rawRepresentation = rawRepresentation
    }

    var key: Curve25519.Signing.PublicKey {
        get throws { try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) }
    }
}
