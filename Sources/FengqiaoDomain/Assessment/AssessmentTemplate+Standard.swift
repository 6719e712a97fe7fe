import Foundation

extension AssessmentTemplate {
    /// The template a centre starts from, before its admins change it: 村级化解率 aims at 95% as the source documents
    /// ask; a quarter asks three months' visits of a grid worker.
    public static func standard(_ unitKind: AssessedUnitKind, _ periodKind: AssessmentPeriodKind) -> AssessmentTemplate {
        let months = periodKind == .quarter ? 3.0 : 1.0
        let rules: [IndicatorRule] = switch unitKind {
        case .township: [
            IndicatorRule(.closedOnTime, weight: 20, target: 0.95, floor: 0.6),
            IndicatorRule(.closureRate, weight: 15, target: 0.95, floor: 0.6),
            IndicatorRule(.satisfaction, weight: 20, target: 0.95, floor: 0.7),
            IndicatorRule(.villageResolved, weight: 20, target: 0.95, floor: 0.7),
            IndicatorRule(.mediationSucceeded, weight: 10, target: 0.9, floor: 0.5),
            IndicatorRule(.overdue, weight: 10, target: 0, floor: 10 * months),
            IndicatorRule(.supervised, weight: 5, target: 0, floor: 5 * months),
        ]
        case .department: [
            IndicatorRule(.signedOnTime, weight: 15, target: 0.98, floor: 0.7),
            IndicatorRule(.closedOnTime, weight: 20, target: 0.95, floor: 0.6),
            IndicatorRule(.closureRate, weight: 15, target: 0.95, floor: 0.6),
            IndicatorRule(.satisfaction, weight: 20, target: 0.95, floor: 0.7),
            IndicatorRule(.returnRate, weight: 10, target: 0.02, floor: 0.2),
            IndicatorRule(.whistleOnTime, weight: 10, target: 1, floor: 0.6),
            IndicatorRule(.overdue, weight: 5, target: 0, floor: 5 * months),
            IndicatorRule(.supervised, weight: 5, target: 0, floor: 3 * months),
        ]
        case .gridWorker: [
            IndicatorRule(.patrolCoverage, weight: 50, target: 0.9, floor: 0.3),
            IndicatorRule(.householdVisits, weight: 50, target: 60 * months, floor: 0),
        ]
        }
        return AssessmentTemplate(name: "\(unitKind.chineseName)\(periodKind.chineseName)考核", unitKind: unitKind,
                                  periodKind: periodKind, rules: rules, awardCap: 5)
    }
}
