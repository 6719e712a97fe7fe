import Foundation

/// How long a stage may take (时限), in the unit its rule is written in.
///
/// - `workingDays(n)`: until the close of business (end of the last working period) of the n-th
///   working day after the start's day; the start's own day never counts, whatever the hour.
/// - `workingHours(n)`: n hours counted only inside working periods of working days.
/// - `calendarDays(n)`: statutory periods written in days (人民调解), counted as the Civil Code
///   counts periods: the start's day is not counted (民法典第二百零一条), the period ends at 24:00 of
///   the n-th day, and when that day is a weekend or holiday it ends at 24:00 of the next working day (第二百零三条).
/// - `minutes(n)`: n minutes of wall-clock time, nights and holidays included (a summoned department's
///   30-minute check-in when the matter is urgent, and fixed deadlines rounded to the minute).
///
/// Working-day and working-hour clocks measure elapsed time in working time; calendar-day clocks in
/// wall-clock time. See `BusinessCalendar.deadline(adding:from:)`.
public enum ClockLimit: Sendable, Hashable, Codable, CustomStringConvertible {
    case workingDays(Int)
    case workingHours(Int)
    case calendarDays(Int)
    case minutes(Int)

    public var amount: Int {
        switch self {
        case .workingDays(let n), .workingHours(let n), .calendarDays(let n), .minutes(let n): n
        }
    }

    /// Whether elapsed time is counted in working time (true) or wall-clock time (false).
    public var countsWorkingTime: Bool {
        switch self {
        case .workingDays, .workingHours: true
        case .calendarDays, .minutes: false
        }
    }

    /// The largest amount accepted: a year of working days, a hundred working days in hours, two years of
    /// days, a week in minutes.
    public var maximumAmount: Int {
        switch self {
        case .workingDays: 250
        case .workingHours: 650
        case .calendarDays: 730
        case .minutes: 10_080
        }
    }

    /// `3个工作日`, `2个工作小时`, `60日`, `30分钟`.
    public var description: String {
        switch self {
        case .workingDays(let n): "\(n)个工作日"
        case .workingHours(let n): "\(n)个工作小时"
        case .calendarDays(let n): "\(n)日"
        case .minutes(let n): "\(n)分钟"
        }
    }

    /// The sum of two limits in the same unit (a limit and its extension), nil when the units differ.
    public func adding(_ other: ClockLimit) -> ClockLimit? {
        switch (self, other) {
        case (.workingDays(let a), .workingDays(let b)): .workingDays(a + b)
        case (.workingHours(let a), .workingHours(let b)): .workingHours(a + b)
        case (.calendarDays(let a), .calendarDays(let b)): .calendarDays(a + b)
        case (.minutes(let a), .minutes(let b)): .minutes(a + b)
        default: nil
        }
    }

    /// Whether `other` is in the same unit.
    public func hasSameUnit(as other: ClockLimit) -> Bool { adding(other) != nil }

    /// Problems with an administrator's or dispatcher's limit: the amount must be 1…`maximumAmount`.
    public func validate(field: String) -> [FieldError] {
        guard (1...maximumAmount).contains(amount) else {
            return [
                FieldError(
                    field: field, code: "out_of_range",
                    message: "时限须为1至\(maximumAmount)\(unit.chineseName)")
            ]
        }
        return []
    }

    /// A limit's unit, by the code it is stored and submitted under.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case workingDays, workingHours, calendarDays, minutes

        /// As written after an amount: `个工作日`, `个工作小时`, `日`, `分钟`.
        public var chineseName: String {
            switch self {
            case .workingDays: "个工作日"
            case .workingHours: "个工作小时"
            case .calendarDays: "日"
            case .minutes: "分钟"
            }
        }
    }

    public var unit: Unit {
        switch self {
        case .workingDays: .workingDays
        case .workingHours: .workingHours
        case .calendarDays: .calendarDays
        case .minutes: .minutes
        }
    }

    public init(unit: Unit, amount: Int) {
        switch unit {
        case .workingDays: self = .workingDays(amount)
        case .workingHours: self = .workingHours(amount)
        case .calendarDays: self = .calendarDays(amount)
        case .minutes: self = .minutes(amount)
        }
    }

    private enum CodingKeys: String, CodingKey { case unit, amount }

    /// Encoded as `{"unit": "workingDays", "amount": 3}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(Int.self, forKey: .amount)
        self.init(unit: try container.decode(Unit.self, forKey: .unit), amount: amount)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(amount, forKey: .amount)
    }
}
