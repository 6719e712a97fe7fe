import Foundation

extension HolidaySchedule {
    /// Checks an administrator's schedule before it is stored or used; empty when it is sound.
    ///
    /// Field names follow the JSON (`holidays[1].makeUpWorkdays[0]`) so a form can show each message
    /// next to its input. Rules: the year is 2000–2099; the source has a title; every holiday has a
    /// name of at most 20 characters, a first day not after its last day, at most 15 days, and days in
    /// the schedule's year (or the last week before it); holidays do not overlap; make-up working days
    /// fall on a Saturday or Sunday in the same window, are not themselves holiday days, and are not listed twice.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        guard (2000...2099).contains(year) else {
            return [FieldError(field: "year", code: "out_of_range", message: "年份须在2000至2099之间")]
        }
        if InputRules.text(source.title) == nil { errors.append(.required("source.title", label: "通知名称")) }
        guard let window = Self.window(of: year) else { return errors }
        var closed: [CivilDate: String] = [:]
        for (index, holiday) in holidays.enumerated() {
            let field = "holidays[\(index)]"
            let name = InputRules.text(holiday.name) ?? ""
            if name.isEmpty {
                errors.append(.required("\(field).name", label: "节日名称"))
            } else if name.count > 20 {
                errors.append(.tooLong("\(field).name", label: "节日名称", max: 20))
            }
            let label = name.isEmpty ? "第\(index + 1)个节日" : name
            for (key, day) in [("firstDay", holiday.firstDay), ("lastDay", holiday.lastDay)] where !window.contains(day)
            {
                errors.append(Self.outsideYear("\(field).\(key)", day: day, year: year))
            }
            if holiday.firstDay > holiday.lastDay {
                errors.append(
                    FieldError(
                        field: "\(field).lastDay", code: "before_first_day",
                        message: "\(label)的放假结束日期不能早于开始日期"))
            } else if holiday.lastDay.dayNumber - holiday.firstDay.dayNumber >= 15 {
                errors.append(
                    FieldError(field: "\(field).lastDay", code: "too_long", message: "\(label)连续放假不能超过15天"))
            } else {
                for day in holiday.days {
                    if let other = closed[day] {
                        errors.append(
                            FieldError(
                                field: "\(field).firstDay", code: "overlap",
                                message: "\(label)与\(other)的放假日期重叠(\(day))"))
                        break
                    }
                    closed[day] = label
                }
            }
        }
        var makeUps: Set<CivilDate> = []
        for (index, holiday) in holidays.enumerated() {
            for (position, day) in holiday.makeUpWorkdays.enumerated() {
                let field = "holidays[\(index)].makeUpWorkdays[\(position)]"
                if !window.contains(day) {
                    errors.append(Self.outsideYear(field, day: day, year: year))
                } else if let name = closed[day] {
                    errors.append(
                        FieldError(
                            field: field, code: "holiday_and_workday",
                            message: "\(day)不能既是\(name)的放假日又是调休上班日"))
                } else if !day.isWeekend {
                    errors.append(
                        FieldError(
                            field: field, code: "not_weekend",
                            message: "调休上班日须为周六或周日,\(day)是\(day.weekdayName)"))
                } else if !makeUps.insert(day).inserted {
                    errors.append(FieldError(field: field, code: "duplicate", message: "调休上班日\(day)重复"))
                }
            }
        }
        return errors
    }

    /// Throws `DomainError.validation` listing every problem `validate()` finds.
    public func validated() throws(DomainError) -> HolidaySchedule {
        let errors = validate()
        guard errors.isEmpty else { throw .validation(errors) }
        return self
    }

    /// The days a schedule for `year` may name: the year itself and the seven days before it.
    static func window(of year: Int) -> ClosedRange<CivilDate>? {
        guard let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31)
        else { return nil }
        return first.adding(days: -7)...last
    }

    private static func outsideYear(_ field: String, day: CivilDate, year: Int) -> FieldError {
        FieldError(field: field, code: "outside_year", message: "\(day)不在\(year)年内")
    }
}
