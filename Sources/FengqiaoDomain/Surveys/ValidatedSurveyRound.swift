import Foundation

/// A new round that passed `SurveyRoundSubmission.validate(now:)`; the area is still to be checked against the
/// map and the jurisdiction.
public struct ValidatedSurveyRound: Sendable, Hashable {
    public var title: String
    public var areaCode: String
    public var period: SurveyPeriod
    public var source: SurveySampleSource
    public var perTownship: Int

    public init(title: String, areaCode: String, period: SurveyPeriod, source: SurveySampleSource, perTownship: Int) {
        (self.title, self.areaCode, self.period, self.source, self.perTownship) =
            (title, areaCode, period, source, perTownship)
    }
}
