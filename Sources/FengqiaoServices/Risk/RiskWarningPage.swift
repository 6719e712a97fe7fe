import FengqiaoDomain
import Foundation

/// One page of the warning list, newest first, with the open warnings counted by level.
public struct RiskWarningPage: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        public var number: String
        public var rule: RiskRuleKind
        public var level: RiskLevel
        public var state: RiskWarningState
        public var areaName: String
        public var summary: String
        public var ownerName: String?
        public var caseCount: Int
        public var raisedAt: Int64
    }

    public var items: [Item]
    public var openByLevel: [RiskLevel: Int]
    /// The cursor of the next page, if there is one.
    public var next: String?
}
