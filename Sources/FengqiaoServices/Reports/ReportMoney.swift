import FengqiaoDomain
import Foundation

/// How reports write amounts and times.
public enum ReportMoney {
    /// 分 as 元 with two decimals (`12345.60`).
    public static func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = abs(fen)
        return "\(sign)\(a / 100).\(String(format: "%02d", a % 100))"
    }

    /// `2026-11-24 09:30` in Beijing time.
    public static func minute(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
