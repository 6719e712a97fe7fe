import Foundation

/// A case of a warning as its page lists it.
public struct RiskWarningCaseRow: Sendable, Codable, Equatable {
    public var caseId: Int64
    public var number: String
    public var state: String
    public var category: String
    public var areaCode: String
    public var reportedAt: Int64
    public var addedAt: Int64
}
