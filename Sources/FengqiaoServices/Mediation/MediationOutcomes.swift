import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// How mediations end (issue 8 part 3) and what follows: the conclusion (调解成功 with an agreement,
/// 部分达成 with an agreement and the route of the rest, 调解不成 with the route and the reason), the
/// signed copy of the agreement, the follow-up of its performance, and its judicial confirmation
/// (hand-off to a court inside the 30-day window, the court's ruling). Holders of `mediate` write;
/// whoever sees cases reads and downloads the documents. Mediations are scoped as in `MediationCases`
/// (outside the jurisdiction "not found"); every write is one transaction with its audit entry.
public struct MediationOutcomes: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    // MARK: Reading

    /// How mediation `number` ended (conclusion and agreement nil while it is open).
    public func outcome(number: String, caller: Caller) async throws -> MediationOutcomeView {
        let staff = caller.staff
        try staff.require(.viewCases)
        let policy = try await platform.casePolicy()
        let calendar = try await platform.businessCalendar()
        let today = CivilDate(containing: platform.clock.now())
        return try await platform.database.read { db in
            let record = try await MediationCases.visible(number, staff: staff, in: db)
            return try await Self.view(record, today: today, calendar: calendar, policy: policy, in: db)
        }
    }

    // MARK: Conclusion

    /// Ends open mediation `number` with `submission`'s outcome, in one transaction: the mediation moves
    /// to succeeded / partial / failed, the conclusion and the agreement are written, and the linked case
    /// hears of it through the engine — 升级调处 escalates it one tier, every other ending adds an internal
    /// progress note. When the engine refuses (the case's state, tier or the top of the ladder), the
    /// whole conclusion is refused and nothing is written.
    @discardableResult
    public func conclude(number: String, _ submission: MediationConclusionSubmission, caller: Caller) async throws
        -> MediationOutcomeView
    {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .mediate) }
        try staff.require(.mediate)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let today = CivilDate(containing: now)
        let policy = try await platform.casePolicy()
        let calendar = try await platform.businessCalendar()
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let before = try await MediationCases.visible(number, staff: staff, in: db)
            try MediationCaseRules.requireOpen(MediationCaseState(rawValue: before.state) ?? .withdrawn, for: "办结调解")
            let conclusion = try submission.validate(today: today)
            let after = try await Self.record(conclusion, of: before, caller: caller, now: now, calendar: calendar,
                                              policy: policy, kind: kind, in: db)
            return try await Self.view(after, today: today, calendar: calendar, policy: policy, in: db)
        }
    }

    /// Writes `conclusion` of the open mediation `before` in the caller's transaction `db`: an agreement needs
    /// a 申请人 and a 被申请人 on the mediation (else the field error `parties`), the engine hears of it first
    /// (a refusal throws and writes nothing), then the mediation's state, the conclusion, the agreement and
    /// the audit entry. The demo records its concluded mediations through here too.
    static func record(
        _ conclusion: MediationConclusion, of before: MediationCaseRecord, caller: Caller, now: Date,
        calendar: BusinessCalendar, policy: CasePolicy, kind: DatabaseKind, in db: any SQLDatabase
    ) async throws -> MediationCaseRecord {
        let staff = caller.staff
        let nowMs = now.millisecondsSince1970
        let sides = try await MediationCaseRepository(db).parties(mediationId: before.id ?? 0)
            .compactMap { MediationPartySide(rawValue: $0.side) }
        try MediationCaseRules.requireParties(for: conclusion, sides: sides)
        let command = Self.engineCommand(conclusion, mediation: before.number)
        do {
            _ = try await CaseEngine.performForMediation(
                command, on: before.caseNumber, caller: caller, now: now, calendar: calendar, policy: policy,
                kind: kind, in: db)
        } catch let error as DomainError {
            throw Self.engineRefusal(error, caseNumber: before.caseNumber)
        }
        let reason = [conclusion.route?.chineseName, conclusion.note].compactMap { $0 }.joined(separator: ":")
        let after = try await MediationCases.move(before, to: conclusion.outcome.caseState,
                                                  reason: reason.isEmpty ? nil : reason, now: nowMs, in: db)
        let id = before.id ?? 0
        let repository = MediationOutcomeRepository(db)
        try await repository.insert(MediationConclusionRecord(
            mediationId: id, outcome: conclusion.outcome.rawValue, route: conclusion.route?.rawValue,
            note: conclusion.note, concludedBy: staff.username, concludedByAccount: staff.accountID, concludedAt: nowMs))
        var summary: [String: any Sendable] = [
            "outcome": conclusion.outcome.rawValue, "route": conclusion.route?.rawValue ?? "",
            "case": before.caseNumber, "engine": command.name.rawValue,
        ]
        if let agreement = conclusion.agreement {
            let terms = String(decoding: try JSONEncoder().encode(agreement.terms), as: UTF8.self)
            _ = try await repository.insert(MediationAgreementRecord(
                mediationId: id, facts: agreement.facts, terms: terms, totalFen: agreement.totalFen,
                performanceMethod: agreement.performanceMethod.rawValue,
                performanceDeadline: agreement.performanceDeadline.description,
                concludedOn: agreement.concludedOn.description, performanceState: AgreementPerformance.pending.rawValue,
                confirmationState: JudicialConfirmationState.notRequested.rawValue, createdAt: nowMs, updatedAt: nowMs))
            summary["terms"] = agreement.terms.count
            summary["totalFen"] = agreement.totalFen
            summary["deadline"] = agreement.performanceDeadline.description
        }
        try await AuditTrail.append(
            AuditEntry(caller, action: "mediation_case.conclude", objectType: "mediation_case", objectID: before.number,
                       summary: AuditEntry.summary(summary)),
            at: nowMs, in: db, kind: kind)
        return after
    }

    /// What the linked case hears of the conclusion: 升级调处 escalates it, anything else is an internal note.
    static func engineCommand(_ conclusion: MediationConclusion, mediation number: String) -> CaseCommand {
        var text = "\(conclusion.outcome.chineseName)(调解案件\(number))"
        if let agreement = conclusion.agreement {
            text += ":达成调解协议\(agreement.terms.count)项"
            if agreement.totalFen > 0 { text += ",涉及金额\(MoneyText.yuan(agreement.totalFen))元" }
            text += ",\(agreement.performanceMethod.chineseName),履行期限\(agreement.performanceDeadline)"
        }
        if let route = conclusion.route { text += ";后续途径:\(route.chineseName)" }
        if let note = conclusion.note { text += ";" + (conclusion.outcome == .succeeded ? "" : "未化解事项及原因:") + note }
        if conclusion.route == .escalation { return .escalate(reason: String(text.prefix(500))) }
        return .addProgress(note: String(text.prefix(2000)), isPublic: false)
    }

    /// The engine's refusal, told as the linked case's.
    static func engineRefusal(_ error: DomainError, caseNumber: String) -> DomainError {
        switch error {
        case .conflict(let code, let message):
            return .conflict(code: code, message: "关联案件\(caseNumber):\(message),不能办结调解")
        case .validation(let fields):
            return .conflict(code: "case_refused",
                             message: "关联案件\(caseNumber):" + fields.map(\.message).joined(separator: ";"))
        case .notFound:
            return .conflict(code: "case_not_visible", message: "关联案件\(caseNumber)不在您的辖区内,不能办结调解")
        default:
            return error
        }
    }

    // MARK: Helpers

    static let noAgreement = DomainError.conflict(code: "no_agreement", message: "该调解案件没有调解协议(未调解成功或尚未办结)")

    /// The agreement of `record`, or "no agreement".
    static func agreement(of record: MediationCaseRecord, in db: any SQLDatabase) async throws -> MediationAgreementRecord {
        guard let agreement = try await MediationOutcomeRepository(db).agreement(mediationId: record.id ?? 0) else {
            throw noAgreement
        }
        return agreement
    }

    /// Writes `after` over `before`, checking the version.
    static func save(_ after: MediationAgreementRecord, over before: MediationAgreementRecord, now: Int64,
                     in db: any SQLDatabase) async throws -> MediationAgreementRecord {
        var after = after
        after.updatedAt = now
        guard try await MediationOutcomeRepository(db).update(after, expectedVersion: before.version) else {
            throw MediationCases.versionConflict
        }
        after.version = before.version + 1
        return after
    }

    static func view(_ record: MediationCaseRecord, today: CivilDate, calendar: BusinessCalendar, policy: CasePolicy,
                     in db: any SQLDatabase) async throws -> MediationOutcomeView {
        let repository = MediationOutcomeRepository(db)
        let id = record.id ?? 0
        let linked = try await MediationCases.linkedCase(record, policy: policy, in: db)
        let state = MediationCaseState(rawValue: record.state)
        return MediationOutcomeView(
            number: record.number, state: record.state, stateName: state?.chineseName ?? record.state,
            caseNumber: linked.number, caseState: linked.state, caseStateName: linked.stateName, caseTier: linked.tier,
            caseTierName: linked.tierName,
            conclusion: try await repository.conclusion(mediationId: id).map(MediationOutcomeView.conclusion),
            agreement: try await repository.agreement(mediationId: id).map {
                MediationOutcomeView.agreement($0, mediationNumber: record.number, today: today, calendar: calendar)
            })
    }
}
