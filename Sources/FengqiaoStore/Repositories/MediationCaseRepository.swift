import Foundation
import SQLKit

/// Mediation cases and what hangs off them (`mediation_cases`, `mediation_parties`, `mediation_sessions`,
/// `mediation_referrals`).
public struct MediationCaseRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    // MARK: Cases

    /// The next mediation sequence number of `county` (6 digits) in `year`, from 1.
    public func nextSequence(county: String, year: Int) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO mediation_number_sequences (county_code, year, last_sequence) VALUES (\(bind: county), \(bind: year), 1)
            ON CONFLICT (county_code, year) DO UPDATE SET last_sequence = mediation_number_sequences.last_sequence + 1
            RETURNING last_sequence
            """).first()
        guard let row else { throw StoreError.noRowReturned("mediation_number_sequences") }
        return try row.decode(column: "last_sequence", as: Int.self)
    }

    public func insert(_ record: MediationCaseRecord) async throws -> Int64 {
        try await insertReturningID(into: "mediation_cases", record)
    }

    /// Writes `record` if its row is still at `expectedVersion` (bumping the version); false otherwise.
    public func update(_ r: MediationCaseRecord, expectedVersion: Int) async throws -> Bool {
        guard let id = r.id else { return false }
        let row = try await db.update("mediation_cases")
            .set("open_case_id", to: r.openCaseId).set("organization_id", to: r.organizationId)
            .set("mediator_id", to: r.mediatorId).set("state", to: r.state).set("state_reason", to: r.stateReason)
            .set("version", to: expectedVersion + 1).set("updated_at", to: r.updatedAt).set("closed_at", to: r.closedAt)
            .where("id", .equal, id).where("version", .equal, expectedVersion)
            .returning("id").first()
        return row != nil
    }

    public func find(number: String) async throws -> MediationCaseRecord? {
        try await db.select().column("*").from("mediation_cases").where("number", .equal, number).first()?
            .decode(model: MediationCaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// On PostgreSQL, locks case `id` until the transaction ends, so that two openings for one case take
    /// turns and the second finds the first's open mediation (SQLite's single writer does that already).
    public func lockCase(id: Int64, kind: DatabaseKind) async throws {
        guard kind == .postgres else { return }
        try await db.raw("SELECT id FROM cases WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// The open mediation of case `caseId`, if any.
    public func openMediation(caseId: Int64) async throws -> MediationCaseRecord? {
        try await db.select().column("*").from("mediation_cases").where("open_case_id", .equal, caseId).first()?
            .decode(model: MediationCaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Every mediation of case `caseId`, oldest first.
    public func mediations(caseId: Int64) async throws -> [MediationCaseRecord] {
        try await db.select().column("*").from("mediation_cases").where("case_id", .equal, caseId).orderBy("id").all()
            .map { try $0.decode(model: MediationCaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Mediations whose area lies in [`prefix`, `upperBound`), newest first, optionally in `states` only.
    public func list(areaFrom prefix: String, below upperBound: String, states: [String]?, limit: Int,
                     beforeId: Int64? = nil) async throws -> [MediationCaseRecord]
    {
        var query = db.select().column("*").from("mediation_cases")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, upperBound)
        if let states { query = query.where("state", .in, states) }
        if let beforeId { query = query.where("id", .lessThan, beforeId) }
        return try await query.orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: MediationCaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Per mediator, how many of their mediations are in each state.
    public func mediatorStateCounts() async throws -> [Int64: [String: Int]] {
        let rows = try await db.select().column("mediator_id").column("state").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("mediation_cases").where("mediator_id", .isNot, SQLLiteral.null)
            .groupBy("mediator_id").groupBy("state").all()
        var counts: [Int64: [String: Int]] = [:]
        for row in rows {
            let mediator = try row.decode(column: "mediator_id", as: Int64.self)
            counts[mediator, default: [:]][try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    // MARK: Parties

    public func insert(_ party: MediationPartyRecord) async throws {
        _ = try await insertReturningID(into: "mediation_parties", party)
    }

    public func parties(mediationId: Int64) async throws -> [MediationPartyRecord] {
        try await db.select().column("*").from("mediation_parties").where("mediation_id", .equal, mediationId)
            .orderBy("id").all()
            .map { try $0.decode(model: MediationPartyRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The parties of engine case `caseId` with their sealed phones, to carry over into a mediation.
    public func caseParties(caseId: Int64) async throws
        -> [(side: String, kind: String, name: String, phoneCipher: String?, phoneMasked: String?)]
    {
        try await db.select().column("side").column("party_kind").column("name").column("phone_cipher").column("phone_masked")
            .from("case_parties").where("case_id", .equal, caseId).orderBy("id").all()
            .map { (try $0.decode(column: "side", as: String.self), try $0.decode(column: "party_kind", as: String.self),
                    try $0.decode(column: "name", as: String.self), try $0.decode(column: "phone_cipher", as: String?.self),
                    try $0.decode(column: "phone_masked", as: String?.self)) }
    }

    // MARK: Sessions

    public func insert(_ session: MediationSessionRecord) async throws -> Int64 {
        try await insertReturningID(into: "mediation_sessions", session)
    }

    public func update(_ s: MediationSessionRecord) async throws {
        guard let id = s.id else { return }
        try await db.update("mediation_sessions")
            .set("attendees", to: s.attendees).set("notes", to: s.notes).set("outcome", to: s.outcome)
            .set("tier", to: s.tier).set("attempt_number", to: s.attemptNumber).set("escalated", to: s.escalated)
            .set("recorded_by", to: s.recordedBy).set("updated_at", to: s.updatedAt)
            .where("id", .equal, id).run()
    }

    public func sessions(mediationId: Int64) async throws -> [MediationSessionRecord] {
        try await db.select().column("*").from("mediation_sessions").where("mediation_id", .equal, mediationId)
            .orderBy("number").all()
            .map { try $0.decode(model: MediationSessionRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The earliest planned session at or after `from` of each of `mediationIds`.
    public func nextPlanned(mediationIds: [Int64], from: Int64) async throws -> [Int64: Int64] {
        guard !mediationIds.isEmpty else { return [:] }
        let rows = try await db.select().column("mediation_id").column(SQLFunction("MIN", args: SQLColumn("held_at")), as: "next")
            .from("mediation_sessions").where("mediation_id", .in, mediationIds)
            .where("outcome", .is, SQLLiteral.null).where("held_at", .greaterThanOrEqual, from)
            .groupBy("mediation_id").all()
        var next: [Int64: Int64] = [:]
        for row in rows {
            next[try row.decode(column: "mediation_id", as: Int64.self)] = try row.decode(column: "next", as: Int64.self)
        }
        return next
    }

    // MARK: Referrals

    public func insert(_ referral: MediationReferralRecord) async throws -> Int64 {
        try await insertReturningID(into: "mediation_referrals", referral)
    }

    public func update(_ r: MediationReferralRecord) async throws {
        guard let id = r.id else { return }
        try await db.update("mediation_referrals")
            .set("state", to: r.state).set("reply", to: r.reply).set("replied_on", to: r.repliedOn)
            .set("recorded_by", to: r.recordedBy).set("updated_at", to: r.updatedAt)
            .where("id", .equal, id).run()
    }

    public func referrals(mediationId: Int64) async throws -> [MediationReferralRecord] {
        try await db.select().column("*").from("mediation_referrals").where("mediation_id", .equal, mediationId)
            .orderBy("id").all()
            .map { try $0.decode(model: MediationReferralRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: Helpers

    private func insertReturningID<T: Encodable>(into table: String, _ model: T) async throws -> Int64 {
        let row = try await db.insert(into: table)
            .model(model, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noRowReturned(table) }
        return id
    }
}

extension MediationCaseRepository {
    /// The names of mediation organisations `ids`.
    public func organizationNames(_ ids: [Int64]) async throws -> [Int64: String] {
        try await names(from: "mediation_organizations", ids)
    }

    /// The names of mediators `ids`.
    public func mediatorNames(_ ids: [Int64]) async throws -> [Int64: String] {
        try await names(from: "mediators", ids)
    }

    private func names(from table: String, _ ids: [Int64]) async throws -> [Int64: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await db.select().column("id").column("name").from(table).where("id", .in, unique).all() {
            names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }
}
