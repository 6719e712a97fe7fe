import FengqiaoDomain
import Foundation

/// An operator's call list of a round: the next number to call and every number in their part of the area.
public struct SurveyCallList: Sendable, Hashable {
    public var round: SurveyRoundSummary
    public var next: SurveyCallItem?
    public var items: [SurveyCallItem]
    public var progress: SurveyFigureRow
}
