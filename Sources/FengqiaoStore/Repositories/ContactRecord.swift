import Foundation

/// How to reach an active account: its sealed phone number and e-mail address (either may be missing).
public struct ContactRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var areaCode: String
    public var phoneCipher: String?
    public var emailCipher: String?
}
