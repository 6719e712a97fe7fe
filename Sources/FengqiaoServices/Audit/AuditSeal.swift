@preconcurrency import Crypto
import Foundation

/// What signs checkpoints and where they go: the Ed25519 signing key and the checkpoint file.
public struct AuditSeal: Sendable {
    /// The private key's 32 raw bytes (kept as bytes: the key type is not `Sendable`).
    let keyBytes: Data
    public let checkpoints: AuditCheckpointFile

    public init(keyBytes: Data, checkpoints: AuditCheckpointFile) throws {
        _ = try Curve25519.Signing.PrivateKey(rawRepresentation: keyBytes)
        self.keyBytes = keyBytes
        self.checkpoints = checkpoints
    }

    func signingKey() throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: keyBytes)
    }

    /// The public half, for verifying the checkpoints this seal writes.
    public func publicKey() throws -> AuditPublicKey {
        try AuditPublicKey(rawRepresentation: try signingKey().publicKey.rawRepresentation)
    }

    /// Signs (id, hash) now and appends the checkpoint to the file.
    @discardableResult
    func checkpoint(id: Int64, hash: String, at: Int64) throws -> AuditCheckpoint {
        let checkpoint = try AuditCheckpoint.signed(id: id, hash: hash, at: at, key: try signingKey())
        try checkpoints.append(checkpoint)
        return checkpoint
    }
}
