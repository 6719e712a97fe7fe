import Foundation

/// The figures of one township (or, with a nil unit, the whole area) in one round.
public struct SurveyFigureRow: Sendable, Hashable, Codable {
    /// Nil for the area's total.
    public var township: AssessedUnit?
    public var sampled: Int
    /// Numbers that picked up: answered or refused.
    public var reached: Int
    public var answered: Int
    /// Numbers still to call.
    public var pending: Int
    /// answered / sampled.
    public var responseRate: SurveyRate?
    /// (安全 + 比较安全) / answers other than 说不清.
    public var safety: SurveyRate?
    /// (满意 + 基本满意) / answers other than 说不清.
    public var satisfaction: SurveyRate?

    public init(township: AssessedUnit?, sampled: Int, reached: Int, answered: Int, pending: Int,
                responseRate: SurveyRate?, safety: SurveyRate?, satisfaction: SurveyRate?) {
        (self.township, self.sampled, self.reached, self.answered, self.pending) = (township, sampled, reached, answered, pending)
        (self.responseRate, self.safety, self.satisfaction) = (responseRate, safety, satisfaction)
    }
}
