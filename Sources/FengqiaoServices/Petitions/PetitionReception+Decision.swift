import FengqiaoDomain
import FengqiaoStore
import Foundation

extension PetitionReception {
    /// Decides whether to accept petition `id` (受理告知), with the reason and how the written notice reaches
    /// the petitioner: 受理 accepts the engine case under the 信访 preset at the officer's tier, so it can be
    /// dispatched; 不予受理 and 不再受理 reject it. 不再受理 is only for a repeat petition (重复信访).
    public func decide(id: Int64, _ submission: PetitionDecisionSubmission, caller: Caller) async throws -> PetitionView {
        let staff = try Self.requireOfficer(caller)
        let setting = try await engineSetting()
        let kind = setting.kind
        try await platform.database.write { db in
            var record = try await Self.load(id, staff: staff, in: db)
            try Self.require(record, in: [.received], toDo: "作出受理决定")
            let (decision, reason, channel) = try submission.validate()
            if decision == .refuseRepeat, record.repeated == 0 {
                throw DomainError.validation([FieldError(
                    field: "decision", code: "not_repeat", message: "只有重复信访(同一信访人此前已提出的事项)才能决定不再受理")])
            }
            let command: CaseCommand
            switch decision {
            case .accept:
                let loaded = try await CaseEngine.load(record.caseNumber, staff: Self.engineStaff(staff), in: db)
                guard let snapshot = loaded.snapshot else { throw CaseEventCodec.legacyHistory }
                command = .accept(CaseAcceptance(
                    kind: snapshot.kind, category: loaded.record.category, urgency: snapshot.urgency,
                    tier: max(snapshot.tier, MediationTier(areaLevel: staff.jurisdiction.level)),
                    slaPreset: SLACategory.petition.rawValue))
            case .decline, .refuseRepeat:
                command = .reject(reason: "\(decision.chineseName):\(reason)", noticeChannel: channel)
            }
            try await Self.runEngine(command, on: record, caller: caller, setting: setting, in: db)
            record.state = decision.state.rawValue
            record.decision = decision.rawValue
            record.decisionReason = reason
            record.noticeChannel = channel.rawValue
            record.decidedAt = setting.now.millisecondsSince1970
            record.decidedByName = staff.displayName
            record = try await Self.save(record, now: setting.now, in: db)
            let timeline = Self.timeline(record)
            let onTime = timeline.clocks(at: setting.now, calendar: setting.calendar).first { $0.kind == .acceptance }
                .map { $0.statusCode == "met" } ?? true
            try await Self.audit(caller, action: "petition.decide", record, [
                "decision": decision.rawValue, "noticeChannel": channel.rawValue, "onTime": onTime,
            ], now: setting.now, kind: kind, in: db)
        }
        return try await petition(id: id, caller: caller)
    }
}
