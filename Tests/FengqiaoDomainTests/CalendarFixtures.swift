import FengqiaoDomain
import Foundation

/// Instants written as Beijing wall-clock time, parsed with an explicit +08:00 offset so that the
/// expected values do not depend on the code under test or on the machine's time zone.
enum CalendarFixtures {
    /// `2026-02-25 17:30` or `2026-02-25 17:30:15`, Beijing time.
    static func beijing(_ text: String) -> Date {
        let withSeconds = text.count == 16 ? text + ":00" : text
        let iso = withSeconds.replacingOccurrences(of: " ", with: "T") + "+08:00"
        guard let date = ISO8601DateFormatter().date(from: iso) else {
            preconditionFailure("bad fixture instant \(text)")
        }
        return date
    }

    static func day(_ text: String) -> CivilDate {
        guard let day = CivilDate(text) else { preconditionFailure("bad fixture day \(text)") }
        return day
    }

    /// Every day of the closed range `first...last` as `yyyy-MM-dd`, counted with Foundation's
    /// calendar (not `CivilDate`), for spelling out expected holiday days.
    static func days(_ first: String, _ last: String) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        var result: [String] = []
        var date = beijing(first + " 00:00")
        let end = beijing(last + " 00:00")
        while date <= end {
            result.append(ChinaTime.dayString(date))
            guard let next = calendar.date(byAdding: .day, value: 1, to: date) else { break }
            date = next
        }
        return result
    }
}
