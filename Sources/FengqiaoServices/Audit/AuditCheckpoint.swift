@preconcurrency import Crypto
import Foundation

/// A signed statement "record `id` of the audit log had hash `hash` at time `at`", one JSON line of
/// the checkpoint file. Kept outside the database, it lets the verifier notice a log that was cut
/// short or rewritten from some record on (which the hash chain alone cannot show).
public struct AuditCheckpoint: Sendable, Equatable, Codable {
    public var id: Int64
    public var hash: String
    /// When it was signed, milliseconds since 1970.
    public var at: Int64
    /// Ed25519 signature over `message`, base64.
    public var signature: String

    public init(id: Int64, hash: String, at: Int64, signature: String) {
        self.id = id
        self.hash = hash
        self.at = at
        self.signature = signature
    }

    /// Signs (id, hash, at) with `key`.
    public static func signed(id: Int64, hash: String, at: Int64, key: Curve25519.Signing.PrivateKey) throws
        -> AuditCheckpoint
    {
        let signature = try key.signature(for: message(id: id, hash: hash, at: at))
        return AuditCheckpoint(id: id, hash: hash, at: at, signature: signature.base64EncodedString())
    }

    /// The bytes that are signed: a fixed label and the three values, one per line.
    static func message(id: Int64, hash: String, at: Int64) -> Data {
        Data("fengqiao-audit-checkpoint/v1\n\(id)\n\(hash)\n\(at)".utf8)
    }

    /// Whether the signature is `key`'s over this checkpoint's values.
    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        guard let signature = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(signature, for: Self.message(id: id, hash: hash, at: at))
    }

    /// The checkpoint as one line of JSON (hex and base64 need no escaping).
    public var jsonLine: String {
        #"{"id":\#(id),"hash":"\#(hash)","at":\#(at),"signature":"\#(signature)"}"#
    }

    /// Parses one line; nil when it is not a checkpoint.
    public init?(jsonLine: Substring) {
        guard let value = try? JSONDecoder().decode(AuditCheckpoint.self, from: Data(jsonLine.utf8)) else { return nil }
        self = value
    }
}
