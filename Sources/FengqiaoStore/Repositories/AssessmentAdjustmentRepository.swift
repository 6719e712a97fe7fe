import Foundation
import SQLKit

/// `assessment_awards`, `assessment_deductions` and `assessment_appeals`: points given by hand and appeals, with the
/// reads the scoring needs (approved awards, unrevoked deductions, upheld appeals of some periods).
public struct AssessmentAdjustmentRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Which rows a list shows: the units whose area lies in the subtree `prefix`, optionally only one unit, one
    /// kind of unit, or one state.
    public struct Scope: Sendable {
        public var prefix: String
        public var unitKind: String?
        public var unitCode: String?
        public var state: String?
        public var limit: Int

        public init(prefix: String, unitKind: String? = nil, unitCode: String? = nil, state: String? = nil, limit: Int = 200) {
            self.prefix = prefix
            self.unitKind = unitKind
            self.unitCode = unitCode
            self.state = state
            self.limit = limit
        }
    }

    // MARK: Awards

    public func insertAward(_ award: AssessmentAwardRecord) async throws -> Int64 {
        try await insert(award, into: "assessment_awards")
    }

    public func award(id: Int64) async throws -> AssessmentAwardRecord? {
        try await find(id: id, in: "assessment_awards")
    }

    /// Moves a pending award to `state`; false when it was no longer pending (someone decided first).
    public func decideAward(id: Int64, state: String, approvedPoints: Double?, by name: String?, at: Int64, note: String?)
        async throws -> Bool
    {
        let row = try await db.update("assessment_awards")
            .set("state", to: state).set("approved_points", to: approvedPoints).set("decided_by_name", to: name)
            .set("decided_at", to: at).set("decision_note", to: note)
            .where("id", .equal, id).where("state", .equal, "pending").returning("id").first()
        return row != nil
    }

    /// Locks every request of one unit in one period (on PostgreSQL; SQLite has one writer anyway), in id order, so that
    /// two approvals for the unit are checked against the cap one after the other.
    public func lockAwards(unitKind: String, unitCode: String, periodKey: String) async throws {
        _ = try await db.select().column("id").from("assessment_awards")
            .where("unit_kind", .equal, unitKind).where("unit_code", .equal, unitCode).where("period_key", .equal, periodKey)
            .orderBy("id").for(.update).all()
    }

    /// The points approved so far for one unit in one period.
    public func approvedAwardPoints(unitKind: String, unitCode: String, periodKey: String) async throws -> Double {
        let rows = try await db.select().column("approved_points").from("assessment_awards")
            .where("unit_kind", .equal, unitKind).where("unit_code", .equal, unitCode)
            .where("period_key", .equal, periodKey).where("state", .equal, "approved").all()
        return try rows.reduce(0) { $0 + (try $1.decode(column: "approved_points", as: Double?.self) ?? 0) }
    }

    public func awards(_ scope: Scope) async throws -> [AssessmentAwardRecord] {
        try await list(scope, from: "assessment_awards")
    }

    /// Approved awards of units of `unitKind` in the periods `periodKeys`.
    public func approvedAwards(periodKeys: [String], unitKind: String) async throws -> [AssessmentAwardRecord] {
        guard !periodKeys.isEmpty else { return [] }
        return try await db.select().column("*").from("assessment_awards")
            .where("unit_kind", .equal, unitKind).where("period_key", .in, periodKeys).where("state", .equal, "approved")
            .orderBy("id").all()
            .map { try $0.decode(model: AssessmentAwardRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func insertAwardFile(_ file: AssessmentAwardFileRecord) async throws -> Int64 {
        try await insert(file, into: "assessment_award_files")
    }

    /// The evidence files of award `awardId`, in upload order.
    public func awardFiles(awardId: Int64) async throws -> [AssessmentAwardFileRecord] {
        try await db.select().column("*").from("assessment_award_files").where("award_id", .equal, awardId).orderBy("id").all()
            .map { try $0.decode(model: AssessmentAwardFileRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: Deductions

    public func insertDeduction(_ deduction: AssessmentDeductionRecord) async throws -> Int64 {
        try await insert(deduction, into: "assessment_deductions")
    }

    public func deduction(id: Int64) async throws -> AssessmentDeductionRecord? {
        try await find(id: id, in: "assessment_deductions")
    }

    /// Revokes a deduction that stands; false when it was already revoked.
    public func revokeDeduction(id: Int64, by name: String, at: Int64, reason: String) async throws -> Bool {
        let row = try await db.update("assessment_deductions")
            .set("revoked_by_name", to: name).set("revoked_at", to: at).set("revoke_reason", to: reason)
            .where("id", .equal, id).where(SQLColumn("revoked_at"), .is, SQLLiteral.null).returning("id").first()
        return row != nil
    }

    /// Deductions (revoked ones too) of the units in scope; `scope.state` "active" or "revoked" narrows them.
    public func deductions(_ scope: Scope) async throws -> [AssessmentDeductionRecord] {
        var query = scoped(scope, from: "assessment_deductions")
        switch scope.state {
        case "active": query = query.where(SQLColumn("revoked_at"), .is, SQLLiteral.null)
        case "revoked": query = query.where(SQLColumn("revoked_at"), .isNot, SQLLiteral.null)
        default: break
        }
        return try await query.orderBy("id", .descending).limit(scope.limit).all()
            .map { try $0.decode(model: AssessmentDeductionRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Deductions that stand, of units of `unitKind` in the periods `periodKeys`.
    public func activeDeductions(periodKeys: [String], unitKind: String) async throws -> [AssessmentDeductionRecord] {
        guard !periodKeys.isEmpty else { return [] }
        return try await db.select().column("*").from("assessment_deductions")
            .where("unit_kind", .equal, unitKind).where("period_key", .in, periodKeys)
            .where(SQLColumn("revoked_at"), .is, SQLLiteral.null).orderBy("id").all()
            .map { try $0.decode(model: AssessmentDeductionRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: Appeals

    public func insertAppeal(_ appeal: AssessmentAppealRecord) async throws -> Int64 {
        try await insert(appeal, into: "assessment_appeals")
    }

    public func appeal(id: Int64) async throws -> AssessmentAppealRecord? {
        try await find(id: id, in: "assessment_appeals")
    }

    /// The pending appeal holding `pendingKey`, if any.
    public func pendingAppeal(key: String) async throws -> Int64? {
        try await db.select().column("id").from("assessment_appeals").where("pending_key", .equal, key).first()?
            .decode(column: "id", as: Int64.self)
    }

    /// Decides a pending appeal; false when it was no longer pending.
    public func decideAppeal(id: Int64, state: String, by name: String, at: Int64, note: String) async throws -> Bool {
        let row = try await db.update("assessment_appeals")
            .set("state", to: state).set("pending_key", to: String?.none).set("decided_by_name", to: name)
            .set("decided_at", to: at).set("decision_note", to: note)
            .where("id", .equal, id).where("state", .equal, "pending").returning("id").first()
        return row != nil
    }

    public func appeals(_ scope: Scope) async throws -> [AssessmentAppealRecord] {
        try await list(scope, from: "assessment_appeals")
    }

    /// Upheld appeals of units of `unitKind` in the periods `periodKeys`.
    public func upheldAppeals(periodKeys: [String], unitKind: String) async throws -> [AssessmentAppealRecord] {
        guard !periodKeys.isEmpty else { return [] }
        return try await db.select().column("*").from("assessment_appeals")
            .where("unit_kind", .equal, unitKind).where("period_key", .in, periodKeys).where("state", .equal, "upheld")
            .orderBy("id").all()
            .map { try $0.decode(model: AssessmentAppealRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: Units

    /// Active grid workers whose area lies in the subtree `prefix`: id, name and area, by name (at most `limit`).
    public func gridWorkers(prefix: String, limit: Int) async throws -> [(id: Int64, name: String, areaCode: String)] {
        try await db.select().column("id").column("display_name").column("area_code").from("accounts")
            .where("role", .equal, "gridWorker").where("status", .equal, "active")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
            .orderBy("display_name").orderBy("id").limit(limit).all()
            .map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "display_name", as: String.self),
                    try $0.decode(column: "area_code", as: String.self)) }
    }

    /// Departments of the centres in the subtree `prefix`, by area and code (at most `limit`).
    public func departments(prefix: String, limit: Int) async throws -> [DepartmentRecord] {
        try await db.select().column("*").from("departments")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
            .orderBy("area_code").orderBy("code").limit(limit).all()
            .map { try $0.decode(model: DepartmentRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// A case's id, number and area, by its id or its number.
    public func caseLocation(id: Int64?, number: String?) async throws -> (id: Int64, number: String, areaCode: String)? {
        var query = db.select().column("id").column("number").column("area_code").from("cases")
        if let id { query = query.where("id", .equal, id) } else if let number { query = query.where("number", .equal, number) } else {
            return nil
        }
        return try await query.first().map {
            (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "number", as: String.self),
             try $0.decode(column: "area_code", as: String.self))
        }
    }

    // MARK: Shared

    private func insert(_ model: some Encodable & Sendable, into table: String) async throws -> Int64 {
        let row = try await db.insert(into: table)
            .model(model, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noRowReturned(table) }
        return id
    }

    private func find<T: Decodable>(id: Int64, in table: String) async throws -> T? {
        try await db.select().column("*").from(table).where("id", .equal, id).first()
            .map { try $0.decode(model: T.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    private func scoped(_ scope: Scope, from table: String) -> SQLSelectBuilder {
        var query = db.select().column("*").from(table)
            .where("area_code", .greaterThanOrEqual, scope.prefix).where("area_code", .lessThan, scope.prefix + ":")
        if let kind = scope.unitKind { query = query.where("unit_kind", .equal, kind) }
        if let code = scope.unitCode { query = query.where("unit_code", .equal, code) }
        return query
    }

    private func list<T: Decodable>(_ scope: Scope, from table: String) async throws -> [T] {
        var query = scoped(scope, from: table)
        if let state = scope.state { query = query.where("state", .equal, state) }
        return try await query.orderBy("id", .descending).limit(scope.limit).all()
            .map { try $0.decode(model: T.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
