import FengqiaoDomain
import Foundation

/// A case that may be the same matter as a report (查重), with its score out of 100 and the reasons.
public struct CaseDuplicate: Sendable, Codable, Equatable {
    public var number: String
    public var state: String
    public var stateName: String
    public var kind: String
    public var category: String
    public var gridCode: String?
    public var address: String?
    /// The start of the description (at most 100 characters).
    public var description: String
    public var reportedAt: Date
    public var score: Int
    public var reasons: [String]
}
