@preconcurrency import Crypto
import Foundation

/// The Ed25519 key that signs audit checkpoints, kept in a file outside the database: the private
/// key (32 bytes, base64 on one line, mode 0600) and beside it, at `<path>.pub`, the public key
/// (mode 0644), so whoever verifies the log needs only the public half.
public enum AuditSigningKey {
    public static func publicKeyPath(forKeyAt path: String) -> String { path + ".pub" }

    /// Reads the private key, or creates it (and its public key) when the file does not exist; writes
    /// the public key file when it is missing. Returns the key's raw bytes and whether it was created now.
    public static func loadOrCreate(at path: String) throws -> (key: Data, created: Bool) {
        let fm = FileManager.default
        let publicPath = publicKeyPath(forKeyAt: path)
        if fm.fileExists(atPath: path) {
            let raw = try KeyFile.load(at: path)
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            if fm.fileExists(atPath: publicPath) {
                guard try KeyFile.load(at: publicPath) == key.publicKey.rawRepresentation else {
                    throw AuditSigningKeyMismatch(publicKeyPath: publicPath)
                }
            } else {
                try writePublicKey(key.publicKey, at: publicPath)
            }
            return (raw, false)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !fm.fileExists(atPath: directory) { throw KeyFileError.missingDirectory(directory) }
        let key = Curve25519.Signing.PrivateKey()
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        // Two instances starting at once: the first key file wins and both sign with it.
        guard try KeyFile.createExclusively(at: path, contents: Data(text.utf8), mode: 0o600) else {
            return try loadOrCreate(at: path)
        }
        try writePublicKey(key.publicKey, at: publicPath)
        return (key.rawRepresentation, true)
    }

    /// Reads a public key file (32 bytes, base64).
    public static func loadPublicKey(at path: String) throws -> AuditPublicKey {
        try AuditPublicKey(rawRepresentation: try KeyFile.load(at: path))
    }

    private static func writePublicKey(_ key: Curve25519.Signing.PublicKey, at path: String) throws {
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        // Complete or not at all; when another instance wrote it first, it holds this same key.
        _ = try KeyFile.createExclusively(at: path, contents: Data(text.utf8), mode: 0o644)
    }
}

/// The public key file beside the signing key belongs to another key.
public struct AuditSigningKeyMismatch: Error, Sendable, CustomStringConvertible {
    public let publicKeyPath: String
    public var description: String { "公钥文件 \(publicKeyPath) 与签名私钥不匹配" }
}
