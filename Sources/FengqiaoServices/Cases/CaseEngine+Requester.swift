import FengqiaoDomain
import FengqiaoStore
import Foundation

extension CaseEngine {
    /// 回访 by the requester on the portal (the tracking page, 一案一码): the workflow's `revisit` with
    /// channel `portal`, as actor `.requester(code)`, in one write transaction with its audit entry.
    /// Only a closed case can be rated, so each closure is rated once; 不满意 may reopen the case
    /// (the policy's reopen limit), after which the next closure can be rated again.
    public func rateAsRequester(trackingCode text: String, satisfaction raw: String?, ip: String) async throws
        -> Satisfaction
    {
        var errors: [FieldError] = []
        let code = TrackingCode(text)
        if code == nil { errors.append(.invalid("code", label: "查询码")) }
        var satisfaction: Satisfaction?
        if let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            satisfaction = Satisfaction(rawValue: raw)
            if satisfaction == nil {
                errors.append(FieldError(field: "satisfaction", code: "invalid_choice", message: "评价不在可选范围内"))
            }
        } else {
            errors.append(FieldError(field: "satisfaction", code: "required", message: "请选择满意、基本满意或不满意"))
        }
        guard errors.isEmpty, let code, let satisfaction else { throw DomainError.validation(errors) }
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let calendar = try await calendar()
        let kind = platform.database.kind
        let policy = try await platform.casePolicy()
        return try await platform.database.write { db -> Satisfaction in
            guard let record = try await CaseRepository(db).find(trackingCode: code.rawValue), let id = record.id else {
                throw DomainError.notFound(what: "该查询码对应的案件")
            }
            let loaded = try await Self.history(of: record, id: id, in: db)
            guard let snapshot = loaded.snapshot else { throw CaseEventCodec.legacyHistory }
            let events: [CaseEvent]
            do {
                events = try CaseWorkflow.events(snapshot, .revisit(satisfaction: satisfaction, channel: .portal),
                                                 by: .requester(code), at: now, policy: policy)
            } catch DomainError.conflict("invalid_transition", _) {
                throw Self.notRateable(snapshot)
            }
            let audit = AuditEntry(actorID: nil, actor: "requester", role: "requester", ip: ip, action: "case.revisit",
                                   objectType: "case", objectID: record.number)
            _ = try await Self.commit(
                events, to: loaded, snapshot: snapshot, now: now, calendar: calendar, policy: policy, audit: audit,
                details: ["satisfaction": satisfaction.rawValue, "channel": ContactChannel.portal.rawValue], kind: kind,
                in: db)
            return satisfaction
        }
    }

    /// Why a requester cannot rate the case now, in words for residents.
    static func notRateable(_ snapshot: CaseSnapshot) -> DomainError {
        if snapshot.state == .archived {
            return .conflict(code: "already_rated", message: "该案件已评价或已归档,感谢您的反馈")
        }
        if snapshot.satisfaction != nil {
            return .conflict(code: "already_rated", message: "您已评价,案件正在重新办理;办结后可再次评价")
        }
        return .conflict(code: "not_closed", message: "案件当前为“\(snapshot.state.chineseName)”,办结后才能评价")
    }
}
