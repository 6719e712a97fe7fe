import Foundation

/// An `assessment_awards` row: one request for highlight points (亮点工作加分) and its decision.
public struct AssessmentAwardRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var unitKind: String
    public var unitCode: String
    public var unitName: String
    public var areaCode: String
    public var periodKey: String
    public var requestedPoints: Double
    public var approvedPoints: Double?
    public var title: String
    public var description: String
    public var evidence: String
    public var state: String
    public var requestedBy: Int64
    public var requestedByName: String
    public var requestedAt: Int64
    public var decidedByName: String?
    public var decidedAt: Int64?
    public var decisionNote: String?

    public init(
        id: Int64? = nil, unitKind: String, unitCode: String, unitName: String, areaCode: String, periodKey: String,
        requestedPoints: Double, approvedPoints: Double? = nil, title: String, description: String, evidence: String,
        state: String, requestedBy: Int64, requestedByName: String, requestedAt: Int64, decidedByName: String? = nil,
        decidedAt: Int64? = nil, decisionNote: String? = nil
    ) {
        self.id = id
        self.unitKind = unitKind
        self.unitCode = unitCode
        self.unitName = unitName
        self.areaCode = areaCode
        self.periodKey = periodKey
        self.requestedPoints = requestedPoints
        self.approvedPoints = approvedPoints
        self.title = title
        self.description = description
        self.evidence = evidence
        self.state = state
        self.requestedBy = requestedBy
        self.requestedByName = requestedByName
        self.requestedAt = requestedAt
        self.decidedByName = decidedByName
        self.decidedAt = decidedAt
        self.decisionNote = decisionNote
    }
}
