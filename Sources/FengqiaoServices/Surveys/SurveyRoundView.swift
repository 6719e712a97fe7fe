import FengqiaoDomain
import Foundation

/// A round's page: the round, its figures per township (those the viewer sees) and the comments residents made.
public struct SurveyRoundView: Sendable, Hashable {
    public var round: SurveyRoundSummary
    public var figures: SurveyFigures
    /// Township names by code.
    public var townshipNames: [String: String]
    public var comments: [SurveyComment]
    /// Whether the viewer sees the whole area (else the total covers only their part).
    public var wholeArea: Bool
    /// Whether the viewer takes calls (the call list is theirs).
    public var mayCall: Bool
}
