import FengqiaoDomain
import Foundation

/// A warning as its page and the API show it.
public struct RiskWarningView: Sendable, Equatable, Codable {
    public struct Case: Sendable, Equatable, Codable {
        public var number: String
        public var state: String
        public var stateName: String
        public var categoryName: String
        public var areaName: String
        public var reportedAt: Int64
    }

    public struct Step: Sendable, Equatable, Codable {
        public var kind: String
        public var levelName: String
        public var actorName: String
        public var note: String
        public var at: Int64
    }

    public struct Owner: Sendable, Equatable, Codable {
        public var id: Int64
        public var name: String
        public var roleName: String
    }

    public var number: String
    public var rule: RiskRuleKind
    public var level: RiskLevel
    public var state: RiskWarningState
    public var areaCode: String
    public var areaName: String
    public var summary: String
    public var measures: [RiskMeasure]
    public var ownerId: Int64?
    public var ownerName: String?
    public var measuresTaken: String?
    public var caseCount: Int
    public var raisedAt: Int64
    public var updatedAt: Int64
    public var closedAt: Int64?
    public var cases: [Case]
    public var history: [Step]
    /// What the viewer may do now.
    public var mayAssign: Bool
    public var mayStartHandling: Bool
    public var mayClose: Bool
    /// Whom it may be assigned to (for those who may assign).
    public var owners: [Owner]
}
