import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Writes the words of an outbox row from its JSON payload. A payload may carry its own `title` and
/// `body` (or `text`); the clock book's `{case, clockName, status, dueAt}` gets its own sentence;
/// anything else is shown as it came.
public enum NotificationText {
    public static func message(for record: NotificationRecord, channel: NotificationChannel) -> OutboxMessage {
        if channel == .webhook || channel == .subscription {
            // A machine gets the payload itself, byte for byte (it is what the signature covers).
            return OutboxMessage(id: record.id, channel: channel, kind: .notice, caseId: record.caseId,
                                 title: "状态回传", body: record.payload, dedupeKey: record.dedupeKey)
        }
        let (title, body) = words(record.payload)
        let task = channel == .call
        return OutboxMessage(
            id: record.id, channel: channel, kind: task ? .task : .notice, caseId: record.caseId,
            title: task ? "请电话联系:" + title : title, body: body, dedupeKey: record.dedupeKey)
    }

    static func words(_ payload: String) -> (title: String, body: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] else {
            return ("平台通知", String(payload.prefix(500)))
        }
        if let title = object["title"] as? String, !title.isEmpty {
            let body = object["body"] as? String ?? object["text"] as? String ?? ""
            return (String(title.prefix(200)), String(body.prefix(2000)))
        }
        if let number = object["case"] as? String, let clock = object["clockName"] as? String,
           let status = object["status"] as? String
        {
            let due = (object["dueAt"] as? NSNumber).map { time(Date(millisecondsSince1970: $0.int64Value)) }
            switch status {
            case "overdue":
                return ("案件\(number)\(clock)已超时",
                        "\(clock)时限\(due.map { "(\($0))" } ?? "")已过,请立即办理并说明原因。")
            case "warning":
                return ("案件\(number)\(clock)即将到期",
                        "\(clock)已用去八成时限\(due.map { ",请在 \($0) 前办结" } ?? ""),请抓紧办理。")
            default:
                return ("案件\(number)\(clock)提醒", due.map { "截止时间 \($0)" } ?? "")
            }
        }
        let number = object["case"] as? String
        return (number.map { "案件\($0)通知" } ?? "平台通知", String(payload.prefix(500)))
    }

    /// `yyyy-MM-dd HH:mm`, Beijing time.
    static func time(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.hour, .minute], from: date)
        let hour = c.hour ?? 0, minute = c.minute ?? 0
        return ChinaTime.dayString(date) + " " + (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "")
            + String(minute)
    }
}
