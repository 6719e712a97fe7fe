import FengqiaoDomain
import Foundation

/// A labelled synthetic case stream for measuring the risk rules (`RiskScenarioGenerator`): ordinary cases over
/// twelve weeks, and in the last four weeks situations planted for each rule, each labelled with the subject the
/// rule should report. Anything else a rule reports there is a false alarm raised by the noise.
public struct RiskScenario: Sendable {
    /// Every case, planted or not, in the order reported.
    public let facts: [RiskCaseFact]
    /// Per rule, the subjects (`RiskGroupKey.subject`) of the planted situations.
    public let planted: [RiskRuleKind: Set<String>]
    /// The evaluation period: the end of each of its days is one nightly sweep.
    public let evaluationDays: [Int64]
    /// Cases reported from this instant on are in the evaluation period.
    public let evaluationStart: Int64

    public init(facts: [RiskCaseFact], planted: [RiskRuleKind: Set<String>], evaluationDays: [Int64], evaluationStart: Int64) {
        self.facts = facts
        self.planted = planted
        self.evaluationDays = evaluationDays
        self.evaluationStart = evaluationStart
    }
}
