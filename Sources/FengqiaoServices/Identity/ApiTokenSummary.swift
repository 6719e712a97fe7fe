import FengqiaoDomain
import Foundation

/// An API token as lists show it: never the token, only its first characters.
public struct ApiTokenSummary: Sendable, Equatable, Encodable {
    public let id: Int64
    public let name: String
    /// The first 8 characters after `fq_`.
    public let prefix: String
    public let scopes: [ApiScope]
    public let areaCode: String
    /// The area's name, when it is still on the map.
    public let areaName: String?
    public let createdBy: String
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let revokedAt: Date?

    public var isRevoked: Bool { revokedAt != nil }
}
