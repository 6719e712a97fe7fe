import FengqiaoDomain
import Foundation

/// A request for highlight points (亮点工作加分) as the pages show it.
public struct HighlightAward: Sendable, Hashable {
    public var id: Int64
    public var unit: AssessedUnitProfile
    public var period: AssessmentPeriod
    public var requestedPoints: Double
    /// Set once approved: what the assessor granted (at most what was asked).
    public var approvedPoints: Double?
    public var title: String
    public var description: String
    public var evidence: String
    public var state: AssessmentRequestState
    public var requestedBy: Int64
    public var requestedByName: String
    public var requestedAt: Date
    public var decidedByName: String?
    public var decidedAt: Date?
    /// The assessor's note on an approval, or the reason of a refusal.
    public var decisionNote: String?
    /// The evidence files (read with one request, not in lists).
    public var files: [AwardEvidenceFile] = []
}
