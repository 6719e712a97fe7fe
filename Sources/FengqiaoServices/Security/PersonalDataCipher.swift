@preconcurrency import Crypto
import Foundation

/// Encrypts personal identifiers (身份证号, phone numbers) at rest with AES-256-GCM, and derives a
/// keyed blind index (HMAC-SHA256) so an identifier can be looked up without decrypting every row.
/// The cipher suite sits behind this one type so that SM4 can replace AES where required.
public struct PersonalDataCipher: Sendable {
    private let encryptionKey: SymmetricKey
    private let indexKey: SymmetricKey

    /// `keyMaterial` is the 32-byte data key; separate sub-keys are derived for encryption and indexing.
    public init(keyMaterial: Data) throws(KeyFileError) {
        guard keyMaterial.count == 32 else { throw .wrongLength(keyMaterial.count) }
        let master = SymmetricKey(data: keyMaterial)
        self.encryptionKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master, info: Data("fengqiao personal data v1".utf8), outputByteCount: 32)
        self.indexKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master, info: Data("fengqiao blind index v1".utf8), outputByteCount: 32)
    }

    /// Base64 of nonce ‖ ciphertext ‖ tag.
    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: encryptionKey)
        guard let combined = box.combined else { throw CipherError.sealFailed }
        return combined.base64EncodedString()
    }

    /// Decrypts what `seal` produced; throws when the text was not sealed with this key.
    public func open(_ sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw CipherError.notSealedText }
        let box = try AES.GCM.SealedBox(combined: data)
        let plain = try AES.GCM.open(box, using: encryptionKey)
        guard let text = String(data: plain, encoding: .utf8) else { throw CipherError.notSealedText }
        return text
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A stable, keyed fingerprint of `value` for equality lookups (hex).
    public func blindIndex(_ value: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: indexKey)
        // Hex by table: `String(format:)` per byte dominated bulk loads (measured by the demo loader).
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in mac {
            hex.append(Self.hexDigits[Int(byte >> 4)])
            hex.append(Self.hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

public enum CipherError: Error, Sendable {
    case sealFailed
    case notSealedText
}

extension PersonalDataCipher {
    /// A fingerprint of the key, stored in the database on first start, so that starting with a
    /// different key file is refused instead of silently making encrypted data unreadable.
    public var keyFingerprint: String { blindIndex("fengqiao key fingerprint") }
}
