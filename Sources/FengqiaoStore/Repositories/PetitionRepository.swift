import Foundation
import SQLKit

/// Petitions and their petitioners (`petitions`, `petitioners`).
public struct PetitionRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ petition: PetitionRecord) async throws -> Int64 {
        let row = try await db.insert(into: "petitions")
            .model(petition, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw PetitionRepositoryError.noID }
        return id
    }

    public func insert(_ petitioner: PetitionerRecord) async throws {
        try await db.insert(into: "petitioners")
            .model(petitioner, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default).run()
    }

    public func find(id: Int64) async throws -> PetitionRecord? {
        try await db.select().column("*").from("petitions").where("id", .equal, id).first()?
            .decode(model: PetitionRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The row id of the petition engine case `caseId` was opened for, if any.
    public func petitionID(caseId: Int64) async throws -> Int64? {
        try await db.select().column("id").from("petitions").where("case_id", .equal, caseId).limit(1).first()?
            .decode(column: "id", as: Int64.self)
    }

    /// Whether the engine case `caseId` was opened for a petition.
    public func isPetitionCase(_ caseId: Int64) async throws -> Bool {
        try await db.select().column("id").from("petitions").where("case_id", .equal, caseId).limit(1).first() != nil
    }

    /// Writes everything that changes after registration, if the row is still at `record.version - 1`
    /// (another transaction may have moved it); false when it was not.
    public func update(_ p: PetitionRecord) async throws -> Bool {
        guard let id = p.id else { return false }
        let rows = try await db.update("petitions")
            .set("state", to: p.state).set("decision", to: p.decision).set("decision_reason", to: p.decisionReason)
            .set("notice_channel", to: p.noticeChannel).set("decided_at", to: p.decidedAt)
            .set("decided_by_name", to: p.decidedByName).set("extension_state", to: p.extensionState)
            .set("extension_days", to: p.extensionDays).set("extension_reason", to: p.extensionReason)
            .set("extension_requested_at", to: p.extensionRequestedAt)
            .set("extension_requested_by_id", to: p.extensionRequestedById)
            .set("extension_requested_by_name", to: p.extensionRequestedByName)
            .set("extension_requester_area", to: p.extensionRequesterArea)
            .set("extension_decided_at", to: p.extensionDecidedAt)
            .set("extension_decided_by_name", to: p.extensionDecidedByName)
            .set("extension_denial_reason", to: p.extensionDenialReason)
            .set("reply", to: p.reply).set("reply_channel", to: p.replyChannel).set("replied_at", to: p.repliedAt)
            .set("replied_by_name", to: p.repliedByName)
            .set("review_request", to: p.reviewRequest).set("review_requested_at", to: p.reviewRequestedAt)
            .set("review_result", to: p.reviewResult).set("review_opinion", to: p.reviewOpinion)
            .set("review_decided_at", to: p.reviewDecidedAt).set("review_decided_by_name", to: p.reviewDecidedByName)
            .set("re_review_request", to: p.reReviewRequest).set("re_review_requested_at", to: p.reReviewRequestedAt)
            .set("re_review_result", to: p.reReviewResult).set("re_review_opinion", to: p.reReviewOpinion)
            .set("re_review_decided_at", to: p.reReviewDecidedAt)
            .set("re_review_decided_by_name", to: p.reReviewDecidedByName)
            .set("version", to: p.version).set("updated_at", to: p.updatedAt)
            .where("id", .equal, id).where("version", .equal, p.version - 1)
            .returning("id").all()
        return rows.count == 1
    }

    public func petitioners(of petitionId: Int64) async throws -> [PetitionerRecord] {
        try await db.select().column("*").from("petitioners").where("petition_id", .equal, petitionId)
            .orderBy("position").all()
            .map { try $0.decode(model: PetitionerRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The first petitioner's name of each of `petitionIds`.
    public func firstPetitioners(of petitionIds: [Int64]) async throws -> [Int64: String] {
        guard !petitionIds.isEmpty else { return [:] }
        let rows = try await db.select().column("petition_id").column("name").from("petitioners")
            .where("position", .equal, 0).where("petition_id", .in, SQLGroupExpression(petitionIds.map { SQLBind($0) })).all()
        var names: [Int64: String] = [:]
        for row in rows { names[try row.decode(column: "petition_id", as: Int64.self)] = try row.decode(column: "name", as: String.self) }
        return names
    }

    /// Other petitions with a petitioner whose 公民身份号码 has one of `indexes` (blind indexes), registered
    /// before petition `before` (all of them when nil), newest first.
    public func petitions(withPetitionerIndexes indexes: [String], before: Int64?, limit: Int = 100) async throws
        -> [PetitionRecord]
    {
        guard !indexes.isEmpty else { return [] }
        let ids = try await db.select().distinct().column("petition_id").from("petitioners")
            .where("id_number_index", .in, SQLGroupExpression(indexes.map { SQLBind($0) })).all()
            .map { try $0.decode(column: "petition_id", as: Int64.self) }
            .filter { before == nil || $0 < (before ?? 0) }
        guard !ids.isEmpty else { return [] }
        return try await db.select().column("*").from("petitions")
            .where("id", .in, SQLGroupExpression(ids.map { SQLBind($0) }))
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: PetitionRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// A page of `query`, newest receipt first.
    public func list(_ query: PetitionListQuery, limit: Int) async throws -> [PetitionRecord] {
        let select = db.select().column("*").from("petitions")
        apply(query, to: select)
        if let after = query.after {
            select.where { group in
                group.where("received_at", .lessThan, after.receivedAt).orWhere { same in
                    same.where("received_at", .equal, after.receivedAt).where("id", .lessThan, after.id)
                }
            }
        }
        return try await select.orderBy("received_at", .descending).orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: PetitionRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The figures of `query` (its position is ignored).
    public func counts(_ query: PetitionListQuery) async throws -> PetitionCounts {
        let select = db.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "petitions")
            .column(SQLRaw("SUM(CASE WHEN form = 'visit' THEN 1 ELSE 0 END)"), as: "batches")
            .column(SQLRaw("SUM(CASE WHEN form = 'visit' THEN persons ELSE 0 END)"), as: "persons")
            .column(SQLRaw("SUM(CASE WHEN form = 'visit' AND collective = 1 THEN 1 ELSE 0 END)"), as: "collective")
            .from("petitions")
        apply(query, to: select)
        guard let row = try await select.first() else { return PetitionCounts() }
        return PetitionCounts(
            petitions: try row.decode(column: "petitions", as: Int.self),
            visitBatches: try row.decode(column: "batches", as: Int?.self) ?? 0,
            visitPersons: try row.decode(column: "persons", as: Int?.self) ?? 0,
            collectiveBatches: try row.decode(column: "collective", as: Int?.self) ?? 0)
    }

    private func apply(_ query: PetitionListQuery, to select: SQLSelectBuilder) {
        select.where("place_code", .greaterThanOrEqual, query.prefix).where("place_code", .lessThan, query.upperBound)
        if let form = query.form { select.where("form", .equal, form) }
        if let states = query.states {
            // An empty choice matches nothing (`IN ()` is not SQL).
            select.where("state", .in, SQLGroupExpression((states.isEmpty ? [""] : states).map { SQLBind($0) }))
        }
        if query.collectiveOnly { select.where("collective", .equal, 1) }
        if query.repeatedOnly { select.where("repeated", .equal, 1) }
        if let now = query.possiblyOverdueAt {
            select.where { group in
                for clock in PetitionListQuery.openClocks {
                    group.orWhere { one in
                        one.where("state", .equal, clock.state)
                            .where(SQLIdentifier(clock.column), .lessThan, SQLBind(now - clock.days * 86_400_000))
                    }
                }
                return group
            }
        }
    }
}

/// The database answered an insert without the new row's id.
public enum PetitionRepositoryError: Error { case noID }
