import Foundation

/// China Standard Time. Times are stored in UTC and shown, and filed by day, in Beijing time.
/// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for the
/// platform's data and needs no time-zone database on the server.
public enum ChinaTime {
    public static let timeZone: TimeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// `yyyy-MM-dd` of the Beijing day that `date` falls on.
    public static func dayString(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// The Beijing calendar year of `date`.
    public static func year(_ date: Date) -> Int { calendar.component(.year, from: date) }

    /// Beijing midnight of a `yyyy-MM-dd` day, or nil unless the text is exactly a real date in
    /// 2000–2099 (the round trip rejects 2026-02-30, which `Calendar` would roll over into March).
    public static func date(ofDay day: String) -> Date? {
        let bytes = Array(day.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digitPositions.allSatisfy({ bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }),
            let year = Int(day.prefix(4)), (2000...2099).contains(year),
            let month = Int(day.dropFirst(5).prefix(2)), let dayOfMonth = Int(day.suffix(2))
        else { return nil }
        let components = DateComponents(year: year, month: month, day: dayOfMonth)
        guard let date = calendar.date(from: components), dayString(date) == day else { return nil }
        return date
    }
}
