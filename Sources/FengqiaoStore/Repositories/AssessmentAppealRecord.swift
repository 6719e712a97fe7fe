import Foundation

/// An `assessment_appeals` row: a unit contesting one indicator of a period (optionally one case in it).
public struct AssessmentAppealRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var unitKind: String
    public var unitCode: String
    public var unitName: String
    public var areaCode: String
    public var periodKey: String
    public var indicator: String
    public var caseId: Int64?
    public var caseNumber: String?
    public var reasons: String
    public var state: String
    /// `unit_kind|unit_code|period|indicator|case` while pending, nil after the decision (unique).
    public var pendingKey: String?
    public var filedBy: Int64
    public var filedByName: String
    public var filedAt: Int64
    public var decidedByName: String?
    public var decidedAt: Int64?
    public var decisionNote: String?

    public init(
        id: Int64? = nil, unitKind: String, unitCode: String, unitName: String, areaCode: String, periodKey: String,
        indicator: String, caseId: Int64? = nil, caseNumber: String? = nil, reasons: String, state: String,
        pendingKey: String?, filedBy: Int64, filedByName: String, filedAt: Int64, decidedByName: String? = nil,
        decidedAt: Int64? = nil, decisionNote: String? = nil
    ) {
        self.id = id
        self.unitKind = unitKind
        self.unitCode = unitCode
        self.unitName = unitName
        self.areaCode = areaCode
        self.periodKey = periodKey
        self.indicator = indicator
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.reasons = reasons
        self.state = state
        self.pendingKey = pendingKey
        self.filedBy = filedBy
        self.filedByName = filedByName
        self.filedAt = filedAt
        self.decidedByName = decidedByName
        self.decidedAt = decidedAt
        self.decisionNote = decisionNote
    }
}
