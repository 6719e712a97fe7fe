import Foundation
import SQLKit

/// How mediations ended (`mediation_conclusions`) and their agreements (`mediation_agreements`).
public struct MediationOutcomeRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ conclusion: MediationConclusionRecord) async throws {
        try await db.insert(into: "mediation_conclusions")
            .model(conclusion, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default).run()
    }

    public func conclusion(mediationId: Int64) async throws -> MediationConclusionRecord? {
        try await db.select().column("*").from("mediation_conclusions").where("mediation_id", .equal, mediationId)
            .first()?.decode(model: MediationConclusionRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func insert(_ agreement: MediationAgreementRecord) async throws -> Int64 {
        let row = try await db.insert(into: "mediation_agreements")
            .model(agreement, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else {
            throw StoreError.noRowReturned("mediation_agreements")
        }
        return id
    }

    public func agreement(mediationId: Int64) async throws -> MediationAgreementRecord? {
        try await db.select().column("*").from("mediation_agreements").where("mediation_id", .equal, mediationId)
            .first()?.decode(model: MediationAgreementRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Writes the follow-up columns of `r` if its row is still at `expectedVersion` (bumping the
    /// version); false otherwise. The agreement itself (facts, terms) never changes.
    public func update(_ r: MediationAgreementRecord, expectedVersion: Int) async throws -> Bool {
        guard let id = r.id else { return false }
        let row = try await db.update("mediation_agreements")
            .set("signed_on", to: r.signedOn).set("signed_attachment_id", to: r.signedAttachmentId)
            .set("performance_state", to: r.performanceState).set("performance_note", to: r.performanceNote)
            .set("performance_recorded_on", to: r.performanceRecordedOn)
            .set("confirmation_state", to: r.confirmationState).set("confirmation_court", to: r.confirmationCourt)
            .set("confirmation_handed_on", to: r.confirmationHandedOn)
            .set("confirmation_ruled_on", to: r.confirmationRuledOn).set("confirmation_note", to: r.confirmationNote)
            .set("version", to: expectedVersion + 1).set("updated_at", to: r.updatedAt)
            .where("id", .equal, id).where("version", .equal, expectedVersion)
            .returning("id").first()
        return row != nil
    }

    /// Agreements that may owe a reminder on day `today`: performance pending with a deadline from
    /// `overdueSince` to `dueBy`, or signed on or after `signedSince` and not handed to a court. Days are
    /// `yyyy-MM-dd`, which compare as text.
    public func followUps(dueBy: String, overdueSince: String, signedSince: String, limit: Int) async throws
        -> [MediationFollowUpRow]
    {
        let rows = try await db.select()
            .column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("a")))
            .column(SQLColumn("number", table: "m"), as: "mediation_number")
            .column(SQLColumn("case_id", table: "m"), as: "mediation_case_id")
            .column(SQLColumn("concluded_by_account", table: "c"), as: "concluded_by_account")
            .from(SQLAlias(SQLIdentifier("mediation_agreements"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("mediation_cases"), as: SQLIdentifier("m")), method: SQLJoinMethod.inner,
                  on: SQLColumn("mediation_id", table: "a"), .equal, SQLColumn("id", table: "m"))
            .join(SQLAlias(SQLIdentifier("mediation_conclusions"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("mediation_id", table: "a"), .equal, SQLColumn("mediation_id", table: "c"))
            .where(group: { group in
                group.where(group: { pending in
                    pending.where(SQLColumn("performance_state", table: "a"), .equal, SQLBind("pending"))
                        .where(SQLColumn("performance_deadline", table: "a"), .greaterThanOrEqual, SQLBind(overdueSince))
                        .where(SQLColumn("performance_deadline", table: "a"), .lessThanOrEqual, SQLBind(dueBy))
                })
                .orWhere(group: { window in
                    window.where(SQLColumn("confirmation_state", table: "a"), .equal, SQLBind("notRequested"))
                        .where(SQLColumn("signed_on", table: "a"), .greaterThanOrEqual, SQLBind(signedSince))
                })
            })
            .orderBy(SQLColumn("id", table: "a")).limit(limit).all()
        return try rows.map { row in
            MediationFollowUpRow(
                agreement: try row.decode(model: MediationAgreementRecord.self, keyDecodingStrategy: .convertFromSnakeCase),
                mediationNumber: try row.decode(column: "mediation_number", as: String.self),
                caseId: try row.decode(column: "mediation_case_id", as: Int64.self),
                concludedByAccount: try row.decode(column: "concluded_by_account", as: Int64?.self))
        }
    }
}
