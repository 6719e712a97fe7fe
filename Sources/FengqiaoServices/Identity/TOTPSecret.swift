import FengqiaoDomain
import Foundation
import HummingbirdOTP

/// The secret an authenticator app shares with the server (RFC 6238, HMAC-SHA1, 6 digits, 30 s).
/// HummingbirdOTP keys the HMAC with the UTF-8 bytes of a `String`, so every byte is kept below 0x80
/// (ASCII, which round-trips exactly): 20 bytes carry 140 random bits, above RFC 4226's 128-bit
/// minimum. It is shown to people and stored (sealed) as base32.
public struct TOTPSecret: Sendable, Equatable {
    public let bytes: [UInt8]

    /// A new random secret.
    public static func random() -> TOTPSecret {
        var generator = SystemRandomNumberGenerator()
        return TOTPSecret(checked: (0..<20).map { _ in UInt8.random(in: 0...0x7F, using: &generator) })
    }

    private init(checked bytes: [UInt8]) { self.bytes = bytes }

    /// The secret written as `base32`; nil when that is not base32 or holds a byte above 0x7F.
    public init?(base32: String) {
        guard let bytes = Base32.decode(base32), !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        self.bytes = bytes
    }

    /// The secret as typed into an authenticator app.
    public var base32: String { Base32.encode(bytes) }

    /// The secret in groups of four, easier to type.
    public var base32Grouped: String {
        var groups: [String] = []
        var rest = Substring(base32)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    private var totp: TOTP { TOTP(secret: String(decoding: bytes, as: UTF8.self)) }

    /// The code of time step `step`.
    public func code(step: Int64) -> Int {
        totp.compute(date: Date(timeIntervalSince1970: Double(step) * TOTPCheck.stepSeconds))
    }

    /// The six digits an authenticator shows at `date`.
    public func code(at date: Date) -> String {
        TOTPCheck.format(code(step: TOTPCheck.step(at: date)))
    }

    /// `submitted` checked at `now` after `lastAcceptedStep`.
    public func check(_ submitted: String, now: Date, lastAcceptedStep: Int64?) -> TOTPCheck.Outcome {
        TOTPCheck.check(submitted, now: now, lastAcceptedStep: lastAcceptedStep, codeOfStep: code(step:))
    }

    /// The `otpauth://` link an authenticator app scans (as a QR code) to add the account.
    public func authenticatorURL(username: String, issuer: String = "枫桥") -> String {
        totp.createAuthenticatorURL(label: "\(issuer):\(username)", issuer: issuer)
    }
}
