import Foundation

/// A `risk_warnings` row.
public struct RiskWarningRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var number: String
    public var rule: String
    public var level: String
    public var subject: String
    public var areaCode: String
    public var summary: String
    /// JSON array of the measured values.
    public var measures: String
    public var state: String
    public var ownerId: Int64?
    public var ownerName: String?
    public var measuresTaken: String?
    public var caseCount: Int
    public var raisedAt: Int64
    public var updatedAt: Int64
    public var closedAt: Int64?

    public init(
        id: Int64? = nil, number: String, rule: String, level: String, subject: String, areaCode: String, summary: String,
        measures: String, state: String, ownerId: Int64? = nil, ownerName: String? = nil, measuresTaken: String? = nil,
        caseCount: Int, raisedAt: Int64, updatedAt: Int64, closedAt: Int64? = nil
    ) {
        self.id = id
        self.number = number
        self.rule = rule
        self.level = level
        self.subject = subject
        self.areaCode = areaCode
        self.summary = summary
        self.measures = measures
        self.state = state
        self.ownerId = ownerId
        self.ownerName = ownerName
        self.measuresTaken = measuresTaken
        self.caseCount = caseCount
        self.raisedAt = raisedAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
    }
}
