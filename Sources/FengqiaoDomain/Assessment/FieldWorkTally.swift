import Foundation

/// A grid worker's field work in a period: 巡查覆盖率 (working days with at least one patrol, of the period's working
/// days up to `asOf`) and 走访户数 (household visits recorded).
public enum FieldWorkTally {
    public static func values(
        patrolStarts: [Date], visits: Int, period: AssessmentPeriod, asOf: Date, calendar: BusinessCalendar
    ) -> [AssessmentIndicator: IndicatorValue] {
        let until = min(period.end, asOf)
        let first = period.firstDay
        let workingDays = until > period.start
            ? calendar.workingDayCount(from: first, through: CivilDate(containing: until.addingTimeInterval(-1))) : 0
        let patrolled = Set(patrolStarts.filter { period.contains($0) && $0 < until }.map { CivilDate(containing: $0) })
            .filter(calendar.isWorkingDay).count
        return [
            .patrolCoverage: .rate(min(patrolled, workingDays), of: workingDays),
            .householdVisits: .count(visits),
        ]
    }
}
