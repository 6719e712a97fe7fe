import Foundation
import SQLKit

/// `assessment_indicators` and `assessment_reported_values`: the indicators the assessor defined and the values
/// entered for the reported ones.
public struct AssessmentIndicatorRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Every defined indicator, retired ones too, oldest first.
    public func indicators() async throws -> [AssessmentIndicatorRecord] {
        try await db.select().column("*").from("assessment_indicators").orderBy("id")
            .all(decoding: AssessmentIndicatorRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func indicator(key: String) async throws -> AssessmentIndicatorRecord? {
        try await db.select().column("*").from("assessment_indicators").where("indicator_key", .equal, key)
            .first(decoding: AssessmentIndicatorRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Stores a new indicator under a key made of its id (`custom_<id>`); returns the key. `definition` is called with
    /// the key to give the JSON stored.
    public func insert(unitKind: String, by: String, at: Int64, definition: (String) throws -> String) async throws -> String {
        let placeholder = "pending_\(UUID().uuidString)"
        guard let row = try await db.insert(into: "assessment_indicators")
            .columns("indicator_key", "unit_kind", "definition", "active", "created_by", "created_at")
            .values(SQLBind(placeholder), SQLBind(unitKind), SQLBind("{}"), SQLBind(1), SQLBind(by), SQLBind(at))
            .returning("id").first(),
            let id = try? row.decode(column: "id", as: Int64.self)
        else { throw AssessmentIndicatorRepositoryError.noID }
        let key = "custom_\(id)"
        try await db.update("assessment_indicators").set("indicator_key", to: key).set("definition", to: try definition(key))
            .where("id", .equal, id).run()
        return key
    }

    /// Retires an active indicator; false when it was not active.
    public func retire(key: String, by: String, at: Int64) async throws -> Bool {
        try await db.update("assessment_indicators").set("active", to: 0).set("retired_by", to: by).set("retired_at", to: at)
            .where("indicator_key", .equal, key).where("active", .equal, 1).returning("id").first() != nil
    }

    // MARK: Reported values

    /// The values of `keys` entered for any of the periods `periodKeys` and one kind of unit (optionally one unit).
    public func values(keys: [String], periodKeys: [String], unitKind: String, unitCode: String? = nil) async throws
        -> [ReportedValueRecord]
    {
        guard !keys.isEmpty, !periodKeys.isEmpty else { return [] }
        var query = db.select().column("*").from("assessment_reported_values")
            .where("indicator_key", .in, keys).where("period_key", .in, periodKeys).where("unit_kind", .equal, unitKind)
        if let unitCode { query = query.where("unit_code", .equal, unitCode) }
        return try await query.orderBy("period_key").orderBy("unit_code")
            .all(decoding: ReportedValueRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Stores a unit's value, replacing the one entered before.
    public func save(_ value: ReportedValueRecord) async throws {
        try await db.insert(into: "assessment_reported_values")
            .model(value, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .onConflict(with: ["indicator_key", "period_key", "unit_code"]) { update in
                update.set(excludedValueOf: "numerator").set(excludedValueOf: "denominator").set(excludedValueOf: "note")
                    .set(excludedValueOf: "entered_by").set(excludedValueOf: "entered_at")
            }
            .run()
    }

    /// Takes back a unit's value; false when there was none.
    public func remove(key: String, periodKey: String, unitCode: String) async throws -> Bool {
        try await db.delete(from: "assessment_reported_values").where("indicator_key", .equal, key)
            .where("period_key", .equal, periodKey).where("unit_code", .equal, unitCode).returning("unit_code").first() != nil
    }
}

public enum AssessmentIndicatorRepositoryError: Error { case noID }
