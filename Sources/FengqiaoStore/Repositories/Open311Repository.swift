import Foundation
import SQLKit

/// The rows the Open311 GeoReport v2 endpoint reads: cases filed through public channels inside a
/// county, and their events (the FixMyStreet `servicerequestupdates` extension).
public struct Open311Repository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// What a request list asks for; nil means "any".
    public struct Filter: Sendable, Equatable {
        public var areaPrefix: String
        public var channels: [String]
        public var numbers: [String]?
        public var categories: [String]?
        public var states: [String]?
        public var reportedFrom: Int64?
        public var reportedBefore: Int64?
        public var limit: Int

        public init(
            areaPrefix: String, channels: [String], numbers: [String]? = nil, categories: [String]? = nil,
            states: [String]? = nil, reportedFrom: Int64? = nil, reportedBefore: Int64? = nil, limit: Int
        ) {
            self.areaPrefix = areaPrefix
            self.channels = channels
            self.numbers = numbers
            self.categories = categories
            self.states = states
            self.reportedFrom = reportedFrom
            self.reportedBefore = reportedBefore
            self.limit = limit
        }
    }

    /// The cases matching `filter`, newest first.
    public func cases(_ filter: Filter) async throws -> [CaseRecord] {
        let query = db.select().column("*").from("cases")
            .where("area_code", .greaterThanOrEqual, filter.areaPrefix)
            .where("area_code", .lessThan, filter.areaPrefix + ":")
            .where("channel", .in, filter.channels)
        if let numbers = filter.numbers { query.where("number", .in, numbers) }
        if let categories = filter.categories { query.where("category", .in, categories) }
        if let states = filter.states { query.where("state", .in, states) }
        if let from = filter.reportedFrom { query.where("reported_at", .greaterThanOrEqual, from) }
        if let before = filter.reportedBefore { query.where("reported_at", .lessThan, before) }
        return try await query.orderBy("reported_at", .descending).orderBy("id", .descending).limit(filter.limit).all()
            .map { try $0.decode(model: CaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// One event of a public case, with the case's number.
    public struct Update: Sendable, Equatable {
        public var event: CaseEventRecord
        public var number: String
        public var category: String
        public var kind: String
    }

    /// The events of the public cases inside `areaPrefix` recorded in [`from`, `before`), oldest first.
    public func updates(areaPrefix: String, channels: [String], from: Int64, before: Int64, limit: Int) async throws
        -> [Update]
    {
        let rows = try await db.select()
            .column(SQLColumn("id", table: "case_events"), as: "event_id")
            .column(SQLColumn("case_id", table: "case_events"))
            .column(SQLColumn("type", table: "case_events"))
            .column(SQLColumn("from_state", table: "case_events"))
            .column(SQLColumn("to_state", table: "case_events"))
            .column(SQLColumn("actor", table: "case_events"))
            .column(SQLColumn("payload", table: "case_events"))
            .column(SQLColumn("at", table: "case_events"))
            .column(SQLColumn("number", table: "cases"))
            .column(SQLColumn("category", table: "cases"))
            .column(SQLColumn("kind", table: "cases"))
            .from("case_events")
            .join("cases", on: SQLColumn("id", table: "cases"), .equal, SQLColumn("case_id", table: "case_events"))
            .where(SQLColumn("at", table: "case_events"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("at", table: "case_events"), .lessThan, SQLBind(before))
            .where(SQLColumn("area_code", table: "cases"), .greaterThanOrEqual, SQLBind(areaPrefix))
            .where(SQLColumn("area_code", table: "cases"), .lessThan, SQLBind(areaPrefix + ":"))
            .where(SQLColumn("channel", table: "cases"), .in, SQLBind.group(channels))
            .orderBy(SQLColumn("id", table: "case_events"))
            .limit(limit)
            .all()
        return try rows.map { row in
            Update(
                event: CaseEventRecord(
                    id: try row.decode(column: "event_id", as: Int64.self),
                    caseId: try row.decode(column: "case_id", as: Int64.self),
                    type: try row.decode(column: "type", as: String.self),
                    fromState: try row.decode(column: "from_state", as: String?.self),
                    toState: try row.decode(column: "to_state", as: String.self),
                    actor: try row.decode(column: "actor", as: String.self),
                    payload: try row.decode(column: "payload", as: String.self),
                    at: try row.decode(column: "at", as: Int64.self)),
                number: try row.decode(column: "number", as: String.self),
                category: try row.decode(column: "category", as: String.self),
                kind: try row.decode(column: "kind", as: String.self))
        }
    }

    /// The events of each case in `caseIds`, newest first.
    public func events(caseIds: [Int64]) async throws -> [Int64: [CaseEventRecord]] {
        guard !caseIds.isEmpty else { return [:] }
        let rows = try await db.select().column("*").from("case_events").where("case_id", .in, caseIds)
            .orderBy("id", .descending).all()
            .map { try $0.decode(model: CaseEventRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
        return Dictionary(grouping: rows, by: \.caseId)
    }
}
