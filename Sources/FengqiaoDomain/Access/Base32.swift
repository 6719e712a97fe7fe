import Foundation

/// RFC 4648 base32 (A–Z, 2–7), the alphabet authenticator apps expect for a TOTP secret typed by hand.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// `bytes` in base32, without `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                output.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of `text`, ignoring case, spaces, hyphens and `=` padding; nil when another
    /// character occurs or the length cannot be base32.
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var count = 0
        for scalar in text.uppercased().unicodeScalars where !" -=".unicodeScalars.contains(scalar) {
            let value: UInt32
            switch scalar.value {
            case 65...90: value = scalar.value - 65
            case 50...55: value = scalar.value - 50 + 26
            default: return nil
            }
            buffer = (buffer << 5) | value
            bits += 5
            count += 1
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        // Lengths 1, 3 and 6 (mod 8) leave a partial byte no encoder produces.
        guard ![1, 3, 6].contains(count % 8) else { return nil }
        return output
    }
}
