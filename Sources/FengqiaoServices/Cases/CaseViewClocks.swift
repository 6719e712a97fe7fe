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
        case "overdue": kind == .checkIn ? "未按时报到" : kind == .supervision ? "未按时答复" : "已超时"
        case "met": kind == .checkIn ? "按时报到" : kind == .supervision ? "按时答复" : "按时办结"
        case "missed": kind == .checkIn ? "超时报到" : kind == .supervision ? "超时答复" : "超时办结"
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

    static func supervision(_ supervision: Supervision, now: Date) -> CaseView.SupervisionOrder {
        let state: (String, String)
        if let answered = supervision.respondedAt {
            state = supervision.responseDue.map { answered > $0 } == true ? ("late", "超时答复") : ("answered", "已答复")
        } else if !supervision.kind.requiresResponse {
            state = ("noted", "无需答复")
        } else if let due = supervision.responseDue, now > due {
            state = ("overdue", "未按时答复")
        } else {
            state = ("open", "待答复")
        }
        return CaseView.SupervisionOrder(
            number: supervision.number, kind: supervision.kind.rawValue, kindName: supervision.kind.chineseName,
            note: supervision.note, issuedAt: supervision.issuedAt, responseDue: supervision.responseDue,
            response: supervision.response, respondedAt: supervision.respondedAt, state: state.0, stateName: state.1)
    }
}
