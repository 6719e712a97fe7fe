import Foundation

/// Reads the times of hotline work orders as platforms write them: `2026-03-01 08:30[:00]`,
/// `2026/3/1 8:30`, `2026年3月1日 8时30分`, `20260301083000`, or ISO 8601 with a zone
/// (`2026-03-01T08:30:00+08:00`). Times without a zone are Beijing time. Years 2000–2099 only.
public enum HotlineTime {
    /// The instant `text` names; a date alone is the start of that day, or with `endOfDay` its last
    /// second (a deadline of "2026-03-05" runs to 23:59:59). Nil for anything else.
    public static func parse(_ text: String, endOfDay: Bool = false) -> Date? {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty, value.count <= 40 else { return nil }
        if let zoned = zoned(value) { return zoned }
        value = value.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: " ").replacingOccurrences(of: "时", with: ":")
            .replacingOccurrences(of: "分", with: ":").replacingOccurrences(of: "秒", with: "")
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "T", with: " ")
        if value.hasSuffix(":") { value.removeLast() }
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count) else { return nil }
        var datePart = String(parts[0])
        var timePart = parts.count == 2 ? String(parts[1]) : nil
        if parts.count == 1, datePart.allSatisfy(\.isASCIIDigit), [8, 12, 14].contains(datePart.count) {
            let digits = Array(datePart)
            datePart = String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8])
            if digits.count > 8 {
                timePart = String(digits[8..<10]) + ":" + String(digits[10..<12])
                    + (digits.count == 14 ? ":" + String(digits[12..<14]) : "")
            }
        }
        let ymd = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard ymd.count == 3, ymd.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(ymd[0]), (2000...2099).contains(year), let month = Int(ymd[1]), let day = Int(ymd[2]),
              let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        guard let timePart else {
            return endOfDay ? date.start.addingTimeInterval(86_399) : date.start
        }
        let hms = timePart.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(hms.count), hms.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(hms[0]), (0...23).contains(hour), let minute = Int(hms[1]), (0...59).contains(minute)
        else { return nil }
        var second = 0
        if hms.count == 3 {
            guard let s = Int(hms[2]), (0...59).contains(s) else { return nil }
            second = s
        }
        return date.start.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }

    /// ISO 8601 with an explicit zone (`Z` or `±hh:mm`), with or without fractional seconds.
    private static func zoned(_ text: String) -> Date? {
        guard text.contains("T"), text.hasSuffix("Z") || text.dropFirst(10).contains("+") || text.dropFirst(10).contains("-")
        else { return nil }
        if !text.hasSuffix("Z") {
            // ±hh:mm within the zones the world uses (the formatter alone takes +99:00).
            let zone = Array(text.suffix(6))
            guard zone.count == 6, zone[0] == "+" || zone[0] == "-", zone[3] == ":",
                  let hours = Int(String(zone[1...2])), let minutes = Int(String(zone[4...5])), hours <= 14, minutes < 60
            else { return nil }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return inRange(date) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text).flatMap(inRange)
    }

    private static func inRange(_ date: Date) -> Date? {
        (2000...2099).contains(ChinaTime.year(date)) ? date : nil
    }

    /// `yyyy-MM-dd HH:mm:ss` in Beijing time, as exports and error reports show times.
    public static func text(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return ChinaTime.dayString(date) + " " + two(c.hour) + ":" + two(c.minute) + ":" + two(c.second)
    }
}
