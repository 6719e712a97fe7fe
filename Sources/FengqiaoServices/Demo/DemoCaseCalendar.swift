/// When cases are reported: the 365 Beijing days before the reference time, with fewer cases at
/// weekends, slowly more as the platform is adopted, and office hours busier than nights.
/// Day strings and years are computed here (UTC+8 has no daylight saving), never through
/// `Calendar`, which would be the slowest step of the whole load.
struct DemoCaseCalendar: Sendable {
    struct Day: Sendable {
        /// `yyyy-MM-dd` in Beijing time, as `ChinaTime.dayString` gives it.
        let text: String
        let year: Int
        let month: Int
        /// UTC milliseconds of the part of the day inside the window.
        let start: Int64
        let end: Int64
        let cases: Int
    }

    static let dayMs: Int64 = 86_400_000
    static let beijingOffsetMs: Int64 = 8 * 3_600_000

    let days: [Day]

    init(nowMs: Int64, totalCases: Int) {
        let windowStart = nowMs - 365 * Self.dayMs
        let first = Self.beijingDay(windowStart)
        let last = Self.beijingDay(nowMs - 1)
        var spans: [(day: Int64, start: Int64, end: Int64, weight: Double)] = []
        for d in first...last {
            let start = max(windowStart, d * Self.dayMs - Self.beijingOffsetMs)
            let end = min(nowMs, (d + 1) * Self.dayMs - Self.beijingOffsetMs)
            guard end > start else { continue }
            let weekday = Int((d + 4) % 7)  // 1970-01-01 was a Thursday; 0 = Sunday
            let weekdayFactor = weekday == 0 ? 0.55 : weekday == 6 ? 0.65 : 1.0
            let adoption = 0.8 + 0.4 * Double(d - first) / Double(max(1, last - first))
            spans.append((d, start, end, Double(end - start) / Double(Self.dayMs) * weekdayFactor * adoption))
        }
        let counts = DemoApportion.split(totalCases, weights: spans.map(\.weight))
        days = zip(spans, counts).map { span, count in
            let (y, m, d) = Self.civil(span.day)
            return Day(
                text: DemoIdentifiers.digits(y, width: 4) + "-" + DemoIdentifiers.digits(m, width: 2) + "-"
                    + DemoIdentifiers.digits(d, width: 2),
                year: y, month: m, start: span.start, end: span.end, cases: count)
        }
    }

    /// Report times for one day, sorted: office hours weighted on whole days, uniform on the window's partial ends.
    func times(of day: Day, _ random: inout DemoRandom) -> [Int64] {
        let whole = day.end - day.start == Self.dayMs
        var times: [Int64] = []
        times.reserveCapacity(day.cases)
        for _ in 0..<day.cases {
            if whole {
                let hour = Int64(random.weightedIndex(Self.hourWeights))
                times.append(day.start + hour * 3_600_000 + Int64(random.below(3_600_000)))
            } else {
                times.append(day.start + Int64(random.below(Int(day.end - day.start))))
            }
        }
        return times.sorted()
    }

    /// Relative intake per Beijing hour, 0:00–23:00.
    private static let hourWeights: [Double] = [
        0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.2, 3.2, 2.8, 1.8, 1.6, 2.6, 3.0, 2.8, 2.4, 1.6, 1.3, 1.1, 0.9,
        0.6,
        0.4,
    ]

    /// Days since 1970-01-01 in Beijing time.
    static func beijingDay(_ ms: Int64) -> Int64 {
        let shifted = ms + beijingOffsetMs
        return shifted >= 0 ? shifted / dayMs : (shifted - dayMs + 1) / dayMs
    }

    /// Year, month and day of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    static func civil(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }
}
