import Foundation

/// 安全感 and 满意度 of a round, per township and for the whole area, computed from the numbers' outcomes.
public struct SurveyFigures: Sendable, Hashable, Codable {
    /// One row per township that has numbers, in code order.
    public var townships: [SurveyFigureRow]
    public var total: SurveyFigureRow

    public init(townships: [SurveyFigureRow], total: SurveyFigureRow) {
        (self.townships, self.total) = (townships, total)
    }

    public init(_ responses: [SurveyResponse]) {
        let grouped = Dictionary(grouping: responses, by: \.township)
        townships = grouped.keys.sorted().map { Self.row($0, grouped[$0] ?? []) }
        total = Self.row(nil, responses)
    }

    /// The row of `township`, if it has numbers in the round.
    public func row(for township: AssessedUnit) -> SurveyFigureRow? { townships.first { $0.township == township } }

    static func row(_ township: AssessedUnit?, _ responses: [SurveyResponse]) -> SurveyFigureRow {
        var answered = 0, refused = 0, pending = 0
        var safeYes = 0, safeCounted = 0, satisfiedYes = 0, satisfiedCounted = 0
        for response in responses {
            switch response.status {
            case .pending: pending += 1
            case .unreachable: break
            case .refused: refused += 1
            case .answered:
                answered += 1
                if let safety = response.safety, safety != .unsure {
                    safeCounted += 1
                    if safety.isPositive { safeYes += 1 }
                }
                if let satisfaction = response.satisfaction, satisfaction != .unsure {
                    satisfiedCounted += 1
                    if satisfaction.isPositive { satisfiedYes += 1 }
                }
            }
        }
        return SurveyFigureRow(
            township: township, sampled: responses.count, reached: answered + refused, answered: answered,
            pending: pending, responseRate: SurveyRate(answered, of: responses.count),
            safety: SurveyRate(safeYes, of: safeCounted), satisfaction: SurveyRate(satisfiedYes, of: satisfiedCounted))
    }
}
