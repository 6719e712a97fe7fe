import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Risk warnings for staff (分析研判): the list and page of the warnings filed inside the caller's jurisdiction, the
/// lifecycle (a supervisor assigns an owner, the owner handles it, it closes with the measures taken — each step
/// audited), and the rule books areas set for themselves.
public struct RiskWarnings: Sendable {
    let platform: Platform
    public static let pageSize = 50

    public init(platform: Platform) { self.platform = platform }

    /// Who sees warnings: centre operators, dispatchers, leaders, mediators and petition officers — not department
    /// or grid staff, whose case views are narrower than the situations warnings describe.
    public static func mayView(_ staff: Staff) -> Bool {
        staff.may(.viewCases)
            && [Permission.superviseCases, .acceptCases, .mediate, .receivePetitions].contains(where: staff.may)
    }

    static func requireView(_ staff: Staff) throws {
        guard mayView(staff) else { throw DomainError.forbidden(permission: .superviseCases) }
    }

    public func list(_ filter: RiskWarningFilter, caller: Caller) async throws -> RiskWarningPage {
        let staff = caller.staff
        try Self.requireView(staff)
        let problems = filter.problems()
        guard problems.isEmpty else { throw DomainError.validation(problems) }
        let scope = try staff.scope(filter.area)
        let atlas = try await platform.areaAtlas()
        let limit = Self.pageSize
        return try await platform.database.read { db in
            let repository = RiskRepository(db)
            let rows = try await repository.list(
                prefix: scope.prefix, state: filter.state, level: filter.level, rule: filter.rule,
                before: filter.before.flatMap { Int64($0) }, limit: limit + 1)
            let page = Array(rows.prefix(limit))
            let counts = try await repository.openCounts(prefix: scope.prefix)
            return RiskWarningPage(
                items: page.map { row in
                    RiskWarningPage.Item(
                        number: row.number, rule: RiskRuleKind(rawValue: row.rule) ?? .cluster,
                        level: RiskLevel(rawValue: row.level) ?? .blue, state: RiskWarningState(rawValue: row.state) ?? .new,
                        areaName: atlas.node(row.areaCode)?.name ?? row.areaCode, summary: row.summary,
                        ownerName: row.ownerName, caseCount: row.caseCount, raisedAt: row.raisedAt)
                },
                openByLevel: Dictionary(uniqueKeysWithValues: RiskLevel.allCases.map { ($0, counts[$0.rawValue] ?? 0) }),
                next: rows.count > limit ? page.last?.id.map(String.init) : nil)
        }
    }

    /// The open warnings filed inside `area` (the jurisdiction when nil) by level, for the dashboard; nil for those
    /// who do not see warnings.
    public func openByLevel(area: String?, caller: Caller) async throws -> [RiskLevel: Int]? {
        guard Self.mayView(caller.staff) else { return nil }
        let prefix = try caller.staff.scope(area).prefix
        let counts = try await platform.database.read { try await RiskRepository($0).openCounts(prefix: prefix) }
        return Dictionary(uniqueKeysWithValues: RiskLevel.allCases.map { ($0, counts[$0.rawValue] ?? 0) })
    }

    public func view(_ number: String, caller: Caller) async throws -> RiskWarningView {
        try Self.requireView(caller.staff)
        let atlas = try await platform.areaAtlas()
        let names = try await categoryNames()
        return try await platform.database.read { db in
            let record = try await Self.visible(number, staff: caller.staff, in: db)
            return try await Self.view(record, caller: caller, atlas: atlas, categoryNames: names, in: db)
        }
    }

