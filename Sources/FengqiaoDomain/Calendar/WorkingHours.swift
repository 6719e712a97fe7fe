import Foundation

/// The office hours in which hour-based limits run (工作时间), the same on every working day.
///
/// The default, 08:30–12:00 and 14:30–17:30 (6.5 hours), is a common (summer) timetable of
/// government offices in northern China, where the seed centres are (Baotou, Wuhai, Ordos, Hinggan).
/// It is only a default: offices elsewhere keep 09:00–12:00 / 13:30–17:30 or change hours with the
/// season, so a centre sets its own periods. A value always holds at least one valid period: the
/// initialiser and decoding both validate, so hour arithmetic can rely on some working time existing
/// on every working day.
public struct WorkingHours: Sendable, Hashable, Codable {
    /// One period of a working day, in minutes after Beijing midnight.
    public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
        public let startMinute: Int
        public let endMinute: Int

        /// Unchecked; `WorkingHours` validates its periods.
        public init(startMinute: Int, endMinute: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
        }

        /// From `HH:mm` texts (`24:00` allowed as an end); nil when either is not a time of day.
        public init?(from start: String, to end: String) {
            guard let startMinute = Self.minute(start), let endMinute = Self.minute(end) else { return nil }
            self.init(startMinute: startMinute, endMinute: endMinute)
        }

        public var minutes: Int { endMinute - startMinute }

        /// `08:30–12:00`.
        public var description: String { "\(Self.text(startMinute))–\(Self.text(endMinute))" }

        private enum CodingKeys: String, CodingKey { case from, to }

        /// Encoded as `{"from": "08:30", "to": "12:00"}`, the way an administrator writes it.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let from = try container.decode(String.self, forKey: .from)
            let to = try container.decode(String.self, forKey: .to)
            guard let period = Period(from: from, to: to) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .from, in: container, debugDescription: "工作时段须为HH:mm格式:\(from)–\(to)")
            }
            self = period
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Self.text(startMinute), forKey: .from)
            try container.encode(Self.text(endMinute), forKey: .to)
        }

        static func minute(_ text: String) -> Int? {
            let bytes = Array(text.utf8)
            guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
                [0, 1, 3, 4].allSatisfy({ bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }),
                let hour = Int(text.prefix(2)), let minute = Int(text.suffix(2)), minute < 60,
                hour < 24 || (hour == 24 && minute == 0)
            else { return nil }
            return hour * 60 + minute
        }

        static func text(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
    }

    /// The periods in the order of the day, not overlapping.
    public let periods: [Period]

    /// 08:30–12:00 and 14:30–17:30.
    public static let standard = WorkingHours(checked: [
        Period(startMinute: 8 * 60 + 30, endMinute: 12 * 60),
        Period(startMinute: 14 * 60 + 30, endMinute: 17 * 60 + 30),
    ])

    /// - Throws: `DomainError.validation` with the problems `validate(_:)` finds.
    public init(periods: [Period]) throws(DomainError) {
        let errors = Self.validate(periods)
        guard errors.isEmpty else { throw .validation(errors) }
        self.periods = periods
    }

    private init(checked periods: [Period]) { self.periods = periods }

    /// Working minutes in one working day.
    public var minutesPerDay: Int { periods.reduce(0) { $0 + $1.minutes } }

    /// Rules: one to six periods; each starts before it ends, within 00:00–24:00; each starts no earlier
    /// than the previous one ends. Field names are `periods[i]`.
    public static func validate(_ periods: [Period]) -> [FieldError] {
        guard !periods.isEmpty else {
            return [FieldError(field: "periods", code: "required", message: "请至少填写一个工作时段")]
        }
        guard periods.count <= 6 else {
            return [FieldError(field: "periods", code: "too_many", message: "工作时段不能超过6个")]
        }
        var errors: [FieldError] = []
        for (index, period) in periods.enumerated() {
            let field = "periods[\(index)]"
            if period.startMinute < 0 || period.endMinute > 24 * 60 {
                errors.append(FieldError(field: field, code: "out_of_range", message: "工作时段须在00:00至24:00之间"))
            } else if period.startMinute >= period.endMinute {
                errors.append(
                    FieldError(field: field, code: "end_before_start", message: "工作时段\(period)的结束时间须晚于开始时间"))
            } else if index > 0, period.startMinute < periods[index - 1].endMinute {
                errors.append(
                    FieldError(
                        field: field, code: "overlap",
                        message: "工作时段\(period)须在上一时段\(periods[index - 1])结束之后开始"))
            }
        }
        return errors
    }

    private enum CodingKeys: String, CodingKey { case periods }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let periods = try container.decode([Period].self, forKey: .periods)
        let errors = Self.validate(periods)
        guard errors.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .periods, in: container, debugDescription: errors.map(\.message).joined(separator: ";"))
        }
        self.periods = periods
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(periods, forKey: .periods)
    }
}
