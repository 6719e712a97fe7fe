import FengqiaoDomain
import FengqiaoStore
import Foundation

extension PetitionReception {
    /// Gives the written reply (答复意见书) to accepted petition `id`, which stops its handling clock. The reply
    /// closes the engine case (结案答复) once the department's result has been verified; a case already closed
    /// through the case API keeps its closure and the reply is recorded.
    public func reply(id: Int64, _ submission: PetitionReplySubmission, caller: Caller) async throws -> PetitionView {
        let staff = try Self.requireOfficer(caller)
        let setting = try await engineSetting()
        try await platform.database.write { db in
            var record = try await Self.load(id, staff: staff, in: db)
            try Self.require(record, in: [.accepted], toDo: "出具答复意见")
            let (text, channel) = try submission.validate()
            switch try await Self.caseState(record, in: db) {
            case .verified:
                try await Self.runEngine(.close(reply: text, channel: channel), on: record, caller: caller, setting: setting,
                                         in: db)
            case .closed, .archived:
                break
            case let state:
                throw DomainError.conflict(
                    code: "case_not_ready",
                    message: "案件当前为“\(state?.chineseName ?? "未知")”:须承办部门办理反馈并经核查通过后,才能出具答复意见书")
            }
            record.state = PetitionState.replied.rawValue
            record.reply = text
            record.replyChannel = channel.rawValue
            record.repliedAt = setting.now.millisecondsSince1970
            record.repliedByName = staff.displayName
            record = try await Self.save(record, now: setting.now, in: db)
            let handling = Self.timeline(record).clocks(at: setting.now, calendar: setting.calendar)
                .first { $0.kind == .handling }
            try await Self.audit(caller, action: "petition.reply", record, [
                "channel": channel.rawValue, "onTime": handling?.statusCode == "met",
            ], now: setting.now, kind: setting.kind, in: db)
        }
        return try await petition(id: id, caller: caller)
    }
}
