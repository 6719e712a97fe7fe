import Foundation

/// A staff member's e-mail address for notifications: `local@domain`, ASCII, no spaces or control
/// characters (so it can never smuggle an SMTP command), at most 254 characters.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        let value = text.trimmingCharacters(in: .whitespaces)
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return nil }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let domainAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard parts[0].allSatisfy(localAllowed.contains), parts[1].allSatisfy(domainAllowed.contains) else { return nil }
        rawValue = value
    }

    /// `z***@example.cn`: the first character of the local part and the domain.
    public var masked: String {
        guard let at = rawValue.firstIndex(of: "@") else { return "***" }
        return String(rawValue.prefix(1)) + "***" + String(rawValue[at...])
    }

    public var description: String { masked }
}
