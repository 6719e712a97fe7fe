/// Turns an Excel date serial number into ISO-like text ("2024-05-01", "08:30:00", "2024-05-01 08:30:00").
///
/// Pure integer calendar arithmetic (no `Calendar`, no time zone): the serial is a local wall-clock value.
/// The 1900 system reproduces Excel's fictitious 1900-02-29 (serial 60) so that every other serial maps to
/// the date Excel shows.
enum ExcelDate {
    /// 1899-12-30 (serial 0 for dates after 1900-02-28), as days from 1970-01-01.
    private static let epoch1900 = -25_569
    /// 1904-01-01, as days from 1970-01-01.
    private static let epoch1904 = -24_107
    /// Serial of 9999-12-31, Excel's last date.
    private static let maxSerial = 2_958_465.0

    /// The text for `serial` shown as `kind`, or nil when the value is not a date Excel can show.
    static func text(serial: Double, kind: ExcelDateFormat.Kind, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial <= maxSerial else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        let time = clock(seconds)
        if kind == .time { return time }
        guard let date = calendarDate(days: days, uses1904: uses1904) else { return nil }
        return kind == .date ? date : date + " " + time
    }

    private static func calendarDate(days: Int, uses1904: Bool) -> String? {
        if uses1904 { return civil(epoch1904 + days) }
        switch days {
        case ..<1: return nil
        case 60: return "1900-02-29"
        case ..<60: return civil(epoch1900 + days + 1)
        default: return civil(epoch1900 + days)
        }
    }

    private static func clock(_ seconds: Int) -> String {
        "\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
    }

    /// Days since 1970-01-01 → "yyyy-MM-dd" (Howard Hinnant's civil_from_days).
    private static func civil(_ daysSince1970: Int) -> String {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
