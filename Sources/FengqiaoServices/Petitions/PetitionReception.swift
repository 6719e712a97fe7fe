import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Petition reception (信访接待): petition officers register letters, visits, calls and online petitions,
/// decide whether to accept them, answer them in writing and track reviews, under the statutory clocks of
/// `PetitionLimits`; whoever sees cases reads them inside their jurisdiction (outside answers 404).
///
/// Each petition opens a case in the engine through the engine's own opening (channel from the form), so an
/// accepted petition is dispatched, signed for, handled and verified in the existing workflow; 受理 accepts
/// that case (under the 信访 preset), 不予受理 / 不再受理 reject it, and the written reply closes it. Every
/// write is one transaction: the petition, the engine's events and projection, and the audit entries.
///
/// The statutory deadlines are computed when read (`PetitionTimeline`) from the instants recorded here and the
/// engine's business calendar; none is stored, so an edited holiday calendar moves them at once.
public struct PetitionReception: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    // MARK: Who may

    /// A person (never a machine) holding `receivePetitions`.
    static func requireOfficer(_ caller: Caller) throws(DomainError) -> Staff {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.receivePetitions) else { throw .forbidden(permission: .receivePetitions) }
        return staff
    }

    /// The officer as the engine sees them: petition decisions are the petition office's own (受理 is its
    /// statutory power), so an officer who belongs to the 信访局 department acts as centre staff, not as a
    /// department handling a dispatched part.
    static func engineStaff(_ staff: Staff) -> Staff {
        guard staff.departmentID != nil else { return staff }
        return Staff(accountID: staff.accountID, username: staff.username, displayName: staff.displayName,
                     role: staff.role, jurisdiction: staff.jurisdiction)
    }

    static func notFound() -> DomainError { .notFound(what: "该信访事项") }

    // MARK: Loading and saving

    /// Petition `id` if `staff` may see it (inside the jurisdiction), else 404.
    static func load(_ id: Int64, staff: Staff, in db: any SQLDatabase) async throws -> PetitionRecord {
        guard let record = try await PetitionRepository(db).find(id: id), staff.jurisdiction.contains(record.placeCode)
        else { throw notFound() }
        return record
    }

    /// Writes `record` (one version on), refusing when another transaction moved the petition first.
    static func save(_ record: PetitionRecord, now: Date, in db: any SQLDatabase) async throws -> PetitionRecord {
        var next = record
        next.version += 1
        next.updatedAt = now.millisecondsSince1970
        guard try await PetitionRepository(db).update(next) else {
            throw DomainError.conflict(code: "version_conflict", message: "该信访事项已被他人更新,请刷新后重试")
        }
        return next
    }

    /// Refuses unless the petition is in one of `states`.
    static func require(_ record: PetitionRecord, in states: [PetitionState], toDo action: String) throws(DomainError) {
        guard let state = PetitionState(rawValue: record.state), states.contains(state) else {
            let name = PetitionState(rawValue: record.state)?.chineseName ?? record.state
            throw .conflict(code: "petition_state", message: "该信访事项当前为“\(name)”,不能\(action)")
        }
    }

    /// The instants the petition's clocks come from.
    static func timeline(_ r: PetitionRecord) -> PetitionTimeline {
        func date(_ ms: Int64?) -> Date? { ms.map(Date.init(millisecondsSince1970:)) }
        return PetitionTimeline(
            receivedAt: Date(millisecondsSince1970: r.receivedAt), decision: r.decision.flatMap { PetitionDecision(rawValue: $0) },
            decidedAt: date(r.decidedAt), extensionDays: r.extensionState == "approved" ? r.extensionDays : nil,
            repliedAt: date(r.repliedAt), reviewRequestedAt: date(r.reviewRequestedAt),
            reviewDecidedAt: date(r.reviewDecidedAt), reReviewRequestedAt: date(r.reReviewRequestedAt),
            reReviewDecidedAt: date(r.reReviewDecidedAt))
    }

    // MARK: The engine

    /// What an engine command needs besides the case, read before the transaction.
    struct EngineSetting: Sendable {
        var now: Date
        var calendar: BusinessCalendar
        var policy: CasePolicy
        var kind: DatabaseKind
    }

    func engineSetting() async throws -> EngineSetting {
        EngineSetting(now: Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970),
                      calendar: try await platform.businessCalendar(), policy: try await platform.casePolicy(),
                      kind: platform.database.kind)
    }

    /// Runs `command` on the petition's engine case in the caller's transaction, as the workflow would for a
    /// request to the case API, audited as `case.<command>`; returns the case's snapshot after it.
    @discardableResult
    static func runEngine(
        _ command: CaseCommand, on record: PetitionRecord, caller: Caller, setting: EngineSetting, in db: any SQLDatabase
    ) async throws -> CaseSnapshot {
        let staff = engineStaff(caller.staff)
        let loaded = try await CaseEngine.load(record.caseNumber, staff: staff, in: db)
        guard let snapshot = loaded.snapshot else { throw CaseEventCodec.legacyHistory }
        let events = try CaseWorkflow.events(snapshot, command, by: .staff(staff), at: setting.now, policy: setting.policy)
        _ = try await CaseEngine.commit(
            events, to: loaded, snapshot: snapshot, now: setting.now, calendar: setting.calendar, policy: setting.policy,
            audit: AuditEntry(caller, action: "case.\(command.name.rawValue)", objectType: "case",
                              objectID: record.caseNumber),
            details: ["petition": record.id ?? 0], kind: setting.kind, in: db)
        return snapshot.applying(events)
    }

    /// The engine case's state, read in the caller's transaction.
    static func caseState(_ record: PetitionRecord, in db: any SQLDatabase) async throws -> CaseState? {
        try await CaseRepository(db).find(number: record.caseNumber).flatMap { CaseState(rawValue: $0.state) }
    }

    /// Appends the petition's own audit entry.
    static func audit(
        _ caller: Caller, action: String, _ record: PetitionRecord, _ details: [String: any Sendable] = [:], now: Date,
        kind: DatabaseKind, in db: any SQLDatabase
    ) async throws {
        try await AuditTrail.append(
            AuditEntry(caller, action: action, objectType: "petition", objectID: String(record.id ?? 0),
                       summary: AuditEntry.summary(details.merging(["case": record.caseNumber, "state": record.state]) { a, _ in a })),
            at: now.millisecondsSince1970, in: db, kind: kind)
    }
}
