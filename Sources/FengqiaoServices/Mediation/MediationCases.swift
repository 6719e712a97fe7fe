import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Mediation cases (调解案件): opened directly, from a case (转调解) or by a 六调联动 partner; every one
/// is linked to exactly one case of the engine, which carries it on the mediation ladder. Holders of
/// `manageMediation` open and assign; holders of `mediate` hold sessions and refer; whoever sees cases
/// reads. Everything is scoped by the dispute's area: outside the jurisdiction a mediation is "not found"
/// (department staff, who work through their department's cases, see none). Every write is one
/// transaction with its audit entry.
public struct MediationCases: Sendable {
    let platform: Platform

    public static let listLimit = 500

    public init(platform: Platform) { self.platform = platform }

    static let notFound = DomainError.notFound(what: "该调解案件")

    // MARK: Reading

    /// The mediations in the jurisdiction (or in `state` only), newest first.
    public func list(state: String? = nil, caller: Caller) async throws -> [MediationCaseListItem] {
        try await page(state: state, afterId: nil, limit: Self.listLimit, caller: caller).mediations
    }

    /// A page of the mediations in the jurisdiction (or in `state` only), newest first, keyset-paged by id:
    /// `afterId` is the previous page's `nextId` (the last row's id), nil for the first page.
    public func page(state: String? = nil, afterId: Int64?, limit: Int, caller: Caller) async throws -> MediationCasePage {
        let staff = caller.staff
        try staff.require(.viewCases)
        guard (1...Self.listLimit).contains(limit) else {
            throw DomainError.validation([FieldError(field: "limit", code: "out_of_range", message: "每页条数须在1到\(Self.listLimit)之间")])
        }
        guard Self.seesMediations(staff) else { return MediationCasePage(mediations: [], nextId: nil) }
        var filter: [String]?
        if let state, !state.isEmpty {
            guard let parsed = MediationCaseState(rawValue: state) else {
                throw DomainError.validation([FieldError(field: "state", code: "unknown", message: "没有这种调解状态")])
            }
            filter = [parsed.rawValue]
        }
        let states = filter
        let atlas = try await platform.areaAtlas()
        let now = platform.clock.now().millisecondsSince1970
        return try await platform.database.read { db in
            let repository = MediationCaseRepository(db)
            let records = try await repository.list(areaFrom: staff.jurisdiction.prefix, below: staff.jurisdiction.upperBound,
                                                    states: states, limit: limit, beforeId: afterId)
            let next = try await repository.nextPlanned(mediationIds: records.compactMap(\.id), from: now)
            let organizations = try await repository.organizationNames(records.map(\.organizationId))
            let mediators = try await repository.mediatorNames(records.compactMap(\.mediatorId))
            let items = records.map { r in
                let state = MediationCaseState(rawValue: r.state)
                return MediationCaseListItem(
                    number: r.number, caseNumber: r.caseNumber, state: r.state, stateName: state?.chineseName ?? r.state,
                    specialtyName: MediationSpecialty(rawValue: r.specialty)?.chineseName ?? r.specialty,
                    areaCode: r.areaCode, areaName: atlas.node(r.areaCode)?.name,
                    organizationName: organizations[r.organizationId], mediatorId: r.mediatorId,
                    mediatorName: r.mediatorId.flatMap { mediators[$0] }, amountYuan: MoneyText.plain(r.amountFen),
                    openedAt: Date(millisecondsSince1970: r.createdAt),
                    nextSession: r.id.flatMap { next[$0] }.map { Date(millisecondsSince1970: $0) })
            }
            return MediationCasePage(mediations: items, nextId: records.count == limit ? records.last?.id : nil)
        }
    }

    /// Mediation `number` with its parties (masked), sessions, referrals and case.
    public func view(number: String, caller: Caller) async throws -> MediationCaseView {
        let staff = caller.staff
        try staff.require(.viewCases)
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let now = platform.clock.now().millisecondsSince1970
        return try await platform.database.read { db in
            let record = try await Self.visible(number, staff: staff, in: db)
            return try await Self.view(record, atlas: atlas, policy: policy, now: now, in: db)
        }
    }

    /// The mediations of case `caseNumber` (any state), oldest first; the case must be visible.
    public func mediations(ofCase caseNumber: String, caller: Caller) async throws -> [MediationCaseListItem] {
        let staff = caller.staff
        try staff.require(.viewCases)
        let numbers = try await platform.database.read { db in
            let (_, id, _) = try await CaseEngine.snapshotForMediation(caseNumber, staff: Self.acting(caller).staff, in: db)
            return try await MediationCaseRepository(db).mediations(caseId: id).map(\.number)
        }
        guard !numbers.isEmpty else { return [] }
        let listed = try await list(caller: caller)
        return numbers.compactMap { number in listed.first { $0.number == number } }
    }

    // MARK: Assignment and withdrawal

