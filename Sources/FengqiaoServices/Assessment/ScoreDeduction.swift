import FengqiaoDomain
import Foundation

/// A deduction for a 通报批评 as the pages show it; a revoked one keeps who revoked it and why.
public struct ScoreDeduction: Sendable, Hashable {
    public var id: Int64
    public var unit: AssessedUnitProfile
    public var period: AssessmentPeriod
    public var points: Double
    public var reason: String
    public var documentNumber: String
    public var recordedByName: String
    public var recordedAt: Date
    public var revokedByName: String?
    public var revokedAt: Date?
    public var revokeReason: String?

    public var isRevoked: Bool { revokedAt != nil }
}
