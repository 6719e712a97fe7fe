import Foundation
import SQLKit

/// What the case engine reads and writes besides the case row and its events: the row's version
/// (optimistic concurrency), department assignments, command receipts (idempotency) and department names.
public struct CaseEngineRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The stored version of case `id` (0 for rows written before the engine).
    public func version(caseId: Int64) async throws -> Int {
        let row = try await db.select().column("version").from("cases").where("id", .equal, caseId).first()
        return try row?.decode(column: "version", as: Int.self) ?? 0
    }

    public func find(id: Int64) async throws -> CaseRecord? {
        try await db.select().column("*").from("cases").where("id", .equal, id).first()?
            .decode(model: CaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Writes the projection if the row still has `expectedVersion`; false when another transition won.
    /// The dashboard's rollups move with the row (`CaseRollupRepository`).
    public func update(caseId: Int64, expectedVersion: Int, to projection: CaseProjection) async throws -> Bool {
        try await CaseRollupRepository(db).tracking(ids: [caseId]) {
            try await write(caseId: caseId, expectedVersion: expectedVersion, to: projection)
        }
    }

    private func write(caseId: Int64, expectedVersion: Int, to projection: CaseProjection) async throws -> Bool {
        let rows = try await db.update("cases")
            .set("state", to: projection.state)
            .set("version", to: projection.version)
            .set("kind", to: projection.kind)
            .set("category", to: projection.category)
            .set("urgency", to: projection.urgency)
            .set("tier", to: projection.tier)
            .set("lead_department_id", to: projection.leadDepartmentId)
            .set("supervision", to: projection.supervision)
            .set("resolved_tier", to: projection.resolvedTier)
            .set("resolved_at", to: projection.resolvedAt)
            .set("satisfaction", to: projection.satisfaction)
            .set("updated_at", to: projection.updatedAt)
            .where("id", .equal, caseId)
            .where("version", .equal, expectedVersion)
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    public func append(_ events: [CaseEventRecord]) async throws {
        try await db.insertRows(into: "case_events", columns: CaseEventRecord.columns, rows: events.map(\.values))
    }

    public func assignments(caseId: Int64) async throws -> [CaseAssignmentRecord] {
        try await db.select().column("*").from("case_assignments").where("case_id", .equal, caseId)
            .orderBy("department_id").all()
            .map { try $0.decode(model: CaseAssignmentRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Replaces the case's assignments with `rows`.
    public func replaceAssignments(caseId: Int64, with rows: [CaseAssignmentRecord]) async throws {
        try await db.delete(from: "case_assignments").where("case_id", .equal, caseId).run()
        guard !rows.isEmpty else { return }
        try await db.insertRows(
            into: "case_assignments",
            columns: ["case_id", "department_id", "role", "state", "dispatched_at", "signed_at", "done_at", "due_at"],
            rows: rows.map { r -> [any Encodable & Sendable] in [r.caseId, r.departmentId, r.role, r.state, r.dispatchedAt, r.signedAt, r.doneAt, r.dueAt] })
    }

    /// The first answer to (`actor`, `key`): the command it was for and the stored response.
    public func receipt(actor: String, key: String) async throws -> (command: String, response: String)? {
        guard let row = try await db.select().column("command").column("response").from("command_receipts")
            .where("actor", .equal, actor).where("key", .equal, key).first()
        else { return nil }
        return (try row.decode(column: "command", as: String.self), try row.decode(column: "response", as: String.self))
    }

    public func insertReceipt(actor: String, key: String, caseId: Int64?, command: String, response: String, at: Int64)
        async throws
    {
        try await db.insert(into: "command_receipts")
            .columns("actor", "key", "case_id", "command", "response", "created_at")
            .values(SQLBind(actor), SQLBind(key), SQLBind(caseId), SQLBind(command), SQLBind(response), SQLBind(at))
            .run()
    }

    /// Names of departments by id (unknown ids are left out).
    public func departmentNames(_ ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await db.select().column("id").column("name").from("departments").where("id", .in, ids).all() {
            names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    /// The departments with these ids and the area each belongs to.
    public func departmentAreas(_ ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var areas: [Int64: String] = [:]
        for row in try await db.select().column("id").column("area_code").from("departments").where("id", .in, ids).all() {
            areas[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "area_code", as: String.self)
        }
        return areas
    }

    /// Adds a party; `kind` is `person` or `organization`.
    public func insertParty(
        caseId: Int64, side: String, kind: String = "person", name: String, phoneCipher: String?, phoneMasked: String?,
        at: Int64
    ) async throws {
        try await db.insert(into: "case_parties")
            .columns("case_id", "side", "party_kind", "name", "phone_cipher", "phone_masked", "created_at")
            .values(SQLBind(caseId), SQLBind(side), SQLBind(kind), SQLBind(name), SQLBind(phoneCipher),
                    SQLBind(phoneMasked), SQLBind(at))
            .run()
    }

    /// The parties of a case, masked: side, person or organisation, name, masked phone.
    public func parties(caseId: Int64) async throws -> [(side: String, kind: String, name: String, phoneMasked: String?)] {
        try await db.select().column("side").column("party_kind").column("name").column("phone_masked")
            .from("case_parties").where("case_id", .equal, caseId).orderBy("id").all()
            .map { (try $0.decode(column: "side", as: String.self), try $0.decode(column: "party_kind", as: String.self),
                    try $0.decode(column: "name", as: String.self), try $0.decode(column: "phone_masked", as: String?.self)) }
    }

    /// The parties of a case with their sealed phones, for an audited reveal.
    public func partiesSealed(caseId: Int64) async throws -> [(side: String, name: String, phoneCipher: String?)] {
        try await db.select().column("side").column("name").column("phone_cipher")
            .from("case_parties").where("case_id", .equal, caseId).orderBy("id").all()
            .map { (try $0.decode(column: "side", as: String.self), try $0.decode(column: "name", as: String.self),
                    try $0.decode(column: "phone_cipher", as: String?.self)) }
    }

    public func setGroupCase(caseId: Int64, peopleInvolved: Int) async throws {
        try await db.update("cases").set("group_case", to: peopleInvolved >= 5 ? 1 : 0)
            .set("people_involved", to: peopleInvolved).where("id", .equal, caseId).run()
    }
}