    /// Assigns (or reassigns) mediator `mediatorId`, who must be active and inside the jurisdiction; the
    /// mediation moves to their organisation.
    @discardableResult
    public func assign(number: String, mediatorId: Int64?, caller: Caller) async throws -> MediationCaseView {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .manageMediation) }
        try staff.require(.manageMediation)
        guard let mediatorId else { throw DomainError.validation([.required("mediatorId", label: "调解员")]) }
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let before = try await Self.visible(number, staff: staff, in: db)
            try MediationCaseRules.requireOpen(MediationCaseState(rawValue: before.state) ?? .withdrawn, for: "指派调解员")
            let mediator = try await Self.assignable(mediatorId, staff: staff, in: db)
            var after = before
            after.mediatorId = mediatorId
            after.organizationId = mediator.organizationId
            after.updatedAt = now
            guard after != before else { return try await Self.view(before, atlas: atlas, policy: policy, now: now, in: db) }
            guard try await MediationCaseRepository(db).update(after, expectedVersion: before.version) else {
                throw Self.versionConflict
            }
            after.version = before.version + 1
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_case.assign", objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary([
                               "before": ["mediator": before.mediatorId ?? 0, "organization": before.organizationId],
                               "after": ["mediator": mediatorId, "organization": mediator.organizationId],
                           ])),
                at: now, in: db, kind: kind)
            return try await Self.view(after, atlas: atlas, policy: policy, now: now, in: db)
        }
    }

    /// Ends mediation `number` because the parties withdrew (撤回); the case stays as it is and may be
    /// mediated again.
    @discardableResult
    public func withdraw(number: String, reason: String?, caller: Caller) async throws -> MediationCaseView {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.mediate) || staff.may(.manageMediation) else {
            throw DomainError.forbidden(permission: .mediate)
        }
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let before = try await Self.visible(number, staff: staff, in: db)
            let reason = try MediationCaseRules.withdrawalReason(reason)
            let state = try MediationCaseRules.afterWithdrawal(MediationCaseState(rawValue: before.state) ?? .withdrawn)
            let after = try await Self.move(before, to: state, reason: reason, now: now, in: db)
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_case.withdraw", objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary(["from": before.state, "reason": reason])),
                at: now, in: db, kind: kind)
            return try await Self.view(after, atlas: atlas, policy: policy, now: now, in: db)
        }
    }

    // MARK: Helpers

    static let versionConflict = DomainError.conflict(code: "version_conflict", message: "调解案件已被他人更新,请刷新后重试")

    /// Moves `record` to `state` (an ended state releases the case for another mediation), checking its version.
    static func move(_ record: MediationCaseRecord, to state: MediationCaseState, reason: String?, now: Int64,
                     in db: any SQLDatabase) async throws -> MediationCaseRecord {
        var after = record
        after.state = state.rawValue
        after.stateReason = reason ?? record.stateReason
        after.updatedAt = now
        if !state.isOpen {
            after.openCaseId = nil
            after.closedAt = now
        }
        guard try await MediationCaseRepository(db).update(after, expectedVersion: record.version) else { throw versionConflict }
        after.version = record.version + 1
        return after
    }

    /// Whether `staff` sees mediations at all: staff of a centre or grid, and department staff who mediate
    /// or keep the registry (a 司法所 mediator); other department staff work through their cases.
    static func seesMediations(_ staff: Staff) -> Bool {
        staff.departmentID == nil || staff.may(.mediate) || staff.may(.manageMediation)
    }

    /// Who acts on the case for a mediation: a mediator stationed in a department (司法所) mediates for the
    /// centre, not for their department's dispatches, so the case engine sees them without the department.
    static func acting(_ caller: Caller) -> Caller {
        let staff = caller.staff
        guard let _ = staff.departmentID, !staff.isMachine, staff.may(.mediate) || staff.may(.manageMediation) else {
            return caller
        }
        return Caller(staff: Staff(accountID: staff.accountID, username: staff.username, displayName: staff.displayName,
                                   role: staff.role, jurisdiction: staff.jurisdiction),
                      ip: caller.ip)
    }

    /// Mediation `number` if `staff` may see it: its area inside the jurisdiction (see `seesMediations`).
    static func visible(_ number: String, staff: Staff, in db: any SQLDatabase) async throws -> MediationCaseRecord {
        guard seesMediations(staff), let record = try await MediationCaseRepository(db).find(number: number),
              staff.jurisdiction.contains(record.areaCode)
        else { throw notFound }
        return record
    }

    /// Mediator `id` if they may take a mediation from `staff`: active, inside the jurisdiction (else the
    /// field error `mediatorId`).
    static func assignable(_ id: Int64, staff: Staff, in db: any SQLDatabase) async throws -> MediatorRecord {
        guard let mediator = try await MediationRepository(db).mediator(id: id), staff.jurisdiction.contains(mediator.areaCode)
        else {
            throw DomainError.validation([FieldError(field: "mediatorId", code: "unknown", message: "辖区内没有该调解员")])
        }
        guard mediator.active == 1 else {
            throw DomainError.validation([FieldError(field: "mediatorId", code: "inactive", message: "该调解员已停用,不能指派")])
        }
        return mediator
    }
}
