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
}
