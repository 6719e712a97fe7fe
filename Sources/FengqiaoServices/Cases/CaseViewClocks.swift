import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The clocks and whistles of `CaseView`, from `case_clocks` rows and the snapshot's whistles.
enum CaseViewClocks {
    static func clock(_ row: CaseClockRecord, departmentName: String?) -> CaseView.Clock {
        let kind = ClockKind(rawValue: row.kind)
        let unit = ClockLimit.Unit(rawValue: row.limitUnit)
        return CaseView.Clock(
            kind: row.kind, kindName: kind?.chineseName ?? row.kind, department: row.departmentId,
            departmentName: departmentName, startedAt: Date(millisecondsSince1970: row.startedAt),
            deadline: Date(millisecondsSince1970: row.dueAt),
            stoppedAt: row.stoppedAt.map(Date.init(millisecondsSince1970:)),
            status: row.status, statusName: statusName(row.status, kind: kind),
            limit: unit.map { ClockLimit(unit: $0, amount: row.limitValue).description } ?? "\(row.limitValue)",
            paused: row.pausedSince != nil)
    }

    /// 正常 / 即将超时 / 已超时 / 按时办结 / 超时办结 (按时报到 / 超时报到 for a check-in).
    static func statusName(_ status: String, kind: ClockKind?) -> String {
        switch status {
        case "running": "正常"
        case "warning": "即将超时"
        case "overdue": kind == .checkIn ? "未按时报到" : "已超时"
        case "met": kind == .checkIn ? "按时报到" : "按时办结"
        case "missed": kind == .checkIn ? "超时报到" : "超时办结"
        default: status
        }
    }

    static func whistle(_ whistle: Whistle, names: [Int64: String], now: Date) -> CaseView.WhistleCall {
        CaseView.WhistleCall(
            number: whistle.number, blownAt: whistle.blownAt, checkInDue: whistle.checkInDue,
            departments: whistle.departments.map { department in
                let checkIn = whistle.checkIns[department]
                let state: (String, String) =
                    if let checkIn { checkIn.late ? ("late", "超时报到") : ("checkedIn", "已报到") }
                    else if now > whistle.checkInDue { ("missed", "未按时报到") }
                    else { ("pending", "待报到") }
                return CaseView.WhistleCall.Summons(
                    department: department, name: names[department], state: state.0, stateName: state.1,
                    checkedInAt: checkIn?.at)
            })
    }
}
