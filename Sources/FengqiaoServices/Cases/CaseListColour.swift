import FengqiaoDomain
import Foundation

/// How the case list shows a case's clock (`cases.clock_status`, the worst open clock) and its times.
public enum CaseListColour {
    /// green / yellow / red, or `none` for a case without a running clock.
    public static func colour(_ clockStatus: String) -> String {
        switch clockStatus {
        case "running": "green"
        case "warning": "yellow"
        case "overdue": "red"
        default: "none"
        }
    }

    public static func name(_ clockStatus: String) -> String {
        switch clockStatus {
        case "running": "正常"
        case "warning": "即将超时"
        case "overdue": "已超时"
        default: "—"
        }
    }

    /// `yyyy-MM-dd HH:mm` in Beijing time.
    public static func minuteString(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
