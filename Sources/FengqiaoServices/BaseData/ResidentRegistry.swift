import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Residents (实有人口): registering and correcting them, reading them masked, revealing their
/// identifiers (a permission, and an audit event every time), paging and searching, always inside
/// the caller's jurisdiction.
public struct ResidentRegistry: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func register(_ submission: ResidentSubmission, caller: Caller) async throws -> PersonView {
        try caller.staff.require(.editBaseData)
        let resident = try submission.validate()
        try await requireGrid(resident.gridCode, caller)
        let record = try seal(resident, id: nil)
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let stored = try await platform.database.write { db in
            var record = record
            record.createdAt = nowMs
            let people = PeopleRepository(db, kind: kind)
            record.householdId = try await people.household(
                gridCode: record.gridCode, address: record.address, dwellingUse: DwellingUse.ownerOccupied.rawValue, at: nowMs)
            do { record.id = try await people.insert(record) } catch StoreError.duplicate { throw Self.duplicate }
            try await AuditTrail.append(
                AuditEntry(caller, action: "person.create", objectType: "person", objectID: String(record.id ?? 0),
                           summary: Self.summary(record)), at: nowMs, in: db, kind: kind)
            return record
        }
        return PersonView(stored, permissions: caller.staff.permissions)
    }

    public func update(id: Int64, with submission: ResidentSubmission, caller: Caller) async throws -> PersonView {
        try caller.staff.require(.editBaseData)
        let resident = try submission.validate()
        try await requireGrid(resident.gridCode, caller)
        let existing = try await visibleRecord(id, caller)
        var sealed = try seal(resident, id: id)
        sealed.createdAt = existing.createdAt
        sealed.householdId = existing.address == sealed.address && existing.gridCode == sealed.gridCode ? existing.householdId : nil
        let record = sealed
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let stored = try await platform.database.write { db in
            var record = record
            let people = PeopleRepository(db, kind: kind)
            if record.householdId == nil {
                record.householdId = try await people.household(
                    gridCode: record.gridCode, address: record.address, dwellingUse: DwellingUse.ownerOccupied.rawValue,
                    at: nowMs)
            }
            do { try await people.update(record) } catch StoreError.duplicate { throw Self.duplicate }
            try await AuditTrail.append(
                AuditEntry(caller, action: "person.update", objectType: "person", objectID: String(id),
                           summary: #"{"before":\#(Self.summary(existing)),"after":\#(Self.summary(record))}"#),
                at: nowMs, in: db, kind: kind)
            return record
        }
        return PersonView(stored, permissions: caller.staff.permissions)
    }

    public func person(id: Int64, caller: Caller) async throws -> PersonView {
        try caller.staff.require(.viewBaseData)
        return PersonView(try await visibleRecord(id, caller), permissions: caller.staff.permissions)
    }

    /// The unmasked ID number and phone; recorded in the audit log before they are returned.
    public func reveal(id: Int64, caller: Caller) async throws -> RevealedIdentifiers {
        try caller.staff.require(.revealIdentifiers)
        let record = try await visibleRecord(id, caller)
        let revealed = RevealedIdentifiers(
            idNumber: try platform.cipher.open(record.idNumberCipher),
            phone: try record.phoneCipher.map { try platform.cipher.open($0) })
        let nowMs = platform.clock.now().millisecondsSince1970
        try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: "person.reveal", objectType: "person", objectID: String(id),
                           summary: #"{"fields":["idNumber","phone"]}"#),
                at: nowMs, in: db, kind: platform.database.kind)
        }
        return revealed
    }

    /// People inside `areaCode` (the caller's own area when nil), a page at a time.
    public func page(areaCode: String?, cursor: String?, limit: Int = 50, caller: Caller) async throws -> PeoplePage {
        try caller.staff.require(.viewBaseData)
        let prefix = try caller.staff.scope(areaCode).prefix
        let after = try cursor.map(Self.parseCursor)
        let size = min(max(limit, 1), 500)
        let rows = try await platform.database.read { db in
            try await PeopleRepository(db, kind: platform.database.kind).page(prefix: prefix, after: after, limit: size)
        }
        let next = rows.count == size ? rows.last.map { "\($0.gridCode).\($0.id ?? 0)" } : nil
        return PeoplePage(people: rows.map { PersonView($0, permissions: caller.staff.permissions) }, next: next)
    }

    /// People inside the caller's area whose name or address contains `term` (names starting with
    /// it for one- or two-character terms).
    public func search(_ term: String, areaCode: String? = nil, limit: Int = 50, caller: Caller) async throws -> [PersonView] {
        try caller.staff.require(.viewBaseData)
        let prefix = try caller.staff.scope(areaCode).prefix
        let kind = platform.database.kind
        let rows = try await platform.database.read { db in
            let ids = try await BaseDataSearch.ids(in: "people", matching: term, prefix: prefix, limit: min(max(limit, 1), 200),
                                                   on: db, kind: kind)
            return try await PeopleRepository(db, kind: kind).find(ids: ids)
        }
        return rows.map { PersonView($0, permissions: caller.staff.permissions) }
    }

    // MARK: -

    static let duplicate = DomainError.conflict(code: "duplicate_id_number", message: "该公民身份号码已登记")

    private func visibleRecord(_ id: Int64, _ caller: Caller) async throws -> PersonRecord {
        let record = try await platform.database.read { try await PeopleRepository($0, kind: platform.database.kind).find(id: id) }
        guard let record, caller.staff.jurisdiction.contains(record.gridCode) else { throw DomainError.notFound(what: "该人员") }
        return record
    }

    private func requireGrid(_ code: AreaCode, _ caller: Caller) async throws {
        let node = try await platform.areaAtlas().node(code.rawValue)
        guard let node, node.level >= .grid, caller.staff.jurisdiction.contains(code) else {
            throw DomainError.validation([FieldError(field: "gridCode", code: "unknown", message: "辖区内没有该网格")])
        }
    }

    private func seal(_ resident: ValidatedResident, id: Int64?) throws -> PersonRecord {
        try PersonRecord(sealing: resident, with: platform.cipher, at: 0, id: id)
    }

    static func parseCursor(_ text: String) throws(DomainError) -> (gridCode: String, id: Int64) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let code = AreaCode(String(parts[0])), let id = Int64(parts[1]) else {
            throw .validation([FieldError(field: "cursor", code: "invalid_format", message: "分页游标无效,请从第一页重新开始")])
        }
        return (code.rawValue, id)
    }

    static func summary(_ record: PersonRecord) -> String {
        #"{"gridCode":"\#(record.gridCode)","idNumber":"\#(record.idNumberMasked)"}"#
    }
}
