import FengqiaoDomain
import Foundation

/// A problem or opinion a resident raised (群众反映的问题、意见), with their answers.
public struct SurveyComment: Sendable, Hashable {
    public var township: String
    public var safety: SafetyAnswer?
    public var satisfaction: SatisfactionAnswer?
    public var text: String
    public var calledAt: Int64
}
