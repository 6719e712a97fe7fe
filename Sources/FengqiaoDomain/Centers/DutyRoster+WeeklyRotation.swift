import Foundation

extension DutyRoster {
    /// The longest range a rotation is generated for at once; longer plans are made year by year.
    public static let maximumRotationDays = 366

    /// A weekly rotation: the members take turns a calendar week (Monday to Sunday) at a time, in the
    /// order given, from `firstDay` through `lastDay` (Beijing days, inclusive). A range starting
    /// mid-week gives the first member the rest of that week. With `weekdaysOnly`, Saturdays and
    /// Sundays get no entries; statutory holidays and 调休 workdays are edited in afterwards, since
    /// they are announced year by year.
    /// - Throws: `.validation` for no members or one member listed twice (`people`), a malformed day
    ///   (`firstDay`/`lastDay`), a last day before the first or a range over 366 days (`lastDay`), and
    ///   a range with no day to staff.
    public static func weeklyRotation(
        of people: [Member], from firstDay: String, through lastDay: String, weekdaysOnly: Bool = false
    ) throws(DomainError) -> DutyRoster {
        var errors: [FieldError] = []
        if people.isEmpty {
            errors.append(FieldError(field: "people", code: "required", message: "请至少选择一名轮值人员"))
        } else if Set(people.map(\.accountID)).count != people.count {
            errors.append(FieldError(field: "people", code: "duplicate", message: "轮值人员有重复"))
        }
        let start = date(ofDay: firstDay)
        let end = date(ofDay: lastDay)
        if start == nil { errors.append(.invalid("firstDay", label: "开始日期")) }
        if end == nil { errors.append(.invalid("lastDay", label: "结束日期")) }
        var dayCount = 0
        if let start, let end {
            dayCount = (ChinaTime.calendar.dateComponents([.day], from: start, to: end).day ?? -1) + 1
            if dayCount < 1 {
                errors.append(FieldError(field: "lastDay", code: "out_of_range", message: "结束日期不能早于开始日期"))
            } else if dayCount > maximumRotationDays {
                errors.append(
                    FieldError(
                        field: "lastDay", code: "out_of_range", message: "一次最多排\(maximumRotationDays)天的值班"))
            }
        }
        guard errors.isEmpty, let start else { throw .validation(errors) }

        // Days since Monday: Calendar numbers Sunday 1 … Saturday 7.
        func daysSinceMonday(_ date: Date) -> Int { (ChinaTime.calendar.component(.weekday, from: date) + 5) % 7 }
        let startOffset = daysSinceMonday(start)
        var entries: [Entry] = []
        for index in 0..<dayCount {
            guard let date = ChinaTime.calendar.date(byAdding: .day, value: index, to: start) else { continue }
            if weekdaysOnly && daysSinceMonday(date) >= 5 { continue }
            let week = (index + startOffset) / 7
            entries.append(Entry(day: ChinaTime.dayString(date), member: people[week % people.count]))
        }
        return try DutyRoster(entries: entries, stationing: .rotating)
    }
}
