import Foundation
import SQLKit

/// The rows of satisfaction surveys: `survey_rounds` and `survey_items`, and the closed cases and residents a
/// round draws from.
public struct SurveyRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let roundColumns = ["title", "area_code", "year", "period", "starts_on", "ends_on", "window_start",
                               "window_end", "source", "per_township", "seed", "sampled", "created_by", "created_at"]

    /// Inserts `record`; returns its id.
    public func insert(_ r: SurveyRoundRecord) async throws -> Int64 {
        let row = try await db.insert(into: "survey_rounds").columns(Self.roundColumns)
            .values(SQLBind(r.title), SQLBind(r.areaCode), SQLBind(r.year), SQLBind(r.period), SQLBind(r.startsOn),
                    SQLBind(r.endsOn), SQLBind(r.windowStart), SQLBind(r.windowEnd), SQLBind(r.source),
                    SQLBind(r.perTownship), SQLBind(r.seed), SQLBind(r.sampled), SQLBind(r.createdBy),
                    SQLBind(r.createdAt))
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("survey_rounds") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// Inserts the call list of a round.
    public func insert(_ items: [SurveyItemRecord]) async throws {
        try await db.insertRows(
            into: "survey_items",
            columns: ["round_id", "township_code", "subject_kind", "subject_id", "phone_cipher", "phone_masked", "status",
                      "attempts", "safety", "satisfaction", "comment", "called_by", "called_at"],
            rows: items.map { i -> [any Encodable & Sendable] in
                [i.roundId, i.townshipCode, i.subjectKind, i.subjectId, i.phoneCipher, i.phoneMasked, i.status, i.attempts,
                 i.safety, i.satisfaction, i.comment, i.calledBy, i.calledAt]
            })
    }

    public func round(id: Int64) async throws -> SurveyRoundRecord? {
        try await db.select().column("*").from("survey_rounds").where("id", .equal, id).first()?
            .decode(model: SurveyRoundRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The round of `areaCode` for the period, if one was made.
    public func round(areaCode: String, year: Int64, period: Int64) async throws -> SurveyRoundRecord? {
        try await db.select().column("*").from("survey_rounds").where("area_code", .equal, areaCode)
            .where("year", .equal, year).where("period", .equal, period).first()?
            .decode(model: SurveyRoundRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The latest rounds, newest period first.
    public func rounds(limit: Int) async throws -> [SurveyRoundRecord] {
        try await db.select().column("*").from("survey_rounds")
            .orderBy("window_start", .descending).orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: SurveyRoundRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Every number of round `roundId` in townships starting with `prefix`, in call-list order.
    public func items(roundId: Int64, prefix: String) async throws -> [SurveyItemRecord] {
        try await db.select().column("*").from("survey_items").where("round_id", .equal, roundId)
            .where("township_code", .greaterThanOrEqual, prefix).where("township_code", .lessThan, prefix + ":")
            .orderBy("id").all()
            .map { try $0.decode(model: SurveyItemRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func item(id: Int64, roundId: Int64) async throws -> SurveyItemRecord? {
        try await db.select().column("*").from("survey_items").where("id", .equal, id).where("round_id", .equal, roundId)
            .first()?.decode(model: SurveyItemRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The next number to call in townships starting with `prefix`: fewest attempts first, then list order.
    public func nextPending(roundId: Int64, prefix: String) async throws -> SurveyItemRecord? {
        try await db.select().column("*").from("survey_items").where("round_id", .equal, roundId)
            .where("township_code", .greaterThanOrEqual, prefix).where("township_code", .lessThan, prefix + ":")
            .where("status", .equal, "pending").orderBy("attempts").orderBy("id").limit(1).first()?
            .decode(model: SurveyItemRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Records a call on item `id` if it is still pending after `attempts` calls; false when someone else
    /// recorded one first (or it is closed).
    public func recordCall(
        id: Int64, expectedAttempts: Int64, status: String, attempts: Int64, safety: String?, satisfaction: String?,
        comment: String?, by accountId: Int64, at: Int64
    ) async throws -> Bool {
        let row = try await db.update("survey_items").set("status", to: status).set("attempts", to: attempts)
            .set("safety", to: safety).set("satisfaction", to: satisfaction).set("comment", to: comment)
            .set("called_by", to: accountId).set("called_at", to: at)
            .where("id", .equal, id).where("status", .equal, "pending").where("attempts", .equal, expectedAttempts)
            .returning("id").first()
        return row != nil
    }

    /// The rounds (newest period first) that drew numbers in each of `townships`, as (round, township) pairs.
    public func roundsDrawing(townships: [String]) async throws -> [(roundId: Int64, township: String)] {
        guard !townships.isEmpty else { return [] }
        return try await db.select().distinct().column("round_id").column("township_code").from("survey_items")
            .where("township_code", .in, townships).all()
            .map { (try $0.decode(column: "round_id", as: Int64.self), try $0.decode(column: "township_code", as: String.self)) }
    }

    /// Cases inside `prefix` closed in `[from, to)` that have a contact phone.
    public func closedCases(prefix: String, from: Int64, to: Int64) async throws -> [SurveySourceRow] {
        try await db.select().distinct()
            .column(SQLColumn("id", table: "cases")).column(SQLColumn("area_code", table: "cases"))
            .column(SQLColumn("contact_phone_cipher", table: "cases"))
            .column(SQLColumn("contact_phone_masked", table: "cases"))
            .from("cases").join("case_events", on: SQLColumn("case_id", table: "case_events"), .equal, SQLColumn("id", table: "cases"))
            .where(SQLColumn("area_code", table: "cases"), .greaterThanOrEqual, SQLBind(prefix))
            .where(SQLColumn("area_code", table: "cases"), .lessThan, SQLBind(prefix + ":"))
            .where(SQLColumn("to_state", table: "case_events"), .equal, SQLBind("closed"))
            .where(SQLColumn("at", table: "case_events"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("at", table: "case_events"), .lessThan, SQLBind(to))
            .where(SQLColumn("contact_phone_cipher", table: "cases"), .isNot, SQLLiteral.null)
            .all().map(Self.source(id: "id", area: "area_code", cipher: "contact_phone_cipher", masked: "contact_phone_masked"))
    }

    /// Residents filed inside `prefix` who have a phone.
    public func residents(prefix: String) async throws -> [SurveySourceRow] {
        try await db.select().column("id").column("grid_code").column("phone_cipher").column("phone_masked").from("people")
            .where("grid_code", .greaterThanOrEqual, prefix).where("grid_code", .lessThan, prefix + ":")
            .where("phone_cipher", .isNot, SQLLiteral.null)
            .all().map(Self.source(id: "id", area: "grid_code", cipher: "phone_cipher", masked: "phone_masked"))
    }

    static func source(id: String, area: String, cipher: String, masked: String) -> @Sendable (any SQLRow) throws -> SurveySourceRow {
        { row in
            SurveySourceRow(id: try row.decode(column: id, as: Int64.self), areaCode: try row.decode(column: area, as: String.self),
                            phoneCipher: try row.decode(column: cipher, as: String.self),
                            phoneMasked: try row.decode(column: masked, as: String?.self) ?? "")
        }
    }
}