    /// Assigns, starts handling or closes warning `number`: a supervisor (督办权限) does any of them inside the
    /// jurisdiction, the owner starts and closes their own.
    public func perform(_ command: RiskWarningCommand, on number: String, caller: Caller) async throws -> RiskWarningView {
        let staff = caller.staff
        try Self.requireView(staff)
        let atlas = try await platform.areaAtlas()
        let names = try await categoryNames()
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let repository = RiskRepository(db)
            // A supervisor acts on any warning inside the jurisdiction; anyone else only on one they own (start, close).
            let supervises = staff.may(.superviseCases)
            if case .assign = command, !supervises { throw DomainError.forbidden(permission: .superviseCases) }
            var record: RiskWarningRecord
            if supervises {
                record = try await Self.visible(number, staff: staff, in: db)
            } else {
                guard let owned = try await repository.find(number: number), owned.ownerId == staff.accountID, !staff.isMachine
                else { throw DomainError.forbidden(permission: .superviseCases) }
                record = owned
            }
            let state = RiskWarningState(rawValue: record.state) ?? .new
            let isOwner = record.ownerId == staff.accountID && !staff.isMachine
            let next = try command.next(from: state, isOwner: isOwner)
            let action: String
            let note: String
            switch command {
            case .assign(let ownerId):
                guard let owner = try await Self.owners(for: record, staff: staff, atlas: atlas, in: db).first(where: { $0.id == ownerId })
                else {
                    throw DomainError.validation([FieldError(
                        field: "ownerId", code: "invalid_choice", message: "责任人须为本辖区内可处置预警的在岗人员")])
                }
                record.ownerId = owner.id
                record.ownerName = owner.name
                action = "risk_warning.assign"
                note = "指派给\(owner.name)(\(owner.roleName))"
            case .startHandling:
                action = "risk_warning.handle"
                note = "开始处置"
            case .close(let measures):
                record.measuresTaken = measures.trimmingCharacters(in: .whitespacesAndNewlines)
                record.closedAt = now
                action = "risk_warning.close"
                note = record.measuresTaken ?? ""
            }
            record.state = next.rawValue
            record.updatedAt = now
            try await repository.update(record)
            guard let id = record.id else { throw DomainError.notFound(what: "预警") }
            try await repository.append(RiskWarningEventRecord(
                warningId: id, kind: next.rawValue, level: record.level, actorName: staff.displayName, note: note, at: now))
            try await AuditTrail.append(
                AuditEntry(caller, action: action, objectType: "risk_warning", objectID: record.number,
                           summary: AuditEntry.summary(["state": next.rawValue, "owner": record.ownerId ?? 0])),
                at: now, in: db, kind: kind)
            return try await Self.view(record, caller: caller, atlas: atlas, categoryNames: names, in: db)
        }
    }

    /// The warning `number` if it is filed inside the jurisdiction, else "not found".
    static func visible(_ number: String, staff: Staff, in db: any SQLDatabase) async throws -> RiskWarningRecord {
        guard number.count <= 32, let record = try await RiskRepository(db).find(number: number),
              staff.jurisdiction.contains(record.areaCode)
        else { throw DomainError.notFound(what: "预警") }
        return record
    }

    /// Active accounts at the warning's area or above it, inside the assigner's jurisdiction, that may see warnings.
    static func owners(
        for record: RiskWarningRecord, staff: Staff, atlas: AreaAtlas, in db: any SQLDatabase
    ) async throws -> [RiskWarningView.Owner] {
        let codes = (atlas.path(to: record.areaCode)?.nodes.map(\.code) ?? [record.areaCode]).filter(staff.jurisdiction.contains)
        return try await AccountRepository(db).active(inAreas: codes).compactMap { account in
            guard let id = account.id, let person = Authentication.staff(of: account), mayView(person) else { return nil }
            return RiskWarningView.Owner(id: id, name: account.displayName, roleName: person.role.chineseName)
        }
    }

    static func view(
        _ record: RiskWarningRecord, caller: Caller, atlas: AreaAtlas, categoryNames: [String: String], in db: any SQLDatabase
    ) async throws -> RiskWarningView {
        let repository = RiskRepository(db)
        guard let id = record.id else { throw DomainError.notFound(what: "预警") }
        let staff = caller.staff
        let state = RiskWarningState(rawValue: record.state) ?? .new
        let isOwner = record.ownerId == staff.accountID && !staff.isMachine
        let supervises = staff.may(.superviseCases)
        let measures = (try? JSONDecoder().decode([RiskMeasure].self, from: Data(record.measures.utf8))) ?? []
        return RiskWarningView(
            number: record.number, rule: RiskRuleKind(rawValue: record.rule) ?? .cluster,
            level: RiskLevel(rawValue: record.level) ?? .blue, state: state, areaCode: record.areaCode,
            areaName: atlas.node(record.areaCode)?.name ?? record.areaCode, summary: record.summary, measures: measures,
            ownerId: record.ownerId, ownerName: record.ownerName, measuresTaken: record.measuresTaken,
            caseCount: record.caseCount, raisedAt: record.raisedAt, updatedAt: record.updatedAt, closedAt: record.closedAt,
            cases: try await repository.cases(warningId: id).map { row in
                RiskWarningView.Case(
                    number: row.number, state: row.state, stateName: CaseState(rawValue: row.state)?.chineseName ?? row.state,
                    categoryName: categoryNames[row.category] ?? row.category,
                    areaName: atlas.node(row.areaCode)?.name ?? row.areaCode, reportedAt: row.reportedAt)
            },
            history: try await repository.events(warningId: id).map { event in
                RiskWarningView.Step(
                    kind: event.kind, levelName: RiskLevel(rawValue: event.level)?.chineseName ?? event.level,
                    actorName: event.actorName, note: event.note, at: event.at)
            },
            mayAssign: state.isOpen && supervises, mayStartHandling: state == .assigned && isOwner,
            mayClose: state.isOpen && (supervises || isOwner),
            owners: state.isOpen && supervises ? try await owners(for: record, staff: staff, atlas: atlas, in: db) : [])
    }

    func categoryNames() async throws -> [String: String] { try await CaseCategories(platform: platform).names() }
}
