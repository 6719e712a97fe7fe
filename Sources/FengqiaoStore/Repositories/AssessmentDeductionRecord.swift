import Foundation

/// An `assessment_deductions` row: points taken off a unit for a 通报批评; revoked rows stay, with who and why.
public struct AssessmentDeductionRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var unitKind: String
    public var unitCode: String
    public var unitName: String
    public var areaCode: String
    public var periodKey: String
    public var points: Double
    public var reason: String
    public var documentNumber: String
    public var recordedByName: String
    public var recordedAt: Int64
    public var revokedByName: String?
    public var revokedAt: Int64?
    public var revokeReason: String?

    public init(
        id: Int64? = nil, unitKind: String, unitCode: String, unitName: String, areaCode: String, periodKey: String,
        points: Double, reason: String, documentNumber: String, recordedByName: String, recordedAt: Int64,
        revokedByName: String? = nil, revokedAt: Int64? = nil, revokeReason: String? = nil
    ) {
        self.id = id
        self.unitKind = unitKind
        self.unitCode = unitCode
        self.unitName = unitName
        self.areaCode = areaCode
        self.periodKey = periodKey
        self.points = points
        self.reason = reason
        self.documentNumber = documentNumber
        self.recordedByName = recordedByName
        self.recordedAt = recordedAt
        self.revokedByName = revokedByName
        self.revokedAt = revokedAt
        self.revokeReason = revokeReason
    }
}
