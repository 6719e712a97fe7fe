import FengqiaoDomain
import Foundation

/// W3C datetimes as GeoReport v2 uses them: `2026-03-01T09:30:00+08:00` (or `Z`, fractional seconds
/// allowed) read; a bare day (`2026-03-01`) reads as Beijing midnight. Written in Beijing time.
public enum W3CDate {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: trimmed) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: trimmed) { return date }
        guard trimmed.count == 10 else { return nil }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        day.timeZone = ChinaTime.calendar.timeZone
        return day.date(from: trimmed)
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = ChinaTime.calendar.timeZone
        return formatter.string(from: date)
    }
}
