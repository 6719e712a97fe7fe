import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The grid worker app's (网格通) field work: the worker's profile and task list, on-site verification of
/// handled cases (核查), visits (走访), patrols (巡查) and quick corrections of residents. Everything is for
/// people who report from the field (`handleCases`, no department, never a token) and stays on the worker's
/// own grids: those where they hold a post or, holding none, the grids of their jurisdiction. A grid
/// elsewhere answers as one that does not exist. Work sent with an `Idempotency-Key` is done once.
public struct FieldWork: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// At most this many of the worker's grids, visits, patrols or tasks in one answer.
    public static let listLimit = 50

    static func requireFieldStaff(_ caller: Caller) throws(DomainError) { try FieldWorkAccess.require(caller) }

    public func profile(caller: Caller) async throws -> FieldProfile {
        try Self.requireFieldStaff(caller)
        let staff = caller.staff
        let grids = try await platform.database.read { db -> [FieldProfile.Grid] in
            let rows = FieldWorkRepository(db)
            let own = try await GridPostRepository(db).gridCodes(accountId: staff.accountID)
                .filter { staff.jurisdiction.contains($0) }
            if own.isEmpty {
                return try await rows.grids(prefix: staff.jurisdiction.prefix, limit: Self.listLimit)
                    .map { FieldProfile.Grid(code: $0.code, name: $0.name) }
            }
            let names = try await rows.gridNames(own)
            return own.map { FieldProfile.Grid(code: $0, name: names[$0] ?? $0) }
        }
        let tree = try await CaseCategories(platform: platform).publicTree()
        let categories = tree.kinds.flatMap { branch in
            branch.categories.map { PatrolChecklist.Item(code: $0.code, name: branch.name + " · " + $0.name) }
        }
        return FieldProfile(
            username: staff.username, displayName: staff.displayName, roleName: staff.role.chineseName, grids: grids,
            checklist: PatrolChecklist.standard,
            subjectKinds: VisitSubjectKind.allCases.map { PatrolChecklist.Item(code: $0.rawValue, name: $0.chineseName) },
            categories: categories)
    }

    /// The open cases waiting on the worker (我的待办: for a post holder every open case of their grids),
    /// those handled and waiting for on-site verification first.
    public func tasks(caller: Caller) async throws -> [FieldTask] {
        try Self.requireFieldStaff(caller)
        let page = try await CaseWorklists(platform: platform).page(.mine, limit: Self.listLimit, caller: caller)
        let tasks = page.cases.map(FieldTask.init)
        return tasks.filter(\.needsVerification) + tasks.filter { !$0.needsVerification }
    }

    /// 核查 on site: the case engine's verify command, once per key.
    public func verify(
        caseNumber: String, pass: Bool?, reason: String?, idempotencyKey: String?, caller: Caller
    ) async throws -> CaseView {
        try Self.requireFieldStaff(caller)
        var body = CaseCommandBody()
        body.pass = pass
        body.reason = reason
        return try await CaseEngine(platform: platform).perform(
            CaseCommandRequest(name: .verify, body: body), caseNumber: caseNumber, idempotencyKey: idempotencyKey,
            caller: caller)
    }

    /// The grid `position` names or lies in, if it is one of the worker's; else the field error that makes a
    /// grid elsewhere look like one that does not exist.
    func ownGrid(_ position: FieldPosition, caller: Caller) async throws -> String {
        let staff = caller.staff
        let atlas = try await platform.areaAtlas()
        let ownGrids = try await platform.database.read { try await GridPostRepository($0).gridCodes(accountId: staff.accountID) }
        if let code = position.gridCode {
            guard let node = atlas.node(code), node.level >= .grid, GridReports.owns(code, staff: staff, ownGrids: ownGrids)
            else { throw DomainError.validation([FieldError(field: "gridCode", code: "unknown", message: "辖区内没有该网格")]) }
            return code
        }
        guard let point = position.location, let grid = atlas.locate(point)?.filing.gridCode else {
            throw DomainError.validation([FieldError(field: "location", code: "no_grid", message: "该位置不在任何网格内")])
        }
        guard GridReports.owns(grid, staff: staff, ownGrids: ownGrids) else {
            throw DomainError.validation([FieldError(field: "location", code: "outside_grid", message: "该位置不在您负责的网格内")])
        }
        return grid
    }

    /// Records a visit (走访) on one of the worker's grids; a person named by id must be one the worker sees.
    public func recordVisit(_ submission: VisitSubmission, idempotencyKey: String?, caller: Caller) async throws -> VisitView {
        try Self.requireFieldStaff(caller)
        let now = platform.clock.now()
        let visit = try submission.validate(today: CivilDate(containing: now))
        let grid = try await ownGrid(visit.position, caller: caller)
        let nowMs = now.millisecondsSince1970
        let kind = platform.database.kind
        let staff = caller.staff
        return try await FieldReceipts(platform: platform).once(
            key: idempotencyKey, fingerprint: try FieldReceipts.fingerprint("visit", submission), caller: caller
        ) { db in
            if let personId = visit.personId {
                let person = try await PeopleRepository(db, kind: kind).find(id: personId)
                guard let person, staff.jurisdiction.contains(person.gridCode) else {
                    throw DomainError.validation([FieldError(field: "personId", code: "unknown", message: "辖区内没有该人员")])
                }
            }
            var record = VisitRecord(
                accountId: staff.accountID, gridCode: grid, subjectKind: visit.kind.rawValue, subject: visit.subject,
                personId: visit.personId, latitude: visit.position.location?.latitude,
                longitude: visit.position.location?.longitude, visitedOn: visit.visitedOn.description, notes: visit.notes,
                findings: visit.findings, createdAt: nowMs)
            record.id = try await FieldWorkRepository(db).insert(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: "visit.record", objectType: "visit", objectID: String(record.id ?? 0),
                           summary: AuditEntry.summary(["grid": grid, "kind": visit.kind.rawValue,
                                                        "visitedOn": visit.visitedOn.description])),
                at: nowMs, in: db, kind: kind)
            return VisitView(record)
        }
    }

    /// The worker's latest visits, newest first.
    public func visits(caller: Caller) async throws -> [VisitView] {
        try Self.requireFieldStaff(caller)
        let rows = try await platform.database.read {
            try await FieldWorkRepository($0).visits(accountId: caller.staff.accountID, limit: Self.listLimit)
        }
        return rows.map(VisitView.init)
    }

    /// A quick correction of a resident the worker sees (a new phone, care tags added).
    public func updatePerson(
        id: Int64, _ update: PersonQuickUpdate, idempotencyKey: String?, caller: Caller
    ) async throws -> PersonView {
        try Self.requireFieldStaff(caller)
        try caller.staff.require(.editBaseData)
        let checked = try update.validate(permissions: caller.staff.permissions)
        let kind = platform.database.kind
        let cipher = platform.cipher
        let nowMs = platform.clock.now().millisecondsSince1970
        let staff = caller.staff
        let exists = try await platform.database.read { try await PeopleRepository($0, kind: kind).find(id: id) }
        guard let exists, staff.jurisdiction.contains(exists.gridCode) else { throw DomainError.notFound(what: "该人员") }
        let sealedPhone = try checked.phone.map { (cipher: try cipher.seal($0.rawValue), masked: $0.masked) }
        let view: FieldPersonAnswer = try await FieldReceipts(platform: platform).once(
            key: idempotencyKey, fingerprint: try FieldReceipts.fingerprint("person-update \(id)", update), caller: caller
        ) { db in
            let people = PeopleRepository(db, kind: kind)
            guard var record = try await people.find(id: id), staff.jurisdiction.contains(record.gridCode) else {
                throw DomainError.notFound(what: "该人员")
            }
            let before = (phone: record.phoneMasked ?? "", tags: record.tags)
            if let sealedPhone {
                record.phoneCipher = sealedPhone.cipher
                record.phoneMasked = sealedPhone.masked
            }
            var names = record.tags.split(separator: ",").map(String.init)
            for tag in checked.tags where !names.contains(tag.chineseName) { names.append(tag.chineseName) }
            record.tags = names.joined(separator: ",")
            try await people.update(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: "person.quick_update", objectType: "person", objectID: String(id),
                           summary: AuditEntry.summary([
                               "phoneBefore": before.phone, "phoneAfter": record.phoneMasked ?? "",
                               "tagsAdded": checked.tags.map(\.chineseName).joined(separator: ","),
                           ])),
                at: nowMs, in: db, kind: kind)
            return FieldPersonAnswer(id: id)
        }
        return try await ResidentRegistry(platform: platform).person(id: view.id, caller: caller)
    }
}
