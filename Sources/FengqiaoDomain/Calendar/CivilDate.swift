import Foundation

/// A day of the Gregorian calendar as people in China name it (`2026-02-14`), with no time and no
/// time zone. Instants map to the Beijing day they fall on (`ChinaTime`), whatever the machine's zone.
///
/// Arithmetic is on whole days since 1970-01-01 (`dayNumber`), with the proleptic Gregorian
/// conversions of H. Hinnant's `days_from_civil`; it needs no `Calendar` and is cheap enough for the
/// jobs module to evaluate every open clock every minute.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Seconds east of UTC of Beijing time: China has kept UTC+8 without daylight saving since 1991.
    static let chinaOffsetSeconds = Int64(ChinaTime.timeZone.secondsFromGMT())
    static let secondsPerDay: Int64 = 86_400

    /// The date, or nil unless it exists (no 2025-02-29) and the year is in 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-MM-dd`; nil for anything else, including dates that do not exist.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }),
            let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
            let day = Int(text.suffix(2))
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = doy - (153 * mp + 2) / 5 + 1
    }

    /// The Beijing day on which the instant falls.
    public init(containing date: Date) {
        self.init(dayNumber: Int(Self.floorDiv(Self.chinaSeconds(date), Self.secondsPerDay)))
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { Int(Self.floorMod(Int64(dayNumber) + 3, 7)) + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// 周一 … 周日.
    public var weekdayName: String { ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][weekday - 1] }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Beijing midnight at the start of this day.
    public var start: Date {
        Date(timeIntervalSince1970: TimeInterval(Int64(dayNumber) * Self.secondsPerDay - Self.chinaOffsetSeconds))
    }

    /// `yyyy-MM-dd`, as `ChinaTime.dayString` writes it.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "日期须为yyyy-MM-dd格式的真实日期:\(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whole seconds since the Unix epoch in Beijing wall-clock terms (UTC + 8 h), floored. Instants
    /// beyond ±100,000 years (or not numbers at all) are clamped, so no input can trap the conversion.
    static func chinaSeconds(_ date: Date) -> Int64 { unixSeconds(date) + chinaOffsetSeconds }

    /// Whole seconds since the Unix epoch, floored and clamped like `chinaSeconds`.
    static func unixSeconds(_ date: Date) -> Int64 {
        let limit = 3.2e12
        let t = date.timeIntervalSince1970
        guard t.isFinite else { return t > 0 ? Int64(limit) : t < 0 ? -Int64(limit) : 0 }
        return Int64(min(max(t, -limit), limit).rounded(.down))
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

    /// The day a form field holds (`yyyy-MM-dd`), or nil with its error added to `errors`: `required` when blank,
    /// `invalid_format` when not a day; `label` names the field in the message.
    public static func field(_ text: String?, field: String, label: String, errors: inout [FieldError]) -> CivilDate? {
        guard let text = InputRules.text(text) else {
            errors.append(.required(field, label: label))
            return nil
        }
        guard let day = CivilDate(text) else {
            errors.append(FieldError(field: field, code: "invalid_format", message: "\(label)格式不正确,应如 2026-03-01"))
            return nil
        }
        return day
    }
}
