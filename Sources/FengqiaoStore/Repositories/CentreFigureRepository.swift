import Foundation
import SQLKit

/// Counts of petitions (`petitions`, `petitioners`) and mediations (`mediation_cases`) inside a code range
/// and a time range, grouped by the first `groupLength` digits of their area code (the child areas of a
/// table), or not grouped when `groupLength` is nil. Petitions count by receipt, mediations opened by
/// their opening and ended ones by the day they ended.
public struct CentreFigureRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public struct PetitionCounts: Sendable, Equatable {
        public var batches: Int64 = 0
        public var persons: Int64 = 0
        public var petitioners: Int64 = 0
        public var visitBatches: Int64 = 0
        public var visitPersons: Int64 = 0
        public var collective: Int64 = 0
        public var repeated: Int64 = 0
        public var accepted: Int64 = 0
    }

    public struct MediationCounts: Sendable, Equatable {
        public var received: Int64 = 0
        public var amountFen: Int64 = 0
        public var succeeded: Int64 = 0
        public var partial: Int64 = 0
        public var failed: Int64 = 0
    }

    /// The key of a group: the leading digits of the code, or "" for the whole range.
    private func key(_ column: String, _ groupLength: Int?) -> SQLQueryString {
        if let groupLength { return "SUBSTR(\(unsafeRaw: column), 1, \(unsafeRaw: String(groupLength)))" }
        return "''"
    }

    /// `GROUP BY` the key; nothing for the whole range (PostgreSQL refuses a constant there).
    private func grouping(_ column: String, _ groupLength: Int?) -> SQLQueryString {
        groupLength == nil ? "" : "GROUP BY \(key(column, groupLength))"
    }

    public func petitions(codesFrom low: String, below high: String, received: Range<Int64>, groupLength: Int?)
        async throws -> [String: PetitionCounts]
    {
        var result: [String: PetitionCounts] = [:]
        let rows = try await db.raw("""
            SELECT \(key("place_code", groupLength)) AS k, COUNT(*) AS batches,
                COALESCE(SUM(persons), 0) AS persons,
                COALESCE(SUM(CASE WHEN form = 'visit' THEN 1 ELSE 0 END), 0) AS visit_batches,
                COALESCE(SUM(CASE WHEN form = 'visit' THEN persons ELSE 0 END), 0) AS visit_persons,
                COALESCE(SUM(collective), 0) AS collective, COALESCE(SUM(repeated), 0) AS repeated,
                COALESCE(SUM(CASE WHEN decision = 'accept' THEN 1 ELSE 0 END), 0) AS accepted
            FROM petitions
            WHERE place_code >= \(bind: low) AND place_code < \(bind: high)
              AND received_at >= \(bind: received.lowerBound) AND received_at < \(bind: received.upperBound)
            \(grouping("place_code", groupLength))
            """).all()
        for row in rows {
            let k = try row.decode(column: "k", as: String.self)
            result[k] = PetitionCounts(
                batches: try row.decode(column: "batches", as: Int64.self), persons: try row.decode(column: "persons", as: Int64.self),
                visitBatches: try row.decode(column: "visit_batches", as: Int64.self),
                visitPersons: try row.decode(column: "visit_persons", as: Int64.self),
                collective: try row.decode(column: "collective", as: Int64.self),
                repeated: try row.decode(column: "repeated", as: Int64.self),
                accepted: try row.decode(column: "accepted", as: Int64.self))
        }
        // Different people: by the blind index of their ID number; without one, each petitioner row is a person.
        let people = try await db.raw("""
            SELECT \(key("p.place_code", groupLength)) AS k,
                COUNT(DISTINCT COALESCE(t.id_number_index, 'row:' || CAST(t.id AS TEXT))) AS people
            FROM petitioners t JOIN petitions p ON p.id = t.petition_id
            WHERE p.place_code >= \(bind: low) AND p.place_code < \(bind: high)
              AND p.received_at >= \(bind: received.lowerBound) AND p.received_at < \(bind: received.upperBound)
            \(grouping("p.place_code", groupLength))
            """).all()
        for row in people {
            let k = try row.decode(column: "k", as: String.self)
            result[k, default: PetitionCounts()].petitioners = try row.decode(column: "people", as: Int64.self)
        }
        return result
    }

    public func mediations(codesFrom low: String, below high: String, during period: Range<Int64>, groupLength: Int?)
        async throws -> [String: MediationCounts]
    {
        var result: [String: MediationCounts] = [:]
        let opened = try await db.raw("""
            SELECT \(key("area_code", groupLength)) AS k, COUNT(*) AS received,
                CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS amount
            FROM mediation_cases
            WHERE area_code >= \(bind: low) AND area_code < \(bind: high)
              AND created_at >= \(bind: period.lowerBound) AND created_at < \(bind: period.upperBound)
            \(grouping("area_code", groupLength))
            """).all()
        for row in opened {
            let k = try row.decode(column: "k", as: String.self)
            result[k, default: MediationCounts()].received = try row.decode(column: "received", as: Int64.self)
            result[k, default: MediationCounts()].amountFen = try row.decode(column: "amount", as: Int64.self)
        }
        let ended = try await db.raw("""
            SELECT \(key("area_code", groupLength)) AS k,
                COALESCE(SUM(CASE WHEN state = 'succeeded' THEN 1 ELSE 0 END), 0) AS succeeded,
                COALESCE(SUM(CASE WHEN state = 'partial' THEN 1 ELSE 0 END), 0) AS partial,
                COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) AS failed
            FROM mediation_cases
            WHERE area_code >= \(bind: low) AND area_code < \(bind: high)
              AND closed_at >= \(bind: period.lowerBound) AND closed_at < \(bind: period.upperBound)
            \(grouping("area_code", groupLength))
            """).all()
        for row in ended {
            let k = try row.decode(column: "k", as: String.self)
            result[k, default: MediationCounts()].succeeded = try row.decode(column: "succeeded", as: Int64.self)
            result[k, default: MediationCounts()].partial = try row.decode(column: "partial", as: Int64.self)
            result[k, default: MediationCounts()].failed = try row.decode(column: "failed", as: Int64.self)
        }
        return result
    }

    /// One petition or mediation behind a figure.
    public struct Item: Sendable, Equatable {
        public var id: Int64
        /// The petition's case number, or the mediation's number.
        public var number: String
        public var code: String
        public var at: Int64
        public var state: String
        public var text: String
        public var persons: Int64
        public var amountFen: Int64
    }

    /// The petitions received in `received` inside the range, newest first, narrowed by `condition`
    /// (an SQL condition on `petitions` written by the service, never from input).
    public func petitionItems(codesFrom low: String, below high: String, received: Range<Int64>,
                              condition: SQLQueryString, limit: Int) async throws -> [Item] {
        try await db.raw("""
            SELECT id, case_number AS number, place_code AS code, received_at AS at, state,
                description AS text, CAST(persons AS BIGINT) AS persons, CAST(0 AS BIGINT) AS amount
            FROM petitions
            WHERE place_code >= \(bind: low) AND place_code < \(bind: high)
              AND received_at >= \(bind: received.lowerBound) AND received_at < \(bind: received.upperBound)
              AND \(condition)
            ORDER BY received_at DESC, id DESC LIMIT \(unsafeRaw: String(limit))
            """).all().map(Self.item)
    }

    /// The mediations whose `timeColumn` (`created_at` or `closed_at`) falls in `period` inside the range,
    /// newest first, narrowed by `condition` (written by the service).
    public func mediationItems(codesFrom low: String, below high: String, timeColumn: String, during period: Range<Int64>,
                               condition: SQLQueryString, limit: Int) async throws -> [Item] {
        try await db.raw("""
            SELECT id, number, area_code AS code, \(unsafeRaw: timeColumn) AS at, state, facts AS text, CAST(0 AS BIGINT) AS persons,
                amount_fen AS amount
            FROM mediation_cases
            WHERE area_code >= \(bind: low) AND area_code < \(bind: high)
              AND \(unsafeRaw: timeColumn) >= \(bind: period.lowerBound) AND \(unsafeRaw: timeColumn) < \(bind: period.upperBound)
              AND \(condition)
            ORDER BY \(unsafeRaw: timeColumn) DESC, id DESC LIMIT \(unsafeRaw: String(limit))
            """).all().map(Self.item)
    }

    private static func item(_ row: any SQLRow) throws -> Item {
        Item(id: try row.decode(column: "id", as: Int64.self), number: try row.decode(column: "number", as: String.self),
             code: try row.decode(column: "code", as: String.self), at: try row.decode(column: "at", as: Int64.self),
             state: try row.decode(column: "state", as: String.self), text: try row.decode(column: "text", as: String.self),
             persons: try row.decode(column: "persons", as: Int64.self), amountFen: try row.decode(column: "amount", as: Int64.self))
    }
}
