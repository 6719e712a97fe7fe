import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Organisations in the grids: registering (credit code checked by GB 32100), reading and searching,
/// inside the caller's jurisdiction.
public struct OrganizationRegistry: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public struct View: Sendable, Equatable, Encodable {
        public let id: Int64
        public let name: String
        public let kind: String
        public let creditCode: String
        public let gridCode: String
        public let address: String

        init(_ record: OrganizationRecord) {
            id = record.id ?? 0
            name = record.name
            kind = OrganizationKind(rawValue: record.kind)?.chineseName ?? record.kind
            creditCode = record.creditCode
            gridCode = record.gridCode
            address = record.address
        }
    }

    public func register(_ submission: OrganizationSubmission, caller: Caller) async throws -> View {
        try caller.staff.require(.editBaseData)
        let organization = try submission.validate()
        let grid = try await platform.areaAtlas().node(organization.gridCode.rawValue)
        guard let grid, grid.level >= .grid, caller.staff.jurisdiction.contains(organization.gridCode) else {
            throw DomainError.validation([FieldError(field: "gridCode", code: "unknown", message: "辖区内没有该网格")])
        }
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        var record = OrganizationRecord(
            name: organization.name, kind: organization.kind.rawValue, creditCode: organization.creditCode.rawValue,
            gridCode: organization.gridCode.rawValue, address: organization.address, createdAt: nowMs)
        record.id = try await platform.database.write { [record] db in
            let id: Int64
            do { id = try await OrganizationRepository(db, kind: kind).insert(record) } catch StoreError.duplicate {
                throw DomainError.conflict(code: "duplicate_credit_code", message: "该统一社会信用代码已登记")
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "organization.create", objectType: "organization", objectID: String(id),
                           summary: #"{"creditCode":"\#(record.creditCode)"}"#),
                at: nowMs, in: db, kind: kind)
            return id
        }
        return View(record)
    }

    public func organization(id: Int64, caller: Caller) async throws -> View {
        try caller.staff.require(.viewBaseData)
        let record = try await platform.database.read { try await OrganizationRepository($0, kind: platform.database.kind).find(id: id) }
        guard let record, caller.staff.jurisdiction.contains(record.gridCode) else { throw DomainError.notFound(what: "该组织") }
        return View(record)
    }

    public func search(_ term: String, limit: Int = 50, caller: Caller) async throws -> [View] {
        try caller.staff.require(.viewBaseData)
        let kind = platform.database.kind
        let prefix = caller.staff.jurisdiction.prefix
        return try await platform.database.read { db in
            let ids = try await BaseDataSearch.ids(in: "organizations", matching: term, prefix: prefix,
                                                   limit: min(max(limit, 1), 200), on: db, kind: kind)
            return try await OrganizationRepository(db, kind: kind).find(ids: ids)
        }.map(View.init)
    }
}
