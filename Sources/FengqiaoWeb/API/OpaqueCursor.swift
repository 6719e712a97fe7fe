import FengqiaoDomain
import Foundation

/// The JSON API's paging cursors: the service's keyset position (`<sort key>.<id>`) wrapped as URL-safe
/// Base64 with a check value, so that clients treat it as opaque and a cut, altered or made-up cursor
/// answers 422 (`cursor` / `invalid_format`) instead of quietly starting somewhere else. The check value
/// catches corruption and casual editing; it is not a secret (a forged position still only reaches rows
/// inside the caller's jurisdiction, which every query applies anyway).
enum OpaqueCursor {
    static let version = "c1"

    /// The cursor a client gets for the service's `next`; nil stays nil (the last page).
    static func wrap(_ position: String?) -> String? {
        guard let position else { return nil }
        let payload = Data(position.utf8)
        return version + base64URL(payload + check(payload))
    }

    /// The service's position of a client's cursor; nil when none (or an empty one) was sent.
    static func unwrap(_ cursor: String?) throws(DomainError) -> String? {
        guard let cursor, !cursor.isEmpty else { return nil }
        guard cursor.hasPrefix(version), let bytes = data(base64URL: String(cursor.dropFirst(version.count))),
              bytes.count > 4
        else { throw invalid }
        let payload = bytes.prefix(bytes.count - 4)
        guard Data(bytes.suffix(4)) == check(Data(payload)), let position = String(data: payload, encoding: .utf8),
              !position.isEmpty
        else { throw invalid }
        return position
    }

    static let invalid = DomainError.validation([
        FieldError(field: "cursor", code: "invalid_format", message: "分页游标无效,请从第一页重新开始"),
    ])

    /// FNV-1a (32 bit) of the payload, big-endian.
    static func check(_ payload: Data) -> Data {
        var hash: UInt32 = 0x811C_9DC5
        for byte in payload {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Data([UInt8(hash >> 24), UInt8((hash >> 16) & 0xFF), UInt8((hash >> 8) & 0xFF), UInt8(hash & 0xFF)])
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
