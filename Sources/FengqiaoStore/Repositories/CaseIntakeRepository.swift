import Foundation
import SQLKit

/// `case_intake` (how a case came in) and `intake_uploads` (files waiting for the desk's confirmation).
public struct CaseIntakeRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ record: CaseIntakeRecord) async throws {
        try await db.insert(into: "case_intake").model(record, keyEncodingStrategy: .convertToSnakeCase).run()
    }

    /// The intake row of case `caseId`, if it came in through the desk or a grid worker.
    public func find(caseId: Int64) async throws -> CaseIntakeRecord? {
        try await db.select().column("*").from("case_intake").where("case_id", .equal, caseId).first()?
            .decode(model: CaseIntakeRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    // MARK: Files waiting for the confirmation

    public func stage(_ record: IntakeUploadRecord) async throws {
        try await db.insert(into: "intake_uploads").model(record, keyEncodingStrategy: .convertToSnakeCase).run()
    }

    /// The waiting files of `accountId` named by `tokens`, in the order of `tokens` (unknown ones and
    /// other accounts' are left out).
    public func staged(tokens: [String], accountId: Int64) async throws -> [IntakeUploadRecord] {
        guard !tokens.isEmpty else { return [] }
        let rows = try await db.select().column("*").from("intake_uploads").where("token", .in, tokens)
            .where("account_id", .equal, accountId).all()
            .map { try $0.decode(model: IntakeUploadRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
        return tokens.compactMap { token in rows.first { $0.token == token } }
    }

    /// Removes the waiting rows named by `tokens` (their files now belong to a case); returns how many it
    /// removed, fewer when another transaction (the clean-up of expired pages) removed some first.
    public func claim(tokens: [String]) async throws -> Int {
        guard !tokens.isEmpty else { return 0 }
        return try await db.delete(from: "intake_uploads").where("token", .in, tokens).returning("token").all().count
    }

    /// Removes the rows stored before `cutoff`; returns their stored names, whose files the caller deletes.
    public func removeExpired(before cutoff: Int64) async throws -> [String] {
        let names = try await db.select().column("stored_name").from("intake_uploads")
            .where("created_at", .lessThan, cutoff).all(decodingColumn: "stored_name", as: String.self)
        guard !names.isEmpty else { return [] }
        try await db.delete(from: "intake_uploads").where("created_at", .lessThan, cutoff).run()
        return names
    }
}

extension CaseIntakeRepository {
    /// The number of case `id`, if it exists.
    public func number(ofCase id: Int64) async throws -> String? {
        try await db.select().column("number").from("cases").where("id", .equal, id).first()?
            .decode(column: "number", as: String.self)
    }
}
